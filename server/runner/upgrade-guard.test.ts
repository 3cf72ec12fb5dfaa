import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { RUNNER_PATH } from '../../contracts/runner-protocol.ts';
import { allowedHosts, refusal } from './upgrade-guard.ts';

const request = (url: string, headers: Record<string, string>) => ({ url, headers }) as unknown as IncomingMessage;

describe('allowedHosts', () => {
  it('names the loopback hosts and HOST itself, with the port', () => {
    expect(allowedHosts('127.0.0.1', 4780)).toEqual(new Set(['localhost:4780', '127.0.0.1:4780', '[::1]:4780']));
    expect(allowedHosts('192.168.1.20', 4781)).toContain('192.168.1.20:4781');
  });
});

describe('refusal', () => {
  const options = { token: 'secret-token', allowedHosts: allowedHosts('127.0.0.1', 4780) };
  const good = { host: 'localhost:4780', origin: 'http://localhost:4780' };

  it.each([
    [`${RUNNER_PATH}?token=secret-token`, good, null],
    [`${RUNNER_PATH}?token=secret-token`, { host: '[::1]:4780', origin: 'http://127.0.0.1:4780' }, null],
    [`${RUNNER_PATH}?token=secret-tokenX`, good, 'wrong runner token'],
    [`${RUNNER_PATH}?token=secret-token`, { host: 'localhost:4781', origin: 'http://localhost:4781' }, 'Host "localhost:4781" is not this playground'],
    [`${RUNNER_PATH}?token=secret-token`, { host: 'localhost:4780', origin: 'null' }, 'Origin "null" is not this playground'],
    [`${RUNNER_PATH}?token=secret-token`, { host: 'localhost:4780', origin: 'http://41873.localhost:4780' }, 'Origin "http://41873.localhost:4780" is not this playground'],
    ['/other?token=secret-token', good, 'no WebSocket endpoint at /other'],
    ['http://%/', good, 'malformed request target'],
    ['//', good, 'malformed request target'],
  ])('%s %j → %s', (url, headers, expected) => {
    expect(refusal(request(url, headers), options)).toBe(expected);
  });
});
