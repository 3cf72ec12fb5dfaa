import { describe, expect, it } from 'vitest';
import { firstFile, tabOrder } from './first-file.ts';

describe('firstFile', () => {
  const cases: { name: string; open?: string; command: string; paths: string[]; first: string }[] = [
    { name: 'the lesson names it', open: 'src/app.js', command: 'node server.js', paths: ['server.js', 'src/app.js'], first: 'src/app.js' },
    { name: 'the command runs it', command: 'node server.js', paths: ['package.json', 'server.js'], first: 'server.js' },
    { name: 'the command runs it with ./', command: 'node ./main.mjs', paths: ['package.json', 'main.mjs'], first: 'main.mjs' },
    { name: 'a command that names no file', command: 'npm start', paths: ['package.json', 'index.js'], first: 'index.js' },
    { name: 'only package.json', command: 'npm start', paths: ['package.json'], first: 'package.json' },
    { name: 'an `open` that does not exist', open: 'gone.js', command: 'node server.js', paths: ['server.js'], first: 'server.js' },
    { name: 'no files at all', command: 'node server.js', paths: [], first: '' },
  ];
  it.each(cases)('$name', ({ open, command, paths, first }) => {
    expect(firstFile({ open, command }, paths)).toBe(first);
  });
});

describe('tabOrder', () => {
  it('puts the first file first and keeps the rest in order', () => {
    expect(tabOrder(['package.json', 'lib.js', 'server.js'], 'server.js')).toEqual(['server.js', 'package.json', 'lib.js']);
  });
  it('keeps the order when the first file is not among them', () => {
    expect(tabOrder(['a', 'b'], 'c')).toEqual(['a', 'b']);
  });
});
