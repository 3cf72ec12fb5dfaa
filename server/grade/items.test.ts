import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { expandItems } from './items.ts';

const scratch = mkdtempSync(join(tmpdir(), 'portside-items-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function make(files: string[]): void {
  for (const file of files) {
    const path = join(scratch, file);
    mkdirSync(file.endsWith('/') ? path : join(path, '..'), { recursive: true });
    if (!file.endsWith('/')) writeFileSync(path, '');
  }
}

test('a class folder becomes its submissions; its own papers do not; anything else still gets a row', async () => {
  make(['class/alice/server.js', 'class/bob.zip', 'class/carol.tar.gz', 'class/dave.rar', 'class/empty/', 'class/README.md', 'class/roster.csv', 'class/.git/x']);
  const items = await expandItems([join(scratch, 'class')]);
  expect(items.map((i) => [i.student, i.kind, i.problem])).toEqual([
    ['alice', 'folder', undefined],
    ['bob', 'archive', undefined],
    ['carol', 'archive', undefined],
    ['dave.rar', 'invalid', 'not a folder, .zip or .tar.gz'],
    ['empty', 'folder', undefined],
  ]);
});

test('a submission with sub-folders, or one folder nested inside, stays one item', async () => {
  make(['single/server.js', 'single/lib/', 'single/test/', 'wrapped/orders/server.js']);
  const items = await expandItems([join(scratch, 'single'), join(scratch, 'wrapped')]);
  expect(items.map((i) => [i.student, i.kind])).toEqual([['single', 'folder'], ['wrapped', 'folder']]);
});

test('a missing path and a plain file are rows with the reason, in the order given', async () => {
  make(['notes.txt']);
  const items = await expandItems(['/no/such/thing', join(scratch, 'notes.txt')]);
  expect(items.map((i) => [i.path, i.kind, i.problem])).toEqual([
    ['/no/such/thing', 'invalid', 'no such file or folder'],
    [join(scratch, 'notes.txt'), 'invalid', 'not a folder, .zip or .tar.gz'],
  ]);
});
