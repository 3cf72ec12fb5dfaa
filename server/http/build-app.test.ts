// dist/ is rebuilt exactly when it is missing or older than a source the app is built from.
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStale } from './build-app.ts';

let root: string;
const at = (file: string, seconds: number) => utimes(join(root, file), seconds, seconds);

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'portside-build-'));
  for (const dir of ['app/runtime', 'lessons/01-x', 'dist', 'server/runner']) await mkdir(join(root, dir), { recursive: true });
  for (const file of ['index.html', 'app/runtime/local.ts', 'lessons/01-x/lesson.md', 'server/runner/connection.ts']) {
    await writeFile(join(root, file), 'x');
    await at(file, 1000);
  }
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('isStale', () => {
  it('is stale when dist/index.html is missing', async () => {
    expect(await isStale(root, join(root, 'dist'))).toBe(true);
  });

  it('is fresh when the build is newer than every source', async () => {
    await writeFile(join(root, 'dist/index.html'), 'built');
    await at('dist/index.html', 2000);
    for (const dir of ['app', 'app/runtime', 'lessons', 'lessons/01-x', 'server', 'server/runner']) await at(dir, 1000);
    expect(await isStale(root, join(root, 'dist'))).toBe(false);
  });

  it.each(['app/runtime/local.ts', 'lessons/01-x/lesson.md', 'index.html'])('is stale after %s changes', async (file) => {
    await writeFile(join(root, 'dist/index.html'), 'built');
    await at('dist/index.html', 2000);
    for (const dir of ['app', 'app/runtime', 'lessons', 'lessons/01-x']) await at(dir, 1000);
    await at(file, 3000);
    expect(await isStale(root, join(root, 'dist'))).toBe(true);
  });

  it('ignores changes to the server’s own code', async () => {
    await writeFile(join(root, 'dist/index.html'), 'built');
    await at('dist/index.html', 2000);
    for (const dir of ['app', 'app/runtime', 'lessons', 'lessons/01-x', 'server', 'server/runner']) await at(dir, 1000);
    await at('server/runner/connection.ts', 3000);
    expect(await isStale(root, join(root, 'dist'))).toBe(false);
  });
});
