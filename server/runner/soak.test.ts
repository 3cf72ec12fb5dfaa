// Many sockets and many Run/Stop cycles against one in-process playground: afterwards nothing of
// them is left — no learner process, no session entry, no file descriptor beyond a small margin.
import { readdirSync } from 'node:fs';
import { WebSocket as NodeWebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { openLifelines, type Lifelines } from '../../test-support/lifelines.ts';
import { openRaw, runnerUrl, waitFor } from '../../test-support/runner-client.ts';

const SOCKETS = 200;
const CYCLES = 200;
/** Descriptors the runtime may keep for itself after a burst (libuv's pools, a cached /proc read). */
const FD_MARGIN = 24;

let playground: FixturePlayground;
let lifelines: Lifelines;
beforeAll(async () => {
  playground = await startFixturePlayground();
  lifelines = await openLifelines();
});
afterAll(async () => {
  await lifelines.close();
  await playground.close();
});

const openDescriptors = () => readdirSync('/proc/self/fd').length;

async function healthy(): Promise<boolean> {
  const answer = await fetch(`http://127.0.0.1:${playground.port}/healthz`);
  return answer.ok;
}

describe('the runner under many sockets and many cycles', () => {
  it(`serves ${SOCKETS} runner sockets at once and gives every descriptor back when they close`, async () => {
    const before = openDescriptors();
    const sockets = await Promise.all(
      Array.from({ length: SOCKETS }, () => {
        const ws = new NodeWebSocket(runnerUrl(playground), { origin: playground.origin, headers: { cookie: playground.cookie } });
        return new Promise<NodeWebSocket>((resolve, reject) => {
          ws.once('open', () => resolve(ws));
          ws.once('error', reject);
        });
      }),
    );
    expect(sockets.every((ws) => ws.readyState === NodeWebSocket.OPEN)).toBe(true);
    expect(await healthy()).toBe(true);
    await Promise.all(sockets.map((ws) => new Promise((resolve) => (ws.once('close', resolve), ws.close()))));
    await waitFor(() => openDescriptors() <= before + FD_MARGIN, `descriptors back near ${before} (now ${openDescriptors()})`);
    expect(await healthy()).toBe(true);
  });

  it(`runs and stops ${CYCLES} processes and keeps none of them: no process, no entry, no descriptor`, async () => {
    const { ws, messages, next } = await openRaw(playground);
    const before = openDescriptors();
    const procs: number[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const spawnId = cycle * 2 + 1;
      ws.send(JSON.stringify({ op: 'spawn', id: spawnId, command: 'node', args: ['-e', `${lifelines.holdScript} setInterval(() => {}, 1000)`] }));
      const spawned = await next((m) => m.type === 'result' && m.id === spawnId, `spawn ${cycle}`);
      const proc = spawned.type === 'result' && spawned.ok ? (spawned.value as { proc: number }).proc : -1;
      expect(proc, `spawn ${cycle}`).toBeGreaterThan(0);
      procs.push(proc);
      ws.send(JSON.stringify({ op: 'kill', id: spawnId + 1, proc }));
      await next((m) => m.type === 'result' && m.id === spawnId + 1, `stop ${cycle}`);
    }
    await waitFor(() => procs.every((proc) => messages.some((m) => m.type === 'exit' && m.proc === proc)), 'every exit reported', 60_000);
    await waitFor(() => lifelines.alive === 0, `no learner process alive (still ${lifelines.alive})`, 30_000);

    // Forgotten: the session no longer knows any of them.
    const askId = CYCLES * 2 + 1;
    ws.send(JSON.stringify({ op: 'kill', id: askId, proc: procs[0] }));
    expect(await next((m) => m.type === 'result' && m.id === askId, 'the late kill')).toMatchObject({ ok: false, error: `No process ${procs[0]} in this session` });

    await waitFor(() => openDescriptors() <= before + FD_MARGIN, `descriptors back near ${before} (now ${openDescriptors()})`);
    ws.close();
    expect(await healthy()).toBe(true);
  }, 180_000);
});
