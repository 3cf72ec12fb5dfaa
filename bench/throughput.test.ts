import { describe, expect, it } from 'vitest';
import { formatRate, gradeProblems, jobsToTime, perMinute, type JsonRow } from './throughput.ts';

describe('perMinute', () => {
  it.each([
    [12, 60_000, 12],
    [12, 30_000, 24],
    [9, 45_000, 12],
    [1, 1500, 40],
  ])('%d submissions in %d ms is %d a minute', (count, ms, rate) => {
    expect(perMinute(count, ms)).toBeCloseTo(rate, 10);
  });

  it('refuses a duration that is not positive', () => {
    expect(() => perMinute(3, 0)).toThrow('cannot rate');
    expect(() => perMinute(3, Number.NaN)).toThrow('cannot rate');
  });

  it('prints one decimal', () => {
    expect(formatRate(23.456)).toBe('23.5/min');
  });
});

describe('jobsToTime', () => {
  it.each([
    [2, [1, 2, 4]],
    [4, [1, 4]],
    [1, [1, 4]],
    [8, [1, 4, 8]],
  ])('on %d cores is %j', (cores, jobs) => {
    expect(jobsToTime(cores)).toEqual(jobs);
  });
});

describe('gradeProblems', () => {
  const lesson = { id: 'take-the-port', rules: ['responds-http', 'uses-env-port'], starterFails: ['uses-env-port'] };
  const rule = (id: string, status: string) => ({ id, status, message: `${id} said ${status}` }) as JsonRow['rules'][number];
  const passed: JsonRow = { student: 'ana', verdict: 'passed', checked: true, rules: [rule('responds-http', 'pass'), rule('uses-env-port', 'pass')] };
  const failed: JsonRow = { student: 'bo', verdict: 'failed', checked: true, rules: [rule('responds-http', 'pass'), rule('uses-env-port', 'fail')] };
  const expected = [
    { student: 'ana', lesson, side: 'solution' as const },
    { student: 'bo', lesson, side: 'starter' as const },
  ];

  it('is empty when solutions pass and starters fail exactly their starterFails', () => {
    expect(gradeProblems([passed, failed], expected)).toEqual([]);
  });

  it('names a solution that failed and a starter that passed', () => {
    const swapped = [{ ...failed, student: 'ana' }, { ...passed, student: 'bo' }];
    const problems = gradeProblems(swapped, expected);
    expect(problems).toContain('ana (take-the-port) solution: uses-env-port should pass but is fail: uses-env-port said fail');
    expect(problems).toContain('ana (take-the-port) solution: verdict failed');
    expect(problems).toContain('bo (take-the-port) starter: verdict passed');
    expect(problems.some((p) => p.startsWith('bo (take-the-port) starter: uses-env-port should fail'))).toBe(true);
  });

  it('names missing, unchecked and unexpected rows', () => {
    const unchecked: JsonRow = { student: 'bo', verdict: 'error', checked: false, problem: 'empty folder', rules: [] };
    const stranger: JsonRow = { ...passed, student: 'cy' };
    expect(gradeProblems([unchecked, stranger], expected)).toEqual(['ana: no row', 'bo: not checked: empty folder', 'cy: a row nobody submitted']);
  });
});
