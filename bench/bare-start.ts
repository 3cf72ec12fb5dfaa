/**
 * The preview's bare baseline: what the same server costs without Portside. A plain script
 * starts the lesson's command with PORT set, polls with a plain HTTP GET (backoff from 5 ms)
 * until the first 2xx, reads the body, and kills the process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { createServer } from 'node:net';

export interface BareStart {
  ms: number;
  /** The first 2xx response's body: what the preview has to show. */
  body: string;
}

const LIMIT_MS = 15_000;
const running = new Set<ChildProcess>();
process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** `file args…` (e.g. `node server.js`, with node meaning this very Node) started in `cwd`. */
export async function bareStart(cwd: string, file: string, args: string[], path = '/'): Promise<BareStart> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(file === 'node' ? process.execPath : file, args, { cwd, env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  running.add(child);
  const exited = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${file} ${args.join(' ')} exited with code ${code} before it answered`)));
  });
  exited.catch(() => undefined);
  try {
    const body = await Promise.race([firstSuccess(port, path, started + LIMIT_MS), exited]);
    return { ms: performance.now() - started, body };
  } finally {
    child.kill('SIGKILL');
    if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
    running.delete(child);
  }
}

async function firstSuccess(port: number, path: string, deadline: number): Promise<string> {
  for (let delay = 5; ; delay = Math.min(50, delay * 1.5)) {
    const answer = await getBody(port, path).catch(() => null);
    if (answer && answer.status >= 200 && answer.status < 300) return answer.body;
    if (performance.now() > deadline) throw new Error(`nothing answered 2xx on port ${port} within ${LIMIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

function getBody(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    }).once('error', reject);
  });
}

/** A port nothing listens on right now, chosen by the OS (never a fixed one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
