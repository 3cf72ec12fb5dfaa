import { expect, test } from 'vitest';
import { formatJson, formatSubmission } from './format.ts';
import type { RuleResult } from './run-harness.ts';

const rule = (id: string, status: RuleResult['status'], message: string, transcript: string[] = []): RuleResult => ({ id, status, message, details: { transcript } });

test('a line per rule, then the first real failure in detail', () => {
  const text = formatSubmission({
    dir: 'subs/alice',
    passed: false,
    results: [
      rule('responds-http', 'pass', 'Answered.'),
      rule('uses-env-port', 'skipped', 'Not run.'),
      rule('no-hardcoded-port', 'timeout', 'Too slow.', ['$ PORT=2 node server.js', 'expected: listen() on port 2']),
      rule('default-port', 'error', 'Broken check.'),
    ],
  });
  expect(text).toBe([
    '✗ subs/alice: 1 of 4 rules pass',
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

test('JSON: one object with lesson, dir, passed and rules', () => {
  const line = formatJson('take-the-port', { dir: 'd', passed: true, results: [rule('responds-http', 'pass', 'ok')] });
  expect(JSON.parse(line)).toEqual({ lesson: 'take-the-port', dir: 'd', passed: true, rules: [{ id: 'responds-http', status: 'pass', message: 'ok', details: { transcript: [] } }] });
  expect(line).not.toContain('\n');
});
