import { expect, test } from 'vitest';
import { parseGradeArgs } from './args.ts';

test.each([
  [['take-the-port', 'a', 'b'], { lesson: 'take-the-port', dirs: ['a', 'b'], json: false }],
  [['--', 'take-the-port', '--json', 'a'], { lesson: 'take-the-port', dirs: ['a'], json: true }],
  [['--help'], { help: true }],
  [[], { error: 'missing the lesson id and the submission folders' }],
  [['take-the-port'], { error: 'missing the submission folders to grade against "take-the-port"' }],
  [['take-the-port', 'a', '--jsn'], { error: 'unknown option --jsn' }],
])('grade %j', (argv, parsed) => {
  expect(parseGradeArgs(argv)).toEqual(parsed);
});
