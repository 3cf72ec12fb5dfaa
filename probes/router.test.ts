// The router as a real process in front of real instances: round robin, skipping an instance
// that refuses, a plain-words 502 when none answers, bodies and WebSockets passed through, and
// bad configuration refused with a clear line. Log lines are checked against the documented format.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';

const ROUTER = fileURLToPath(new URL('./router.mjs', import.meta.url));
const SERVED = /^(\S+) (\S+) → instance :(\d+) \((\d{3})\)$/;

interface Router {
  port: number;
  lines: string[];
  process: ChildProcess;
}

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()?.();
});

/** An instance that answers with its own port, so a test can tell who served. */
async function instance(): Promise<number> {
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => response.end(JSON.stringify({ port: (server.address() as AddressInfo).port, method: request.method, body, forwardedFor: request.headers['x-forwarded-for'] })));
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket) => socket.on('message', (data) => socket.send(`echo:${String(data)}`)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => {
    for (const client of wss.clients) client.terminate();
    server.closeAllConnections();
    server.close();
  });
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let delay = 10;
    const poll = () => {
      const value = check();
      if (value !== undefined) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      delay = Math.min(delay * 2, 200);
      setTimeout(poll, delay);
    };
    poll();
  });
}

async function startRouter(upstreams: string): Promise<Router> {
  const child = spawn(process.execPath, [ROUTER], { env: { ...process.env, PORT: '0', UPSTREAMS: upstreams } });
  const lines: string[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
  });
  cleanup.push(() => child.kill('SIGKILL'));
  const port = await waitFor(() => {
    const match = lines.map((line) => /^router listening on port (\d+) → instances /.exec(line)).find(Boolean);
    return match ? Number(match[1]) : undefined;
  }, 'the router to listen');
  return { port, lines, process: child };
}

async function get(port: number, path = '/', body?: string) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, body === undefined ? {} : { method: 'POST', body });
  return { status: response.status, servedBy: response.headers.get('x-served-by'), text: await response.text() };
}

describe('router', () => {
  it('sends requests to the instances in turn and says who served each one', async () => {
    const [a, b] = [await instance(), await instance()];
    const router = await startRouter(`http://127.0.0.1:${a},http://127.0.0.1:${b}`);
    const served = [];
    for (let i = 0; i < 4; i += 1) served.push((await get(router.port, `/n${i}`)).servedBy);
    expect(served).toEqual([a, b, a, b].map(String));
    const logged = await waitFor(() => (router.lines.filter((l) => SERVED.test(l)).length === 4 ? router.lines.filter((l) => SERVED.test(l)) : undefined), 'four log lines');
    expect(logged).toEqual([`GET /n0 → instance :${a} (200)`, `GET /n1 → instance :${b} (200)`, `GET /n2 → instance :${a} (200)`, `GET /n3 → instance :${b} (200)`]);
  });

  it('skips an instance that refuses the connection and logs why', async () => {
    const [live, dead] = [await instance(), await closedPort()];
    const router = await startRouter(`http://127.0.0.1:${dead},http://127.0.0.1:${live}`);
    const answer = await get(router.port);
    expect(answer.status).toBe(200);
    expect(answer.servedBy).toBe(String(live));
    await waitFor(() => router.lines.find((l) => l === `GET / → instance :${live} (200)`), 'the served line');
    expect(router.lines).toContain(`GET / → instance :${dead} refused the connection, skipping it`);
  });

  it('answers 502 in plain words when no instance accepts', async () => {
    const [first, second] = [await closedPort(), await closedPort()];
    const router = await startRouter(`http://127.0.0.1:${first},http://127.0.0.1:${second}`);
    const answer = await get(router.port, '/orders');
    expect(answer.status).toBe(502);
    expect(answer.text).toMatch(/none accepted the connection/);
    expect(answer.text).toContain(`:${first}`);
    await waitFor(() => router.lines.find((l) => l === 'GET /orders → no instance answered (502)'), 'the 502 line');
  });

  it('answers 502 and names the instance that closed the connection without answering', async () => {
    const rude = http.createServer((request) => request.socket.destroy());
    await new Promise<void>((resolve) => rude.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => rude.close());
    const port = (rude.address() as AddressInfo).port;
    const router = await startRouter(`http://127.0.0.1:${port}`);
    const answer = await get(router.port, '/boom');
    expect(answer.status).toBe(502);
    expect(answer.servedBy).toBe(String(port));
    expect(answer.text).toMatch(/closed the connection without answering/);
    await waitFor(() => router.lines.find((l) => l === `GET /boom → instance :${port} dropped the connection (502)`), 'the dropped line');
  });

  it('forwards the request body and the client address', async () => {
    const port = await instance();
    const router = await startRouter(`http://127.0.0.1:${port}`);
    const answer = JSON.parse((await get(router.port, '/notes', 'buy milk')).text);
    expect(answer).toMatchObject({ method: 'POST', body: 'buy milk', forwardedFor: '127.0.0.1' });
  });

  it('passes WebSocket upgrades through to an instance', async () => {
    const [dead, live] = [await closedPort(), await instance()];
    const router = await startRouter(`http://127.0.0.1:${dead},http://127.0.0.1:${live}`);
    const socket = new WebSocket(`ws://127.0.0.1:${router.port}/chat`);
    cleanup.push(() => socket.terminate());
    let servedBy: unknown;
    socket.on('upgrade', (response) => (servedBy = response.headers['x-served-by']));
    await new Promise((resolve, reject) => {
      socket.on('open', resolve);
      socket.on('error', reject);
    });
    expect(servedBy).toBe(String(live));
    socket.send('ping');
    const reply = await new Promise<string>((resolve) => socket.on('message', (data) => resolve(String(data))));
    expect(reply).toBe('echo:ping');
    await waitFor(() => router.lines.find((l) => l === `GET /chat → instance :${live} (101)`), 'the upgrade line');
  });

  it.each([
    [{ PORT: 'abc', UPSTREAMS: 'http://127.0.0.1:1' }, /PORT must be a number/],
    [{ PORT: '0', UPSTREAMS: '' }, /UPSTREAMS is not set/],
    [{ PORT: '0', UPSTREAMS: 'ftp://127.0.0.1:21' }, /must start with http:\/\//],
  ])('refuses bad configuration %o with one clear line', async (env, message) => {
    const child = spawn(process.execPath, [ROUTER], { env: { ...process.env, ...env } });
    cleanup.push(() => child.kill('SIGKILL'));
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
