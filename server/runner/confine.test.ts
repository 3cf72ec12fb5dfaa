// Confinement against a real filesystem with real symlinks.
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confine, PathRefusedError } from './confine.ts';

let root: string;
let outside: string;
beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'portside-confine-')));
  outside = await realpath(await mkdtemp(join(tmpdir(), 'portside-confine-out-')));
  await mkdir(join(root, 'src'));
  await writeFile(join(outside, 'file.txt'), 'secret');
  await symlink(outside, join(root, 'out-dir'));
  await symlink(join(outside, 'file.txt'), join(root, 'out-file'));
  await symlink(join(root, 'src'), join(root, 'in-dir'));
  await symlink(join(root, 'nowhere'), join(root, 'dangling'));
});
afterAll(() => Promise.all([rm(root, { recursive: true }), rm(outside, { recursive: true })]));

describe('confine', () => {
  it.each([
    ['app.js', 'app.js'],
    ['src/new/deep.js', 'src/new/deep.js'],
    ['./src/../app.js', 'app.js'],
    ['in-dir/x.js', 'in-dir/x.js'],
    ['..notes.txt', '..notes.txt'],
  ])('allows %j', async (path, inside) => {
    expect(await confine(root, path)).toBe(join(root, inside));
  });

  it.each([
    ['../x', /leads outside the workspace/],
    ['src/../../x', /leads outside the workspace/],
    ['/etc/passwd', /absolute paths are not allowed/],
    ['C:\\Windows', /absolute paths are not allowed/],
    ['a\0b', /NUL byte/],
    ['out-dir/x.txt', /through a symlink/],
    ['out-dir', /through a symlink/],
    ['out-file', /through a symlink/],
    ['dangling', /symlink whose target does not exist/],
    ['dangling/x.js', /symlink whose target does not exist/],
  ])('refuses %j', async (path, reason) => {
    const error = await confine(root, path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PathRefusedError);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toContain(`"${path}"`);
  });
});
