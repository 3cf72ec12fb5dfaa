import { expect, test } from 'vitest';
import { effectiveTimeoutScale, parseGradeArgs } from './args.ts';

const base = { json: false, install: false, junit: undefined, csv: undefined, jobs: 2 };

test.each([
  [['take-the-port', 'a', 'b'], { ...base, lesson: 'take-the-port', items: ['a', 'b'] }],
  [['--', 'take-the-port', '--json', 'a'], { ...base, lesson: 'take-the-port', items: ['a'], json: true }],
  [['02', 'a', '--jobs', '4', '--timeout-scale=1.5', '--junit', 'r.xml', '--csv=r.csv'], { ...base, lesson: '02', items: ['a'], jobs: 4, timeoutScale: 1.5, junit: 'r.xml', csv: 'r.csv' }],
  [['02', 'a', '--install'], { ...base, lesson: '02', items: ['a'], install: true }],
  [['--manifest', 'class.csv'], { ...base, lesson: '', items: [], manifest: 'class.csv' }],
  [['02', '--manifest=class.json', '--json'], { ...base, lesson: '02', items: [], manifest: 'class.json', json: true }],
  [['02', 'a', '--manifest', 'class.csv'], { error: 'with --manifest, give at most a default lesson, not submissions' }],
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

test.each([
  [undefined, 2, 2, 0.3, 1],
  [undefined, 4, 2, 0.3, 2],
  [undefined, 3, 2, 0, 1.5],
  [undefined, 2, 2, 7, 3.5],
  [undefined, 64, 2, 0, 5],
  [0.5, 4, 2, 9, 0.5],
])('asked %s, %s jobs on %s cores at load %s: deadlines × %s', (asked, jobs, cores, load, scale) => {
  expect(effectiveTimeoutScale(asked, jobs, cores, load)).toBe(scale);
});
