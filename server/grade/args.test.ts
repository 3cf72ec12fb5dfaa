import { expect, test } from 'vitest';
import { effectiveTimeoutScale, parseGradeArgs } from './args.ts';

const base = { json: false, junit: undefined, csv: undefined, jobs: 2 };

test.each([
  [['take-the-port', 'a', 'b'], { ...base, lesson: 'take-the-port', items: ['a', 'b'] }],
  [['--', 'take-the-port', '--json', 'a'], { ...base, lesson: 'take-the-port', items: ['a'], json: true }],
  [['02', 'a', '--jobs', '4', '--timeout-scale=1.5', '--junit', 'r.xml', '--csv=r.csv'], { ...base, lesson: '02', items: ['a'], jobs: 4, timeoutScale: 1.5, junit: 'r.xml', csv: 'r.csv' }],
  [['--help'], { help: true }],
  [[], { error: 'missing the lesson id and the submissions' }],
  [['take-the-port'], { error: 'missing the submissions to grade against "take-the-port"' }],
  [['take-the-port', 'a', '--jsn'], { error: 'unknown option --jsn' }],
  [['take-the-port', 'a', '--jobs', '0'], { error: '--jobs must be a whole number of 1 or more, not "0"' }],
  [['take-the-port', 'a', '--junit'], { error: '--junit needs a value' }],
  [['take-the-port', 'a', '--timeout-scale', 'fast'], { error: '--timeout-scale must be a number above 0 and at most 20, not "fast"' }],
])('grade %j', (argv, parsed) => {
  expect(parseGradeArgs(argv, 2)).toEqual(parsed);
});

test('deadlines stretch with more jobs than cores, unless a scale is given', () => {
  expect(effectiveTimeoutScale(undefined, 2, 2)).toBe(1);
  expect(effectiveTimeoutScale(undefined, 4, 2)).toBe(2);
  expect(effectiveTimeoutScale(0.5, 4, 2)).toBe(0.5);
});
