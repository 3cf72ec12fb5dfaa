/** Real folders in a temp dir, each shaped like something a class hands in. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { locateProject, projectMarker } from './locate.ts';

const scratch = mkdtempSync(join(tmpdir(), 'portside-locate-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function folder(name: string, files: string[]): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    if (!file.endsWith('/')) writeFileSync(join(dir, file), '');
  }
  return dir;
}

test.each([
  ['node server.js', 'server.js'], ['python3 server.py', 'server.py'], ['node --watch app.js', 'app.js'], ['npm start', 'package.json'],
])('the project of "%s" is marked by %s', (command, marker) => expect(projectMarker(command)).toBe(marker));

test.each([
  ['as handed in', ['server.js', 'package.json', 'lib/x.js'], '', [], undefined],
  ['empty', [], '', [], 'empty folder'],
  ['only junk', ['.DS_Store', '__MACOSX/'], '', [], 'empty folder'],
  ['readme', ['README.md'], '', [], 'only a README.md'],
  ['papers', ['README.md', 'notes.txt'], '', [], 'only documents (README.md, notes.txt)'],
  ['nested', ['README.md', 'orders/server.js', 'orders/package.json'], 'orders', ['found the project in orders/ — graded that'], undefined],
  ['deeper', ['a/b/server.js', '__MACOSX/a/._server.js'], 'a/b', ['found the project in a/b/ — graded that'], undefined],
  ['renamed', ['index.js', 'package.json'], '', ['no server.js; found index.js'], undefined],
  ['no code', ['data/x.csv', 'data/y.csv', 'other/'], '', ['no server.js; no code at the top of the folder'], undefined],
])('%s', async (name, files, graded, notes, problem) => {
  const dir = folder(name, files as string[]);
  expect(await locateProject(dir, 'node server.js')).toEqual({ dir: join(dir, graded as string), notes, ...(problem ? { problem } : {}) });
});
