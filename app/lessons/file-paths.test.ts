import { describe, expect, it } from 'vitest';
import { isLearnerPath, pathProblem } from './file-paths.ts';

const existing = ['server.js', 'routes/health.js', 'package.json'];

describe('pathProblem', () => {
  it.each([
    ['routes/users.js', undefined],
    ['lib/db/pool.js', undefined],
    ['', /Type a file name/],
    ['/etc/passwd', /inside the lesson/],
    ['routes\\x.js', /inside the lesson/],
    ['../outside.js', /“\.” and “\.\.” are not allowed/],
    ['routes//x.js', /needs a name/],
    ['routes/', /needs a name/],
    ['.portside/harness.mjs', /belongs to Portside/],
    ['node_modules/x/index.js', /belongs to Portside/],
    ['server.js', /already exists/],
    ['routes', /is a folder already/],
    ['server.js/x.js', /server\.js is a file/],
    ['x'.repeat(201), /under 200/],
  ])('%j → %s', (path, problem) => {
    const found = pathProblem(path, existing);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });

  it('accepts what the tree could create, refuses the rest when read back', () => {
    expect(isLearnerPath('routes/notes.js')).toBe(true);
    expect(isLearnerPath('../../x')).toBe(false);
  });
});
