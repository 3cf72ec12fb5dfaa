// The preview proxy dials exactly the socket the learner's server is bound to: a learner on
// [::1]:S is shown even when another program owns 127.0.0.1:S, and a learner on [::1] at the
// playground's own port is shown instead of the playground proxying into itself.
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortEvent } from '../../test-support/runner-client.ts';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, waitFor } from '../../test-support/runner-client.ts';
import { parseSocketTable, type ListeningSocket } from '../../probes/lib/proc-sockets.mjs';
import { boundAddresses, dialTargets } from './bound-address.ts';

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

describe('dialTargets', () => {
  const tcp = (family: 4 | 6, address: string, inode: string, port = 8080): ListeningSocket => ({ protocol: 'tcp', family, address, port, inode });
  const session = new Set(['1', '2', '3']);
  it.each([
    ['an IPv4 loopback listener', [tcp(4, '127.0.0.1', '1')], ['127.0.0.1']],
    ['0.0.0.0 as IPv4 loopback', [tcp(4, '0.0.0.0', '1')], ['127.0.0.1']],
    ['an IPv6 loopback listener', [tcp(6, '::1', '1')], ['::1']],
    [':: as IPv6 loopback', [tcp(6, '::', '1')], ['::1']],
    ['an IPv4-mapped listener as its IPv4 address', [tcp(6, '0:0:0:0:0:ffff:7f00:1', '1')], ['127.0.0.1']],
    ['another address as it is', [tcp(4, '10.0.0.7', '1')], ['10.0.0.7']],
    ['both families, each address once, sorted', [tcp(6, '::', '1'), tcp(4, '0.0.0.0', '2'), tcp(4, '127.0.0.1', '3')], ['127.0.0.1', '::1']],
    ['not another program on the same port', [tcp(4, '127.0.0.1', '99'), tcp(6, '::1', '1')], ['::1']],
    ['not the session on another port', [tcp(4, '127.0.0.1', '1', 8081)], []],
  ] as const)('%s', (_what, sockets, hosts) => {
    expect(dialTargets(sockets, session, 8080)).toEqual(hosts.map((host) => ({ host, port: 8080 })));
  });

  it('dials an IPv4-mapped row of /proc/net/tcp6 as read by the socket-table reader', () => {
    const text = 'header\n   0: 0000000000000000FFFF00000100007F:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 7 1';
    expect(dialTargets(parseSocketTable(text, { protocol: 'tcp', family: 6 }), new Set(['7']), 8080)).toEqual([{ host: '127.0.0.1', port: 8080 }]);
  });
});

describe.runIf(process.platform === 'linux')('boundAddresses', () => {
  const listen = async (port: number, host: string) => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    return server;
  };
  const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

  it('dials a server restarted on the same port with another host at its new address at once', async () => {
    const first = await listen(0, '::1');
    const port = (first.address() as { port: number }).port;
    expect(await boundAddresses([process.pid], port)).toEqual([{ host: '::1', port }]);
    await close(first);
    const second = await listen(port, '127.0.0.1');
    try {
      expect(await boundAddresses([process.pid], port)).toEqual([{ host: '127.0.0.1', port }]);
    } finally {
      await close(second);
    }
    expect(await boundAddresses([process.pid], port)).toEqual([]);
  });
});
