// Stopping the server while tabs are still connecting leaves no workspace behind.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startFixturePlayground } from '../../test-support/fixture-playground.ts';
import { runnerUrl } from '../../test-support/runner-client.ts';

// Workspaces go to os.tmpdir(), which follows TMPDIR: give this file a private one to count in.
let privateTmp: string;
const originalTmp = process.env.TMPDIR;
beforeAll(async () => {
  privateTmp = await mkdtemp(join(tmpdir(), 'portside-shutdown-'));
  process.env.TMPDIR = privateTmp;
});
afterAll(async () => {
  process.env.TMPDIR = originalTmp;
  if (originalTmp === undefined) delete process.env.TMPDIR;
  await rm(privateTmp, { recursive: true, force: true });
});

describe('runner shutdown', () => {
  it('closes connections that were still being set up', async () => {
    const playground = await startFixturePlayground();
    const workspaces = () => readdir(privateTmp).then((names) => names.filter((n) => /^portside-[A-Za-z0-9]{6}$/.test(n)));
    const sockets = Array.from({ length: 8 }, () => new WebSocket(runnerUrl(playground), { origin: playground.origin, headers: { cookie: playground.cookie } }));
    for (const socket of sockets) socket.on('error', () => {});
    // Wait until at least one upgrade has been accepted, then stop while others are mid-way.
    await new Promise((resolve) => sockets[0]?.once('open', resolve));
    await playground.close();
    expect(await workspaces()).toEqual([]);
  });
});
