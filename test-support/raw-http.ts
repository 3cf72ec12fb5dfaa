/** Raw-socket HTTP for tests of the request edge: bytes out, whatever comes back, and a seeded fuzzer. */
import { connect } from 'node:net';

/** Writes `bytes`, then collects what the server answers until it closes or `timeoutMs` pass. */
export function rawExchange(port: number, bytes: string | Buffer, timeoutMs = 1500): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, timeoutMs);
    // Half-close after the bytes, so a server waiting for a body it was promised gives up at once.
    socket.on('connect', () => socket.end(bytes));
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', done);
    socket.on('error', done);
  });
}

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TARGETS = ['http://%/', '%', '/%zz', '//', '*', 'http://[::1', 'http://a:b@', '/\u0000', '/..%2f..', '?', '#', 'ws://x/', 'http://%41', '/ok?x=%', '/\u00ff'];
const METHODS = ['GET', 'POST', 'HEAD', 'OPTIONS', 'CONNECT', 'G\u00e9T', 'PRI', ''];
const HOSTS = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`, `1.localhost:${port}`, `99999.localhost:${port}`, `0.localhost:${port}`, '', '%', `[::1]:${port}`, 'a'.repeat(300)];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2', 'HTTP/9.9', ''];

/**
 * Request byte strings mixing valid and broken parts: odd methods, targets the URL parser
 * rejects, preview and foreign Hosts, upgrades to the runner with bad keys, duplicate and
 * oversized headers, bare LFs, binary junk.
 */
export function fuzzCases(seed: number, count: number, target: { port: number; runnerPath: string }): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const junk = (n: number) => Array.from({ length: n }, () => String.fromCharCode(Math.floor(next() * 256))).join('');
  const cases: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = pick([...TARGETS, target.runnerPath, `${target.runnerPath}?token=${junk(4)}`, `/${junk(3)}`]);
    const headers = [`Host: ${pick(HOSTS(target.port))}`];
    if (next() < 0.6) headers.push('Connection: Upgrade', `Upgrade: ${pick(['websocket', 'echo', '', junk(2)])}`);
    if (next() < 0.5) headers.push('Sec-WebSocket-Version: 13', `Sec-WebSocket-Key: ${pick(['dGhlIHNhbXBsZSBub25jZQ==', '', junk(6)])}`);
    if (next() < 0.5) headers.push(`Origin: ${pick([`http://127.0.0.1:${target.port}`, 'null', 'http://%', junk(5)])}`);
    if (next() < 0.3) headers.push(`Cookie: ${pick(['portside=%', 'a=b; portside=', junk(8)])}`);
    if (next() < 0.2) headers.push(`Content-Length: ${pick(['5', '-1', 'x', '99999999999'])}`);
    if (next() < 0.1) headers.push(`X-Long: ${'y'.repeat(20_000)}`);
    if (next() < 0.1) headers.push(junk(12));
    const eol = next() < 0.1 ? '\n' : '\r\n';
    cases.push(`${pick(METHODS)} ${path} ${pick(VERSIONS)}${eol}${headers.join(eol)}${eol}${eol}${next() < 0.2 ? junk(16) : ''}`);
  }
  return cases;
}
