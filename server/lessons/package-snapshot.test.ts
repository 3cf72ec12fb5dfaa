import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { FileSystemTree } from '@webcontainer/api';
import { buildPackageSnapshot, buildPackageTree, isRuntimeFile, lookupPaths, MissingPackageError, resolvePackageClosure } from './package-snapshot.ts';

const PORTSIDE = resolve('.');

describe('lookupPaths', () => {
  it.each([
    ['', ['node_modules/ms']],
    ['node_modules/send', ['node_modules/send/node_modules/ms', 'node_modules/ms']],
    ['node_modules/@fastify/ajv-compiler', ['node_modules/@fastify/ajv-compiler/node_modules/ms', 'node_modules/@fastify/node_modules/ms', 'node_modules/ms']],
    ['node_modules/a/node_modules/b', ['node_modules/a/node_modules/b/node_modules/ms', 'node_modules/a/node_modules/ms', 'node_modules/ms']],
  ])('from "%s"', (from, expected) => expect(lookupPaths('ms', from)).toEqual(expected));
});

describe('isRuntimeFile', () => {
  it.each([
    ['index.js', true],
    ['lib/router.cjs', true],
    ['esm/index.mjs', true],
    ['package.json', true],
    ['LICENSE', true],
    ['License.md', true],
    ['README.md', false],
    ['index.d.ts', false],
    ['dist/index.js.map', false],
    ['test/index.js', false],
    ['docs/Guide.json', false],
    ['lib/test/helper.js', true], // only a package's own top-level test folder is skipped
    ['node_modules/x/index.js', false],
  ])('%s → %s', (path, expected) => expect(isRuntimeFile(path)).toBe(expected));
});

describe('with Portside’s own node_modules', () => {
  it('finds express and everything it needs, nested copies in their place', async () => {
    const packages = await resolvePackageClosure(PORTSIDE, ['express']);
    const paths = packages.map((p) => p.installPath);
    expect(paths).toContain('node_modules/express');
    expect(paths).toContain('node_modules/body-parser');
    expect(paths).toContain('node_modules/mime-db'); // express → mime-types → mime-db
    expect(paths).not.toContain('node_modules/react');
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('builds a tree the WebContainer can mount, with code and without docs', async () => {
    const tree: FileSystemTree = JSON.parse(await buildPackageSnapshot(PORTSIDE, ['ws']));
    const ws = tree.node_modules && 'directory' in tree.node_modules ? tree.node_modules.directory.ws : undefined;
    expect(ws && 'directory' in ws ? Object.keys(ws.directory).sort() : []).toEqual(expect.arrayContaining(['package.json', 'index.js', 'lib', 'LICENSE']));
    expect(ws && 'directory' in ws ? Object.keys(ws.directory) : []).not.toContain('README.md');
  });
});

describe('with a fixture install', () => {
  let root: string;

  async function pkg(path: string, manifest: object, files: Record<string, string> = { 'index.js': 'module.exports = 1;' }) {
    await mkdir(join(root, path), { recursive: true });
    await writeFile(join(root, path, 'package.json'), JSON.stringify(manifest));
    for (const [file, contents] of Object.entries(files)) {
      await mkdir(dirname(join(root, path, file)), { recursive: true });
      await writeFile(join(root, path, file), contents);
    }
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'portside-snapshot-'));
    // app → lib@2 (nested under app) and shared; lib@1 sits at the top for someone else.
    await pkg('node_modules/app', { name: 'app', dependencies: { lib: '^2', shared: '*' }, optionalDependencies: { fsevents: '*' }, peerDependencies: { 'optional-peer': '*', 'needed-peer': '*' }, peerDependenciesMeta: { 'optional-peer': { optional: true } } });
    await pkg('node_modules/app/node_modules/lib', { name: 'lib', version: '2.0.0', dependencies: { shared: '*' } }, { 'index.js': 'v2', 'README.md': '# lib', 'test/lib.test.js': 'x' });
    await pkg('node_modules/lib', { name: 'lib', version: '1.0.0' }, { 'index.js': 'v1' });
    await pkg('node_modules/shared', { name: 'shared' });
    await pkg('node_modules/needed-peer', { name: 'needed-peer' });
    await pkg('node_modules/@scope/thing', { name: '@scope/thing', dependencies: { shared: '*' } });
    await pkg('node_modules/broken', { name: 'broken', dependencies: { nowhere: '*' } });
  });

  afterAll(() => rm(root, { recursive: true, force: true }));

  it('resolves like Node: the nested copy wins, shared ones appear once, missing optionals are skipped', async () => {
    const packages = await resolvePackageClosure(root, ['app']);
    expect(packages.map((p) => p.installPath)).toEqual([
      'node_modules/app',
      'node_modules/app/node_modules/lib',
      'node_modules/needed-peer',
      'node_modules/shared',
    ]);
  });

  it('handles scoped packages', async () => {
    const packages = await resolvePackageClosure(root, ['@scope/thing']);
    expect(packages.map((p) => p.installPath)).toEqual(['node_modules/@scope/thing', 'node_modules/shared']);
  });

  it('names the chain that needs a package that is not installed', async () => {
    const error = await resolvePackageClosure(root, ['broken']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingPackageError);
    expect((error as Error).message).toContain('"broken" → "nowhere"');
  });

  it('places each file at its install path', async () => {
    const tree = await buildPackageTree(root, await resolvePackageClosure(root, ['app']));
    const get = (path: string) => path.split('/').reduce<unknown>((node, part) => (node as { directory: Record<string, unknown> } | undefined)?.directory?.[part], { directory: tree });
    expect(get('node_modules/app/node_modules/lib/index.js')).toEqual({ file: { contents: 'v2' } });
    expect(get('node_modules/app/node_modules/lib/README.md')).toBeUndefined();
    expect(get('node_modules/app/node_modules/lib/test')).toBeUndefined();
    expect(get('node_modules/lib')).toBeUndefined(); // v1 is not needed by app
  });
});
