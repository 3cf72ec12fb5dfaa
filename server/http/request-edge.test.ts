// The request edge over raw sockets: nothing a client sends — a malformed target, broken
// headers, an odd upgrade — may take the server down. Each case runs on its own socket; after
// all of them /healthz must still answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNNER_PATH } from '../../contracts/runner-protocol.ts';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { fuzzCases, rawExchange } from '../../test-support/raw-http.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

const healthz = () => rawExchange(playground.port, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${playground.port}\r\nConnection: close\r\n\r\n`);

describe('the request edge', () => {
  it('answers an upgrade to target http://%/ with an error and keeps serving', async () => {
    const host = `127.0.0.1:${playground.port}`;
    const answer = await rawExchange(
      playground.port,
      `GET http://%/ HTTP/1.1\r\nHost: ${host}\r\nOrigin: http://${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /);
    expect(await healthz()).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('survives a few hundred seeded malformed requests and upgrades', async () => {
    const cases = fuzzCases(0x5eed, 300, { port: playground.port, runnerPath: RUNNER_PATH });
    const answers: string[] = [];
    // Eight sockets at a time: enough to overlap, few enough for a 2-core machine.
    for (let i = 0; i < cases.length; i += 8) {
      answers.push(...(await Promise.all(cases.slice(i, i + 8).map((bytes) => rawExchange(playground.port, bytes)))));
    }
    expect(await healthz()).toMatch(/^HTTP\/1\.1 200 /);
    // Most cases are answered with a status line; none may see a runner accept (101).
    expect(answers.filter((text) => text.startsWith('HTTP/1.1 101')).length).toBe(0);
    expect(answers.filter((text) => /^HTTP\/1\.1 [45]\d\d /.test(text)).length).toBeGreaterThan(100);
  });
});
