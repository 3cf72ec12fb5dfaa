// Input for a process that never reads it is bounded: the server stops buffering at 1 MB and
// says why, instead of holding whatever the page sends (it once held 512 MB).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { openRaw } from '../../test-support/runner-client.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

describe('stdin', () => {
  it('refuses more input once 1 MB waits for a process that does not read it', async () => {
    const { ws, next } = await openRaw(playground);
    ws.send(JSON.stringify({ op: 'spawn', id: 1, command: 'node', args: ['-e', 'setInterval(() => {}, 1000)'] }));
    const spawned = await next((m) => m.type === 'result' && m.id === 1, 'the spawn');
    const proc = spawned.type === 'result' && spawned.ok ? (spawned.value as { proc: number }).proc : -1;
    const chunk = 'x'.repeat(65536);
    for (let id = 2; id < 2 + 40; id++) ws.send(JSON.stringify({ op: 'input', id, proc, data: chunk })); // 2.6 MB in all
    const last = await next((m) => m.type === 'result' && m.id === 41, 'the last input');
    expect(last).toMatchObject({ ok: false, error: expect.stringMatching(/not reading its input/) });
    const first = await next((m) => m.type === 'result' && m.id === 2, 'the first input');
    expect(first).toMatchObject({ ok: true });
    ws.close();
  });
});
