// A session forgets a process once its exit is reported: nothing of it is held afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { openRaw } from '../../test-support/runner-client.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

describe('exited processes', () => {
  it('are forgotten once their exit is reported', async () => {
    const { ws, next } = await openRaw(playground);
    ws.send(JSON.stringify({ op: 'spawn', id: 1, command: 'node', args: ['-e', '0'] }));
    const spawned = await next((m) => m.type === 'result' && m.id === 1, 'the spawn');
    const proc = spawned.type === 'result' && spawned.ok ? (spawned.value as { proc: number }).proc : -1;
    await next((m) => m.type === 'exit' && m.proc === proc, 'the exit');
    ws.send(JSON.stringify({ op: 'kill', id: 2, proc }));
    expect(await next((m) => m.type === 'result' && m.id === 2, 'the kill')).toMatchObject({ ok: false, error: `No process ${proc} in this session` });
    ws.close();
  });
});
