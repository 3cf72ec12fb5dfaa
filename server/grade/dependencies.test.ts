import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { planDependencies } from './dependencies.ts';

const scratch = mkdtempSync(join(tmpdir(), 'portside-deps-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** A stand-in for Portside's install: express and yaml are there, dotenv is not. */
const root = join(scratch, 'portside');
for (const name of ['express', 'yaml']) {
  mkdirSync(join(root, 'node_modules', name), { recursive: true });
  writeFileSync(join(root, 'node_modules', name, 'package.json'), '{}');
}

function submission(name: string, dependencies: Record<string, string> | undefined, withNodeModules = false): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  if (dependencies) writeFileSync(join(dir, 'package.json'), JSON.stringify({ dependencies }));
  if (withNodeModules) mkdirSync(join(dir, 'node_modules', 'express'), { recursive: true });
  return dir;
}

test('the lesson packages are always provided, plus any declared package the grader has', async () => {
  expect(await planDependencies(submission('a', { yaml: '^2' }), ['express'], root)).toEqual({ provide: ['express', 'yaml'], missing: [], notes: [] });
  expect(await planDependencies(submission('b', undefined), ['express'], root)).toEqual({ provide: ['express'], missing: [], notes: [] });
});

test('a declared package the grader cannot provide offline is named', async () => {
  expect((await planDependencies(submission('c', { express: '5', dotenv: '16' }), ['express'], root)).missing).toEqual(['dotenv']);
});

test('a node_modules handed in is never used silently', async () => {
  expect((await planDependencies(submission('d', { express: '5' }, true), ['express'], root)).notes).toEqual(["the node_modules/ handed in was not used; declared packages came from the grader's own install"]);
});
