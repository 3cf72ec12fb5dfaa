/**
 * Opt-in (E2E_WEBCONTAINER=1, needs the internet): the lessons on a real WebContainer booted from
 * StackBlitz, in the page `npm start` serves (cross-origin isolated, like the static site). It
 * proves the hosted site in one command: every lesson's starter and solution are Checked there
 * and compared with the lesson's starterFails, and the sandbox's capability report is printed.
 * Without the variable every test here is skipped with the reason — reported as skipped, never
 * as passed. Run: E2E_WEBCONTAINER=1 npx playwright test --project=webcontainer
 */
import { expect, test, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { loadLessons } from '../server/lessons/load.ts';
import { checkButton, checkResults, checkSummary, ruleButton } from './check-steps.ts';
import { terminal } from './playground-steps.ts';
import { withSecret } from './login.ts';

test.skip(!process.env.E2E_WEBCONTAINER, 'needs the internet to boot a real WebContainer from StackBlitz; set E2E_WEBCONTAINER=1');

const lessons = await loadLessons(resolve('lessons'));
/** Lessons a WebContainer can run and the preview can show: Node commands serving HTTP. */
const previewable = lessons.filter((l) => l.preview && l.command.startsWith('node ') && l.probe.bodyPattern);

async function openOnWebContainer(page: Page, lessonId: string): Promise<void> {
  await page.goto(withSecret(`/?runtime=webcontainer#/${lessonId}`));
  await expect(page.getByText('Runtime: WebContainer')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 120_000 });
}

for (const lesson of previewable) {
  test(`learner runs the solution of "${lesson.title}" in a WebContainer and sees it in the preview`, async ({ page }) => {
    await openOnWebContainer(page, lesson.id);
    await page.getByRole('button', { name: 'Show solution' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Show solution' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const body = page.frameLocator('[title="Preview"]').locator('body');
    await expect(body).toContainText(new RegExp(lesson.probe.bodyPattern ?? ''), { timeout: 120_000 });
  });
}

test('learner stops a server stuck in a hot loop and the sandbox is restarted with their files', async ({ page }) => {
  const lesson = previewable[0];
  test.skip(!lesson, 'no previewable lesson');
  const stuck = [
    "import http from 'node:http';",
    "const server = http.createServer((request, response) => response.end('about to loop'));",
    'server.listen(Number(process.env.PORT), () => {',
    "  console.log('listening, looping soon');",
    '  setTimeout(() => { for (;;) {} }, 1000);',
    '});',
  ].join('\n');
  // The learner's saved files (app/lessons/saved-files.ts) stand in for typing the loop into the editor.
  await page.addInitScript(([key, files]) => localStorage.setItem(key, files), [`portside:v1:files:${lesson?.id}`, JSON.stringify({ 'server.js': stuck })] as const);
  await openOnWebContainer(page, lesson?.id ?? '');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const terminal = page.getByRole('region', { name: 'Terminal' });
  await expect(terminal).toContainText('listening, looping soon', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(terminal).toContainText('did not stop when asked', { timeout: 120_000 });
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 120_000 });
});

/** The words a rule's row uses (app/check/check-words.ts), one of which each finished rule shows. */
const VERDICTS = ['passed', 'failed', 'your code crashed', 'never started', 'timed out', 'the check itself failed', 'not run'];
/** A rule the runtime cannot decide says so (probes/lib/rule-needs.mjs); it is "not run", never passed. */
const UNDECIDED = /on this runtime|cannot be checked here/;

async function showSolution(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Show solution' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Show solution' }).click();
}

/** Presses Check, waits for the verdict, and reads each rule's words and message. */
async function check(page: Page, rules: readonly string[]): Promise<Record<string, { verdict: string; message: string }>> {
  await checkButton(page).click();
  await expect(checkSummary(page)).toHaveText(/rules? pass|could not run|itself failed/, { timeout: 240_000 });
  const seen: Record<string, { verdict: string; message: string }> = {};
  for (const id of rules) {
    for (const verdict of VERDICTS) {
      if ((await ruleButton(page, id, verdict).count()) === 0) continue;
      const row = checkResults(page).getByRole('listitem').filter({ has: ruleButton(page, id, verdict) });
      seen[id] = { verdict, message: await row.innerText() };
    }
  }
  return seen;
}

/** What the sandbox supports, as the harness measured it before its first check (probes/capabilities.mjs). */
async function printCapabilities(page: Page): Promise<void> {
  await terminal(page).locator('.xterm').click();
  await page.keyboard.type('node .portside/capabilities.mjs');
  await page.keyboard.press('Enter');
  await expect(terminal(page)).toContainText('udpLoopback', { timeout: 120_000 });
  const report = await terminal(page).innerText();
  console.log(report);
  await test.info().attach('WebContainer capabilities', { body: report, contentType: 'text/plain' });
}

for (const lesson of lessons) {
  test(`Check on a WebContainer: the starter of "${lesson.title}" fails exactly ${lesson.starterFails.join(', ')}, the solution passes`, async ({ page }) => {
    await openOnWebContainer(page, lesson.id);
    const starter = await check(page, lesson.rules);
    for (const id of lesson.rules) {
      const got = starter[id];
      expect(got, `${id} has a verdict`).toBeDefined();
      if (got?.verdict === 'not run' && UNDECIDED.test(got.message)) continue; // undecidable here, and it says why
      if (lesson.starterFails.includes(id)) expect(['passed', 'the check itself failed'], `${id}: ${got?.message}`).not.toContain(got?.verdict);
      else expect(got?.verdict, `${id}: ${got?.message}`).toBe('passed');
    }
    if (lesson === lessons[0]) await printCapabilities(page);
    await showSolution(page);
    const solution = await check(page, lesson.rules);
    for (const id of lesson.rules) {
      const got = solution[id];
      if (got?.verdict === 'not run' && UNDECIDED.test(got.message)) continue;
      expect(got?.verdict, `${id}: ${got?.message}`).toBe('passed');
    }
  });
}

test('lesson 12 says before Run that Python needs the local runtime', async ({ page }) => {
  const python = lessons.find((l) => /^python3?\s/.test(l.command));
  test.skip(!python, 'no Python lesson');
  await openOnWebContainer(page, python?.id ?? '');
  await expect(page.getByRole('note', { name: 'Runtime notice' })).toContainText('Python needs the local runtime');
});
