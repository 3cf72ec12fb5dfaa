/**
 * Every lesson is proven by the checks themselves: its starter fails exactly its starterFails
 * (every other rule passes) and its solution passes every rule. Run through checkFolder — the
 * code path of `npm run grade` — with the lessons' packages linked the way grade links them.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFolder } from '../grade/check-folder.ts';
import type { HarnessOutcome } from '../grade/run-harness.ts';
import { parseCommand, spawnArgs } from '../../probes/lib/command.mjs';
import { taggedProcesses } from '../../probes/tagged-processes.ts';
import { loadLessons, type Lesson } from './load.ts';
import { lessonPackages } from './packages.ts';
import { semaphore } from '../../test-support/semaphore.ts';

const ROOT = join(import.meta.dirname, '..', '..', 'lessons');
const lessons = await loadLessons(ROOT);
const packages = lessonPackages(lessons);
/** Statuses that count as "the starter fails this rule": the learner's code is wrong, not the check. */
const FAILING = ['fail', 'timeout', 'skipped'];

const slots = semaphore(3);

function explain(outcome: HarnessOutcome): string {
  return outcome.results.map((r) => `${r.id}: ${r.status} — ${r.message}\n    ${r.details.transcript.join('\n    ')}`).join('\n');
}

async function check(lesson: Lesson, which: 'starter' | 'solution') {
  const tag = randomUUID();
  const outcome = await slots(() => checkFolder(join(ROOT, lesson.folder, which), lesson, { packages, env: { PORTSIDE_TEST_TAG: tag } }));
  expect(outcome.error, explain(outcome)).toBeUndefined();
  expect(outcome.results.map((r) => r.id)).toEqual(lesson.rules);
  expect(taggedProcesses(tag), 'every process the check started is gone').toEqual([]);
  return outcome;
}

/** The program a lesson's command starts (python3 for lesson 12) must exist for it to be checked. */
function available(command: string): boolean {
  const program = spawnArgs(parseCommand(command), command).file;
  return ['node', 'npm'].includes(program) || spawnSync(program, ['--version']).status === 0;
}

describe.concurrent.each(lessons)('lesson $folder', (lesson) => {
  test.runIf(available(lesson.command))('the starter fails exactly its starterFails', async () => {
    const outcome = await check(lesson, 'starter');
    const statuses = Object.fromEntries(outcome.results.map((r) => [r.id, r.status]));
    for (const id of lesson.rules) {
      if (lesson.starterFails.includes(id)) expect(FAILING, `${id} should fail\n${explain(outcome)}`).toContain(statuses[id]);
      else expect(statuses[id], `${id} should pass\n${explain(outcome)}`).toBe('pass');
    }
    // Skipping is only honest when the server really never started, and one rule says why.
    expect(outcome.results.some((r) => r.status === 'fail' || r.status === 'timeout')).toBe(true);
  }, 120_000);

  test.runIf(available(lesson.command))('the solution passes every rule', async () => {
    const outcome = await check(lesson, 'solution');
    expect(outcome.results.filter((r) => r.status !== 'pass'), explain(outcome)).toEqual([]);
    expect(outcome.passed).toBe(true);
  }, 120_000);
});
