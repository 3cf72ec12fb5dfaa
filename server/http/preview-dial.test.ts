// The preview proxy dials exactly the socket the learner's server is bound to: a learner on
// [::1]:S is shown even when another program owns 127.0.0.1:S, and a learner on [::1] at the
// playground's own port is shown instead of the playground proxying into itself.
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortEvent } from '../../test-support/runner-client.ts';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, waitFor } from '../../test-support/runner-client.ts';
import { listeningOn } from './bound-address.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

function get(host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: playground.port, path: '/', headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Runs a learner server on [::1]:port and returns the preview host the session reports for it. */
async function learnerOnIpv6(port: number) {
  const runtime = await connectRuntime(playground);
  const events: PortEvent[] = [];
  runtime.onPort((event) => events.push(event));
  await runtime.writeFiles({ 'server.js': `require('node:http').createServer((q, s) => s.end('the learner on ::1')).listen(${port}, '::1')` });
  await runtime.spawn('node', ['server.js']);
  const opened = await waitFor(() => events.find((e) => e.port === port && e.type === 'open'), `port ${port} to open`);
  return { runtime, host: new URL(opened.url).host };
}

describe('the preview proxy dials the bound address', () => {
  it('shows a learner on [::1]:S, not the other program on 127.0.0.1:S', async () => {
    const other: Server = createServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 13\r\nConnection: close\r\n\r\nsomeone else\n'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as { port: number }).port;
    const { runtime, host } = await learnerOnIpv6(port);
    try {
      const answer = await get(host);
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('the learner on ::1');
    } finally {
      await runtime.dispose();
      other.close();
    }
  });

  it('never proxies into itself when a learner binds [::1] at the playground’s own port', async () => {
    const { runtime, host } = await learnerOnIpv6(playground.port);
    try {
      const answer = await get(host);
      expect(answer.body).toBe('the learner on ::1');
    } finally {
      await runtime.dispose();
    }
  });
});

describe('listeningOn', () => {
  const line = (local: string, inode: string, state = '0A') => `   0: ${local} 00000000:0000 ${state} 00000000:00000000 00:00000000 00000000     0        0 ${inode} 1`;
  it.each([
    [line('0100007F:1F90', '1'), 4, '127.0.0.1'],
    [line('00000000:1F90', '2'), 4, '127.0.0.1'],
    [line('00000000000000000000000001000000:1F90', '3'), 6, '::1'],
    [line('00000000000000000000000000000000:1F90', '4'), 6, '::1'],
    [line('0000000000000000FFFF00000100007F:1F90', '5'), 6, '127.0.0.1'],
  ] as const)('%s → %s', (text, family, host) => {
    expect([...listeningOn(text, 8080, family).values()]).toEqual([host]);
  });
  it('skips other ports and sockets that are not listening', () => {
    expect(listeningOn(line('0100007F:1F91', '1'), 8080, 4).size).toBe(0);
    expect(listeningOn(line('0100007F:1F90', '1', '01'), 8080, 4).size).toBe(0);
  });
});
