import { describe, expect, it } from 'vitest';
import { FileJournal, normalisePath, parentFolders, WorkspacePathError } from './files.ts';

describe('normalisePath', () => {
  it.each([
    ['server.js', 'server.js'],
    ['./src//app.js', 'src/app.js'],
    ['src\\routes\\index.js', 'src/routes/index.js'],
  ])('%s → %s', (input, expected) => expect(normalisePath(input)).toBe(expected));

  it.each([
    ['/etc/passwd', /absolute path/],
    ['C:/Windows', /absolute path/],
    ['../outside.js', /climbs out/],
    ['src/../../outside.js', /climbs out/],
    ['./', /empty path/],
  ])('refuses %s', (input, message) => {
    expect(() => normalisePath(input)).toThrow(WorkspacePathError);
    expect(() => normalisePath(input)).toThrow(message);
  });
});

it('lists the folders a file needs, outermost first', () => {
  expect(parentFolders('a/b/c.js')).toEqual(['a', 'a/b']);
  expect(parentFolders('server.js')).toEqual([]);
});

describe('FileJournal', () => {
  it('keeps the newest contents of every file written and not removed', () => {
    const journal = new FileJournal();
    journal.write({ 'server.js': 'v1', 'public/index.html': '<h1>', 'public/css/site.css': 'body{}', 'publicity.txt': 'keep' });
    journal.write({ './server.js': 'v2' });
    journal.remove('public');
    expect(journal.snapshot()).toEqual({ 'server.js': 'v2', 'publicity.txt': 'keep' });
  });

  it('refuses paths outside the workspace before recording them', () => {
    const journal = new FileJournal();
    expect(() => journal.write({ '../x.js': '' })).toThrow(WorkspacePathError);
    expect(journal.snapshot()).toEqual({});
  });
});
