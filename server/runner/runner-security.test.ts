// Who may connect, and what a hostile or broken client can (not) do to the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, RUNNER_PATH } from '../../contracts/runner-protocol.ts';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, openRaw, upgradeStatus } from '../../test-support/runner-client.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

const path = (token: string | null) => (token === null ? RUNNER_PATH : `${RUNNER_PATH}?token=${encodeURIComponent(token)}`);

describe('runner connections', () => {
  it('accepts the page of this playground with the token', async () => {
    const answer = await upgradeStatus(playground.port, path(playground.token), { Host: `127.0.0.1:${playground.port}`, Origin: playground.origin, Cookie: playground.cookie });
    expect(answer.status).toBe(101);
  });

  it.each([
    ['no token', null, {}, /missing runner token/],
    ['a wrong token', 'not-the-token', {}, /wrong runner token/],
    ['a foreign Origin', 'TOKEN', { Origin: 'http://evil.example' }, /Origin "http:\/\/evil.example" is not this playground/],
    ['no Origin', 'TOKEN', { Origin: '' }, /missing Origin/],
    ['a foreign Host (DNS rebinding)', 'TOKEN', { Host: 'evil.example:PORT', Origin: 'http://evil.example:PORT' }, /Host "evil.example:\d+" is not this playground/],
    ['an https Origin', 'TOKEN', { Origin: 'https://127.0.0.1:PORT' }, /Origin/],
    ['no session cookie (a local program that never saw the printed URL)', 'TOKEN', { Cookie: '' }, /no session cookie/],
    ['a forged session cookie', 'TOKEN', { Cookie: 'portside-session=forged' }, /no session cookie/],
  ])('refuses %s with a 403', async (_name, token, overrides: Record<string, string>, reason) => {
    const fill = (text: string) => text.replace('PORT', String(playground.port));
    const headers: Record<string, string> = { Host: `127.0.0.1:${playground.port}`, Origin: playground.origin, Cookie: playground.cookie };
    for (const [name, value] of Object.entries(overrides)) {
      if (value === '') delete headers[name];
      else headers[name] = fill(value);
    }
    const answer = await upgradeStatus(playground.port, path(token === 'TOKEN' ? playground.token : token), headers);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(reason);
  });
});

describe('runner messages', () => {
  it('answers malformed messages with errors and keeps serving the socket', async () => {
    const { ws, next } = await openRaw(playground);
    ws.send('this is not json');
    expect(await next((m) => m.type === 'error', 'an error frame')).toMatchObject({ error: expect.stringMatching(/not JSON/) });
    ws.send(JSON.stringify({ op: 'launchMissiles', id: 7 }));
    expect(await next((m) => m.type === 'result' && m.id === 7, 'result 7')).toMatchObject({ ok: false, error: expect.stringMatching(/Invalid message/) });
    ws.send(JSON.stringify({ op: 'spawn', id: 8, command: 'node', args: 'not-an-array' }));
    expect(await next((m) => m.type === 'result' && m.id === 8, 'result 8')).toMatchObject({ ok: false, error: expect.stringMatching(/args/) });
    ws.send(JSON.stringify({ op: 'kill', id: 9, proc: 12345 }));
    expect(await next((m) => m.type === 'result' && m.id === 9, 'result 9')).toMatchObject({ ok: false, error: 'No process 12345 in this session' });
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await next((m) => m.type === 'error' && /Binary/.test(m.error), 'binary refusal')).toBeTruthy();
    ws.send(JSON.stringify({ op: 'freePort', id: 10 }));
    expect(await next((m) => m.type === 'result' && m.id === 10, 'result 10')).toMatchObject({ ok: true });
    ws.close();
  });

  it('closes only the socket that sends an oversized frame', async () => {
    const bystander = await connectRuntime(playground);
    const { ws, closed } = await openRaw(playground);
    ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009);
    expect(typeof (await bystander.freePort())).toBe('number');
    const again = await connectRuntime(playground);
    await again.writeFiles({ 'a.txt': 'still fine' });
    expect(await again.readFile('a.txt')).toBe('still fine');
    await Promise.all([again.dispose(), bystander.dispose()]);
  });

  it('does not answer upgrades on other paths', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${playground.port}/somewhere-else`, { origin: playground.origin });
    const failed = await new Promise<boolean>((resolve) => {
      socket.on('open', () => resolve(false));
      socket.on('error', () => resolve(true));
    });
    expect(failed).toBe(true);
  });
});
