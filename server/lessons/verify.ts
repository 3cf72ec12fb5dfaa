/**
 * Proves a lesson with the checks themselves: its starter fails exactly its starterFails (every
 * other rule passes) and its solution passes every rule. Both run at once through checkFolder,
 * the code path of `npm run grade`. Used by check-lesson and the lessons test.
 */
import { join } from 'node:path';
import { checkFolder, type CheckFolderOptions } from '../grade/check-folder.ts';
import type { HarnessOutcome } from '../grade/run-harness.ts';
import type { Lesson } from './load.ts';

/** Statuses that count as "the starter fails this rule": the learner's code is wrong, not the check. */
export const FAILING = ['fail', 'timeout', 'skipped'];

export interface Verification {
  starter: HarnessOutcome;
  solution: HarnessOutcome;
  /** What is wrong with the lesson, one sentence each naming the side and the rule; empty when proven. */
  problems: string[];
}

/** `timeoutScale` stretches the checks' deadlines, as grade does under load (see effectiveTimeoutScale). */
export async function verifyLesson(lessonsDir: string, lesson: Lesson, options: CheckFolderOptions = {}, timeoutScale?: number): Promise<Verification> {
  const spec = { ...lesson, timeoutScale };
  const [starter, solution] = await Promise.all((['starter', 'solution'] as const).map((side) => checkFolder(join(lessonsDir, lesson.folder, side), spec, options)));
  return { starter: starter!, solution: solution!, problems: [...starterProblems(lesson, starter!), ...solutionProblems(lesson, solution!)] };
}

export function starterProblems(lesson: Pick<Lesson, 'rules' | 'starterFails'>, outcome: HarnessOutcome): string[] {
  if (outcome.error) return [`starter: the check could not run: ${outcome.error}`];
  const status = new Map(outcome.results.map((r) => [r.id, r]));
  const problems = lesson.rules.flatMap((id) => {
    const result = status.get(id);
    if (!result) return [`starter: ${id} gave no result`];
    const shouldFail = lesson.starterFails.includes(id);
    if (shouldFail && !FAILING.includes(result.status)) return [`starter: ${id} should fail (it is in starterFails) but is ${result.status}: ${result.message}`];
    if (!shouldFail && result.status !== 'pass') return [`starter: ${id} should pass (it is not in starterFails) but is ${result.status}: ${result.message}`];
    return [];
  });
  // Skipping is only honest when the server really never started, and one rule says why.
  if (!outcome.results.some((r) => r.status === 'fail' || r.status === 'timeout')) problems.push('starter: no rule fails outright, so nothing tells the learner what is wrong');
  return problems;
}

export function solutionProblems(lesson: Pick<Lesson, 'rules'>, outcome: HarnessOutcome): string[] {
  if (outcome.error) return [`solution: the check could not run: ${outcome.error}`];
  const seen = new Set(outcome.results.map((r) => r.id));
  return [
    ...lesson.rules.filter((id) => !seen.has(id)).map((id) => `solution: ${id} gave no result`),
    ...outcome.results.filter((r) => r.status !== 'pass').map((r) => `solution: ${r.id} should pass but is ${r.status}: ${r.message}`),
  ];
}
