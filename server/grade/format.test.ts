import { expect, test } from 'vitest';
import { formatJsonRow, formatRow, formatSummary, summarize } from './format.ts';
import type { Row } from './grade-item.ts';
import type { RuleResult } from './run-harness.ts';

const rule = (id: string, status: RuleResult['status'], message: string, transcript: string[] = []): RuleResult => ({ id, status, message, details: { transcript } });
const row = (fields: Partial<Row>): Row => ({ path: 'subs/alice', student: 'alice', lesson: 'take-the-port', verdict: 'failed', notes: [], results: [], checked: true, durationMs: 5, points: 0, maxPoints: 1, ...fields });

test('a line per rule, notes, then the first real failure in detail', () => {
  const text = formatRow(row({
    notes: ['found the project in orders/ — graded that'],
    results: [
      rule('responds-http', 'pass', 'Answered.'),
      rule('uses-env-port', 'skipped', 'Not run.'),
      rule('no-hardcoded-port', 'timeout', 'Too slow.', ['$ PORT=2 node server.js', 'expected: listen() on port 2']),
      rule('default-port', 'error', 'Broken check.'),
    ],
    points: 2,
    maxPoints: 6,
  }));
  expect(text).toBe([
    '✗ subs/alice: 1 of 4 rules pass, 2/6 points',
    '  note: found the project in orders/ — graded that',
    '  ✓ responds-http      Answered.',
    '  – uses-env-port      not run: Not run.',
    '  ⏱ no-hardcoded-port  TIMED OUT: Too slow.',
    '  ! default-port       CHECK ERROR: Broken check.',
    '',
    '  no-hardcoded-port, in detail:',
    '    $ PORT=2 node server.js',
    '    expected: listen() on port 2',
  ].join('\n'));
});

test('an item never checked prints only why', () => {
  expect(formatRow(row({ checked: false, problem: 'empty folder', results: [rule('responds-http', 'fail', 'Not graded: empty folder.')] }))).toBe('✗ subs/alice: 0 of 1 rules pass, 0/1 points\n  ✗ nothing to grade: empty folder');
  expect(formatRow(row({ verdict: 'error', checked: false, problem: 'not a folder, .zip or .tar.gz' }))).toMatch(/^! subs\/alice: .*\n  ! could not be checked: not a folder/);
});

test('JSON: one line with dir, passed, verdict, points and rules', () => {
  const line = formatJsonRow(row({ verdict: 'passed', results: [rule('responds-http', 'pass', 'ok')], points: 3, maxPoints: 3 }));
  expect(JSON.parse(line)).toMatchObject({ lesson: 'take-the-port', dir: 'subs/alice', student: 'alice', verdict: 'passed', passed: true, points: 3, maxPoints: 3, rules: [{ id: 'responds-http', status: 'pass' }] });
  expect(line).not.toContain('\n');
});

test('the summary counts each verdict and lists who to look at, with why', () => {
  const summary = summarize([
    row({ path: 'a', verdict: 'passed', points: 4, maxPoints: 4 }),
    row({ path: 'b', results: [rule('responds-http', 'pass', ''), rule('uses-env-port', 'fail', ''), rule('no-hardcoded-port', 'skipped', '')], points: 1, maxPoints: 4 }),
    row({ path: 'c', verdict: 'error', problem: 'not a readable zip', points: 0, maxPoints: 4 }),
  ], 4, true);
  expect(summary).toMatchObject({ total: 4, passed: 1, failed: 1, error: 1, points: 5, maxPoints: 12, cancelled: true });
  expect(summary.attention[0]).toMatchObject({ path: 'b', points: 1, maxPoints: 4 });
  expect(formatSummary(summary)).toBe([
    '3 of 4 graded (interrupted): 1 passed, 1 failed, 1 could not be checked; 5/12 points in all',
    '',
    'to look at:',
    '  ✗ b (1/4 points) — uses-env-port',
    '  ! c (0/4 points) — not a readable zip',
  ].join('\n'));
});
