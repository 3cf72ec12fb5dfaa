// File operations stay inside the session's workspace, whatever the path says.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, openRaw, type Runtime } from '../../test-support/runner-client.ts';

let playground: FixturePlayground;
let runtime: Runtime;
let outside: string;
beforeAll(async () => {
  playground = await startFixturePlayground();
  runtime = await connectRuntime(playground);
  outside = await mkdtemp(join(tmpdir(), 'portside-outside-'));
});
afterAll(async () => {
  await runtime.dispose();
  await playground.close();
  await rm(outside, { recursive: true, force: true });
});

describe('runner files', () => {
  it('writes, reads and removes files, creating folders as needed', async () => {
    await runtime.writeFiles({ 'src/deep/app.js': 'one', 'README.md': 'two' });
    expect(await runtime.readFile('src/deep/app.js')).toBe('one');
    await runtime.remove('src');
    await expect(runtime.readFile('src/deep/app.js')).rejects.toThrow('No file "src/deep/app.js" in the workspace');
    await runtime.remove('does/not/exist');
  });

  it.each([
    ['../escape.txt', /Refused path "\.\.\/escape\.txt": it leads outside the workspace/],
    ['a/../../escape.txt', /leads outside the workspace/],
    ['/tmp/escape.txt', /absolute paths are not allowed/],
    ['nul\0byte', /NUL byte/],
  ])('refuses to write %j', async (path, message) => {
    await expect(runtime.writeFiles({ [path]: 'x' })).rejects.toThrow(message);
  });

  it('refuses to follow a symlink out of the workspace, for writes, reads and removes', async () => {
    const { ws, next } = await openRaw(playground);
    const hello = await next((m) => m.type === 'hello', 'hello');
    const workspace = (hello as { workspace: string }).workspace;
    await symlink(outside, join(workspace, 'door'));
    ws.send(JSON.stringify({ op: 'writeFiles', id: 1, files: { 'door/planted.txt': 'x' } }));
    ws.send(JSON.stringify({ op: 'readFile', id: 2, path: 'door' }));
    ws.send(JSON.stringify({ op: 'remove', id: 3, path: 'door' }));
    for (const id of [1, 2, 3]) {
      const result = await next((m) => m.type === 'result' && m.id === id, `result ${id}`);
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/resolves \(through a symlink\) outside the workspace/) });
    }
    expect(existsSync(join(outside, 'planted.txt'))).toBe(false);
    ws.close();
  });

  it('refuses to write through the lesson-package links into Portside’s own node_modules', async () => {
    // A new file rather than an existing one, so a broken guard cannot damage the install.
    const planted = join(REPO_ROOT, 'node_modules/express/portside-planted.txt');
    try {
      await expect(runtime.writeFiles({ 'node_modules/express/portside-planted.txt': 'x' })).rejects.toThrow(/Refused path "node_modules\/express\/portside-planted.txt"/);
      await expect(runtime.remove('node_modules/express')).rejects.toThrow(/Refused path/);
      expect(existsSync(planted)).toBe(false);
      expect(existsSync(join(REPO_ROOT, 'node_modules/express/package.json'))).toBe(true);
    } finally {
      await rm(planted, { force: true });
    }
  });

  it('refuses a working folder outside the workspace', async () => {
    await expect(runtime.spawn('node', ['-v'], { cwd: '..' })).rejects.toThrow(/Refused path "\.\."/);
  });

  it('removes the workspace when the session ends', async () => {
    const { ws, next, closed } = await openRaw(playground);
    const { workspace } = (await next((m) => m.type === 'hello', 'hello')) as { workspace: string };
    expect(existsSync(workspace)).toBe(true);
    ws.close();
    await closed;
    const { waitFor } = await import('../../test-support/runner-client.ts');
    await waitFor(() => !existsSync(workspace), 'the workspace to be removed');
  });
});
