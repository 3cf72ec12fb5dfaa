/** Points per rule: the lesson's `points` map as the schema accepts it, and the score grade's rows carry. */
import { expect, test } from 'vitest';
import { frontmatter } from '../../contracts/lesson-schema.ts';
import { gradeItem, scorePoints } from './grade-item.ts';
import type { RuleResult } from './run-harness.ts';

const lesson = { title: 'T', summary: 'S', command: 'node server.js', concepts: ['port-from-env'], rules: ['responds-http', 'uses-env-port'], starterFails: ['uses-env-port'], hints: ['h'] };
const issues = (points: unknown) => {
  const parsed = frontmatter.safeParse({ ...lesson, points });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

test('the schema takes positive whole points for the lesson\'s own rules', () => {
  expect(issues({ 'uses-env-port': 3 })).toEqual([]);
  expect(frontmatter.parse({ ...lesson, points: { 'uses-env-port': 3 } }).points).toEqual({ 'uses-env-port': 3 });
  expect(issues(undefined)).toEqual([]);
});

test('the schema names a points entry for a rule not in rules (known or not), and a bad value', () => {
  expect(issues({ 'default-port': 2 })).toEqual(['points.default-port: "default-port" is not in rules']);
  expect(issues({ 'no-such-rule': 2 })).toEqual(['points.no-such-rule: "no-such-rule" is not in rules']);
  expect(issues({ 'uses-env-port': 0 })).toHaveLength(1);
  expect(issues({ 'uses-env-port': 1.5 })).toHaveLength(1);
});

const result = (id: string, status: RuleResult['status']): RuleResult => ({ id, status, message: '', details: { transcript: [] } });

test('a row scores the rules that passed; a rule without an entry is worth 1', () => {
  const spec = { rules: ['responds-http', 'uses-env-port', 'no-hardcoded-port'], points: { 'uses-env-port': 5 } };
  expect(scorePoints(spec, [result('responds-http', 'pass'), result('uses-env-port', 'pass'), result('no-hardcoded-port', 'fail')])).toEqual({ points: 6, maxPoints: 7 });
  expect(scorePoints(spec, [result('responds-http', 'pass'), result('uses-env-port', 'timeout'), result('no-hardcoded-port', 'pass')])).toEqual({ points: 2, maxPoints: 7 });
  expect(scorePoints({ rules: spec.rules }, [])).toEqual({ points: 0, maxPoints: 3 });
});

test('a row that could not be graded still carries the lesson\'s points possible', async () => {
  const row = await gradeItem({ path: 'class/notes.docx', student: 'notes', kind: 'invalid', problem: 'not a folder, .zip or .tar.gz' }, { id: 'take-the-port', command: 'node server.js', rules: ['responds-http', 'uses-env-port'], points: { 'responds-http': 4 } });
  expect(row).toMatchObject({ verdict: 'error', points: 0, maxPoints: 5 });
});
