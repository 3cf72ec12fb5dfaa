/** Ways for tests to talk to a real runner: the app's own client, and raw sockets for protocol abuse. */
import { request } from 'node:http';
import { WebSocket as NodeWebSocket } from 'ws';
import { connectLocalRuntime } from '../app/runtime/local/runtime.ts';
import type { PortEvent, Runtime, RuntimeProcess } from '../app/runtime/types.ts';
import { RUNNER_PATH, type ServerMessage } from '../contracts/runner-protocol.ts';
import type { FixturePlayground } from './fixture-playground.ts';
import { logIn } from './login.ts';

/** The browser's runtime seam, which connectRuntime returns, for tests outside app/. */
export type { PortEvent, Runtime, RuntimeProcess };

export function runnerUrl(playground: FixturePlayground, token = playground.token): string {
  return `ws://127.0.0.1:${playground.port}${RUNNER_PATH}?token=${encodeURIComponent(token)}`;
}

/** `ws`'s WebSocket, sending the Origin (and session cookie) a browser on the playground page would send. */
export function browserLikeWebSocket(origin: string, cookie?: string): typeof WebSocket {
  return class extends NodeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { origin, headers: cookie ? { cookie } : {} });
    }
  } as unknown as typeof WebSocket;
}

export function connectRuntime(playground: FixturePlayground): Promise<Runtime> {
  return connectLocalRuntime(playground.token, { url: runnerUrl(playground), WebSocket: browserLikeWebSocket(playground.origin, playground.cookie) });
}

/** A raw protocol connection that records every message it receives. */
export async function openRaw(playground: FixturePlayground) {
  const ws = new NodeWebSocket(runnerUrl(playground), { origin: playground.origin, headers: { cookie: playground.cookie } });
  const messages: ServerMessage[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString()) as ServerMessage));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    messages,
    closed,
    /** Waits for the first recorded message matching `match`. */
    next: (match: (m: ServerMessage) => boolean, what: string) =>
      waitFor(() => messages.find(match), what),
  };
}

/**
 * Opens a runner socket on a launched `npm start` (`url` is the address it printed) as its page
 * would: log in, read the token from the page, connect with the page's Origin and cookie.
 * Resolves once the runner said hello, with every message recorded.
 */
export async function openRunnerAt(url: string) {
  const origin = new URL(url).origin;
  const { cookie } = await logIn(url);
  const page = await (await fetch(`${origin}/`, { headers: { cookie } })).text();
  const token = /<meta name="portside-runner" content="([^"]+)">/.exec(page)?.[1] ?? '';
  const socket = new NodeWebSocket(`${origin.replace('http', 'ws')}${RUNNER_PATH}?token=${token}`, { origin, headers: { cookie } });
  const messages: ServerMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString()) as ServerMessage));
  socket.on('error', () => {}); // the server under test may be killed while the socket is open
  const hello = await waitFor(() => messages.find((m) => m.type === 'hello'), 'hello');
  return { socket, messages, hello };
}

/** The HTTP answer to a WebSocket upgrade with the given headers (a refused one is a 403). */
export function upgradeStatus(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers } });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, body: '' });
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Polls `check` with backoff until it returns a truthy value; fails naming `what` after `timeoutMs`. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
