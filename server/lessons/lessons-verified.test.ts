/**
 * Every lesson is proven by the checks themselves: its starter fails exactly its starterFails
 * (every other rule passes) and its solution passes every rule (verifyLesson, the code path of
 * `npm run check-lesson` and `npm run grade`). A broken lesson fails its own test, not the file.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { HarnessOutcome } from '../grade/run-harness.ts';
import { parseCommand, spawnArgs } from '../../probes/lib/command.mjs';
import { taggedProcesses } from '../../probes/tagged-processes.ts';
import { loadLessonsReport } from './load.ts';
import { lessonPackages } from './packages.ts';
import { verifyLesson } from './verify.ts';
import { effectiveTimeoutScale } from '../grade/args.ts';
import { semaphore } from '../../test-support/semaphore.ts';

const ROOT = join(import.meta.dirname, '..', '..', 'lessons');
const { lessons, broken } = await loadLessonsReport(ROOT);
const packages = lessonPackages(lessons);

/** Two checks per lesson (starter and solution) run at once; at most four at a time here. */
const slots = semaphore(2);

function explain(outcome: HarnessOutcome): string {
  return outcome.results.map((r) => `${r.id}: ${r.status} — ${r.message}\n    ${r.details.transcript.join('\n    ')}`).join('\n');
}

/** The program a lesson's command starts (python3 for lesson 12) must exist for it to be checked. */
function available(command: string): boolean {
  const program = spawnArgs(parseCommand(command), command).file;
  return ['node', 'npm'].includes(program) || spawnSync(program, ['--version']).status === 0;
}

test.each(broken.map((error) => [error.folder ?? '?', error.message]))('lesson %s loads', (_folder, message) => {
  expect.fail(message);
});

describe.concurrent.each(lessons)('lesson $folder', (lesson) => {
  test.runIf(available(lesson.command))('the starter fails exactly its starterFails, the solution passes every rule', async () => {
    const tag = randomUUID();
    const { problems, starter, solution } = await slots(() => verifyLesson(ROOT, lesson, { packages, env: { PORTSIDE_TEST_TAG: tag } }, effectiveTimeoutScale(undefined, 4)));
    expect(problems, `starter:\n${explain(starter)}\n\nsolution:\n${explain(solution)}`).toEqual([]);
    expect(solution.passed).toBe(true);
    expect(taggedProcesses(tag), 'every process the checks started is gone').toEqual([]);
  }, 120_000);
});
