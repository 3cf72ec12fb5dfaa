/**
 * The whole course, lesson by lesson, through the real UI on the local runtime: a learner opens
 * the lesson, runs the starter and presses Check, and sees exactly the rules of `starterFails`
 * fail; then shows the solution, runs it, sees the preview answer (HTTP lessons), presses Check
 * and sees every rule pass and the lesson marked complete.
 *
 * The lessons come from lessons/ through the same loader as the build, so a new lesson gets its
 * test without an edit here, and a lesson that cannot be loaded fails the suite.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { parseCommand, spawnArgs } from '../probes/lib/command.mjs';
import { loadLessons, type Lesson } from '../server/lessons/load.ts';
import { checkResults, ruleButton } from './check-steps.ts';
import { openLesson, preview } from './playground-steps.ts';
import { checkAndWait, completeSummary, hardcodedPorts, ruleStatuses, runFromScratch, showSolution, waitUntilFree } from './course-steps.ts';

const LESSONS_DIR = fileURLToPath(new URL('../lessons/', import.meta.url));
const lessons = await loadLessons(LESSONS_DIR);
const lessonFolders = readdirSync(LESSONS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory() && /^\d{2}-/.test(e.name));

/** Programs every machine that runs Portside has; any other (python3) may be missing. */
const ALWAYS_THERE = new Set(['node', 'npm', 'npx']);

/** Why this machine cannot run the lesson's command, or null when it can. */
function missingProgram(lesson: Lesson): string | null {
  const program = spawnArgs(parseCommand(lesson.command), lesson.command).file;
  if (ALWAYS_THERE.has(program)) return null;
  const found = spawnSync(program, ['--version'], { stdio: 'ignore' });
  return found.error || found.status !== 0 ? `${program} is not installed here, and lesson ${lesson.order} runs \`${lesson.command}\` (.ci/run installs it)` : null;
}

let generated = 0;
for (const lesson of lessons) {
  generated += 1;
  test(`learner completes lesson ${lesson.order}, ${lesson.title}: the starter fails as the lesson says, the solution passes every rule`, async ({ page }) => {
    test.setTimeout(90_000);
    const missing = missingProgram(lesson);
    test.skip(missing !== null, missing ?? '');

    await openLesson(page, lesson.id);
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();

    await test.step('the starter fails exactly its starterFails', async () => {
      await waitUntilFree(hardcodedPorts(lesson.namedPorts, lesson.starter));
      await runFromScratch(page);
      const summary = await checkAndWait(page);
      expect(summary, 'the starter check should end with failing rules').toMatch(/^\d+ of \d+ rules? pass(es)?\./);
      const statuses = await ruleStatuses(page, lesson.rules);
      const neverStarted = lesson.starterFails.some((id) => statuses.get(id) === 'never started');
      const wrong = lesson.rules.flatMap((id) => {
        const status = statuses.get(id) ?? '(missing)';
        if (lesson.starterFails.includes(id)) {
          return status === 'passed' || status === 'the check itself failed' || status === 'not run' && !neverStarted ? [`${id}: expected to fail, got "${status}"`] : [];
        }
        return status === 'passed' || (status === 'not run' && neverStarted) ? [] : [`${id}: expected to pass, got "${status}"`];
      });
      expect(wrong, `starter of lesson ${lesson.order} (summary: ${summary})`).toEqual([]);
    });

    await test.step('the solution runs and answers in the preview', async () => {
      await showSolution(page);
      await runFromScratch(page);
      await expect(page.getByRole('group', { name: 'Run your program' }).getByRole('status')).toHaveText(/^Running · PORT \d+$/);
      if (lesson.preview) {
        const answer = lesson.probe.bodyPattern ? new RegExp(lesson.probe.bodyPattern) : /\S/;
        await expect(preview(page)).toHaveText(answer, { timeout: 30_000 });
      } else {
        await expect(page.getByRole('region', { name: 'Preview' })).toContainText('No page to preview in this lesson');
      }
    });

    await test.step('the solution passes every rule and the lesson is complete', async () => {
      const summary = await checkAndWait(page);
      expect(summary).toBe(completeSummary(lesson.rules.length));
      for (const id of lesson.rules) await expect(ruleButton(page, id, 'passed')).toBeVisible();
      await expect(checkResults(page)).toBeVisible();
      await expect(page.getByText('Completed', { exact: true })).toBeVisible();
    });
  });
}

test('the course suite has one test for every lesson folder', () => {
  expect(lessonFolders.length).toBeGreaterThan(0);
  expect(lessons.map((l) => l.folder)).toEqual(lessonFolders.map((e) => e.name).sort());
  expect(generated).toBe(lessonFolders.length);
});
