import { expect, test } from 'vitest';
import type { HarnessOutcome } from '../grade/run-harness.ts';
import type { RuleStatus } from '../grade/run-harness.ts';
import { solutionProblems, starterProblems } from './verify.ts';

const lesson = { rules: ['responds-http', 'uses-env-port', 'default-port'], starterFails: ['uses-env-port'] };
const outcome = (statuses: Record<string, RuleStatus>, error?: string): HarnessOutcome => ({
  passed: Object.values(statuses).every((s) => s === 'pass'),
  results: Object.entries(statuses).map(([id, status]) => ({ id, status, message: `${id} said so`, details: { transcript: [] } })),
  exitCode: 1,
  ...(error ? { error } : {}),
});

test.each([
  [{ 'responds-http': 'pass', 'uses-env-port': 'fail', 'default-port': 'pass' }, []],
  [{ 'responds-http': 'pass', 'uses-env-port': 'pass', 'default-port': 'pass' }, ['starter: uses-env-port should fail (it is in starterFails) but is pass: uses-env-port said so', 'starter: no rule fails outright, so nothing tells the learner what is wrong']],
  [{ 'responds-http': 'pass', 'uses-env-port': 'timeout', 'default-port': 'fail' }, ['starter: default-port should pass (it is not in starterFails) but is fail: default-port said so']],
  [{ 'responds-http': 'pass', 'uses-env-port': 'skipped' }, ['starter: default-port gave no result', 'starter: no rule fails outright, so nothing tells the learner what is wrong']],
] as [Record<string, RuleStatus>, string[]][])('starter %j', (statuses, problems) => {
  expect(starterProblems(lesson, outcome(statuses))).toEqual(problems);
});

test('the solution must pass every rule, and a check that could not run is named', () => {
  expect(solutionProblems(lesson, outcome({ 'responds-http': 'pass', 'uses-env-port': 'pass', 'default-port': 'pass' }))).toEqual([]);
  expect(solutionProblems(lesson, outcome({ 'responds-http': 'pass', 'uses-env-port': 'error' }))).toEqual(['solution: default-port gave no result', 'solution: uses-env-port should pass but is error: uses-env-port said so']);
  expect(starterProblems(lesson, outcome({}, 'check.json: bad'))).toEqual(['starter: the check could not run: check.json: bad']);
});
