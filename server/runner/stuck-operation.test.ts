// Finding 3's second half: a file operation that cannot finish must not hold Stop or the socket's
// close behind it. The operation is held for real: every thread of the runner's libuv pool is
// blocked in a FIFO open (the runner runs in this test's process), so a write waits for good.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { openRaw, waitFor } from '../../test-support/runner-client.ts';
import { holdThreadPool } from '../../test-support/stuck-thread-pool.ts';
import { FILE_OPERATION_DEADLINE_MS } from './deadline.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

/** Stop's grace (1 s) before SIGKILL, with margin for a loaded machine; far below the deadline. */
const AT_ONCE_MS = 4000;

async function spawnProc(session: Awaited<ReturnType<typeof openRaw>>, id: number, args: string[]): Promise<number> {
  session.ws.send(JSON.stringify({ op: 'spawn', id, command: 'node', args }));
  const spawned = await session.next((m) => m.type === 'result' && m.id === id, 'the spawn');
  if (spawned.type !== 'result' || !spawned.ok) throw new Error(`spawn failed: ${JSON.stringify(spawned)}`);
  return (spawned.value as { proc: number }).proc;
}

function running(mark: string): number {
  let n = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(mark)) n++;
    } catch {
      // gone meanwhile
    }
  }
  return n;
}

describe.runIf(process.platform === 'linux')('a stuck file operation', () => {
  it('does not hold Stop, and answers an error at its deadline, after which the queue goes on', async () => {
    const session = await openRaw(playground);
    const proc = await spawnProc(session, 1, ['-e', 'console.log("ready"); setInterval(() => {}, 1000)']);
    await session.next((m) => m.type === 'output' && m.proc === proc && m.data.includes('ready'), 'the process running');
    const pool = await holdThreadPool();
    try {
      const asked = Date.now();
      session.ws.send(JSON.stringify({ op: 'writeFiles', id: 2, files: { 'server.js': 'one' } }));
      session.ws.send(JSON.stringify({ op: 'kill', id: 3, proc }));
      await session.next((m) => m.type === 'exit' && m.proc === proc, 'the process ended by Stop');
      expect(Date.now() - asked).toBeLessThan(AT_ONCE_MS);
      expect(session.messages.some((m) => m.type === 'result' && m.id === 2)).toBe(false); // the write is still stuck
      const write = await waitFor(() => session.messages.find((m) => m.type === 'result' && m.id === 2), 'the stuck write answered', FILE_OPERATION_DEADLINE_MS + 10_000);
      expect(write).toMatchObject({ ok: false, error: expect.stringMatching(/did not finish within 10 s/) });
      expect(Date.now() - asked).toBeGreaterThanOrEqual(FILE_OPERATION_DEADLINE_MS - 100);
    } finally {
      await pool.release();
    }
    // The queue is free again: a later operation runs and answers.
    session.ws.send(JSON.stringify({ op: 'writeFiles', id: 4, files: { 'after.txt': 'two' } }));
    expect(await session.next((m) => m.type === 'result' && m.id === 4, 'the next write')).toMatchObject({ ok: true });
    session.ws.close();
  }, 40_000);

  it("does not hold the socket's close: every process is killed at once", async () => {
    const mark = `portside-stuck-${process.pid}-${Date.now()}`;
    const session = await openRaw(playground);
    const proc = await spawnProc(session, 1, ['-e', `/* ${mark} */ console.log("ready"); setInterval(() => {}, 1000)`]);
    await session.next((m) => m.type === 'output' && m.proc === proc && m.data.includes('ready'), 'the process running');
    expect(running(mark)).toBeGreaterThan(0);
    const pool = await holdThreadPool();
    try {
      session.ws.send(JSON.stringify({ op: 'writeFiles', id: 2, files: { 'server.js': 'one' } }));
      const closed = Date.now();
      session.ws.close();
      await waitFor(() => running(mark) === 0 || undefined, 'the process killed', AT_ONCE_MS);
      expect(Date.now() - closed).toBeLessThan(AT_ONCE_MS);
    } finally {
      await pool.release();
    }
  }, 40_000);
});
