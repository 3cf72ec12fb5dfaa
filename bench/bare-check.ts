/**
 * The bare counterpart of a lesson's Check: the same server starts and requests, with the same
 * parallelism as the harness (probes/lib/orchestrate.mjs), and nothing else — no observer, no
 * sandbox, no transcripts, no verdicts. Which starts a rule makes is read from the rule itself:
 *   main run (responds-http, uses-env-port, websocket-echo, tcp-protocol): one start, then one
 *     exchange per rule that talks to it, in turn;
 *   no-hardcoded-port one more start; multiple-instances three at once, a GET each;
 *   rejects-bad-port three runs that must exit (PORT=abc, -1, 70000); binds-host-from-env three
 *   (HOST=0.0.0.0, 127.0.0.1, unset); port-in-use one start on a taken port, until it exits;
 *   graceful-shutdown two GETs of the slow path, SIGTERM, until it exits; backing-service-url
 *   three starts (two stand-ins, one with the URL unset);
 *   default-port one start with PORT unset, after all the others, as `last` rules are.
 * All but default-port start together with the main run, as the harness's `run` rules do; an npm
 * script that is a plain command is run directly, as the harness runs it.
 * uses-env-port keeps the main run alive for a deliberate watch after readiness (to see a port
 * opened after warm-up); `watchMs` makes the bare main run wait as long, so the ratio measures
 * what the harness costs, not what it waits for on purpose. check.ts prints that wait.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, request, type Server } from 'node:http';
import { connect, createServer as createTcpServer } from 'node:net';
import { BAD_PORTS } from '../probes/rules/rejects-bad-port.mjs';
import { npmScript, parseCommand, spawnArgs } from '../probes/lib/command.mjs';
import type { Lesson } from '../server/lessons/load.ts';
import { freePort } from './bare-start.ts';

/** Bare servers still running; killed on exit too, so an interrupted bench leaves none behind. */
const running = new Set<ChildProcess>();
process.on('exit', () => running.forEach((child) => killGroup(child)));

const MAIN_RULES = new Set(['responds-http', 'uses-env-port', 'websocket-echo', 'tcp-protocol']);
/** How long a run that should exit (bad PORT, taken port, SIGTERM) may take, as the rules allow. */
const EXIT_LIMIT_MS = 3000;

/** Server starts each rule adds beside the main run (shared by the main-run rules). */
const OWN_STARTS: Record<string, number> = {
  'no-hardcoded-port': 1,
  'multiple-instances': 3,
  'binds-host-from-env': 3,
  'backing-service-url': 3,
  'rejects-bad-port': BAD_PORTS.length,
  'port-in-use': 1,
  'graceful-shutdown': 1,
  'default-port': 1,
};

/** How many times a Check of `lesson` starts the learner's server, as bareCheck does. */
export function serverStarts(lesson: Lesson): number {
  const main = lesson.rules.some((id) => MAIN_RULES.has(id)) ? 1 : 0;
  return lesson.rules.reduce((sum, id) => sum + (OWN_STARTS[id] ?? 0), main);
}

export interface BareCheckOptions {
  /**
   * Wraps the default-port start, which binds a fixed port of the host: bare checks running side
   * by side pass one lock (a `semaphore(1)`) so they take that port in turn.
   */
  exclusive?: <T>(run: () => Promise<T>) => Promise<T>;
}

/** One bare Check of `lesson` in the prepared workspace `cwd`; resolves with its duration in ms. */
export async function bareCheck(lesson: Lesson, cwd: string, watchMs: number, { exclusive = (run) => run() }: BareCheckOptions = {}): Promise<number> {
  const started = performance.now();
  const has = (id: string) => lesson.rules.includes(id);
  const stubs: Server[] = [];
  const stub = async () => {
    const server = createServer((_req, res) => res.end(lesson.probe.upstreamBody ?? '{"ok":true}'));
    stubs.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  };
  const env = async (extra: Record<string, string | undefined> = {}) => {
    const base: Record<string, string | undefined> = { ...process.env, HOST: undefined };
    if (lesson.probe.upstreamEnv) base[lesson.probe.upstreamEnv] = await stub();
    return { ...base, ...extra };
  };
  const serve = async (extra: Record<string, string | undefined>, exchange: (port: number) => Promise<void>) => {
    const port = await freePort();
    const server = start(lesson, cwd, await env({ PORT: String(port), ...extra }));
    try {
      await Promise.race([waitForConnect(port), server.exited.then(() => Promise.reject(new Error(`${lesson.command} exited before it listened`)))]);
      await exchange(port);
    } finally {
      await server.stop();
    }
  };
  const get = (path = lesson.probe.path) => (port: number) => httpGet(port, path);
  const runs: Promise<unknown>[] = [];
  if (lesson.rules.some((id) => MAIN_RULES.has(id))) {
    runs.push(serve({}, async (port) => {
      const readyAt = performance.now();
      if (has('responds-http')) await httpGet(port, lesson.probe.path);
      if (has('websocket-echo')) await httpGet(port, lesson.probe.path).then(() => wsHandshake(port)); // the page, then its socket
      if (has('tcp-protocol')) await tcpExchange(port, '*1\r\n$4\r\nPING\r\n');
      if (has('uses-env-port')) await new Promise((resolve) => setTimeout(resolve, Math.max(0, readyAt + watchMs - performance.now())));
    }));
  }
  if (has('no-hardcoded-port')) runs.push(serve({}, async () => {}));
  if (has('multiple-instances')) for (let i = 0; i < 3; i += 1) runs.push(serve({}, get()));
  if (has('binds-host-from-env')) for (const host of ['0.0.0.0', '127.0.0.1', undefined]) runs.push(serve({ HOST: host }, get()));
  if (has('backing-service-url')) for (const url of ['stub', 'moved', undefined]) runs.push(serve(url ? {} : { [lesson.probe.upstreamEnv!]: undefined }, get()));
  if (has('rejects-bad-port')) for (const value of BAD_PORTS) runs.push(start(lesson, cwd, await env({ PORT: value })).exitWithin(EXIT_LIMIT_MS));
  if (has('port-in-use')) runs.push(inUse(lesson, cwd, await env()));
  if (has('graceful-shutdown')) runs.push(shutdown(lesson, cwd, await env()));
  try {
    await Promise.all(runs);
    if (has('default-port')) {
      const unset = await env({ PORT: undefined });
      await exclusive(() => defaultPort(lesson, cwd, unset));
    }
  } finally {
    for (const server of stubs) server.close();
  }
  return performance.now() - started;
}

async function inUse(lesson: Lesson, cwd: string, env: Record<string, string | undefined>): Promise<void> {
  const blocker = createTcpServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  try {
    await start(lesson, cwd, { ...env, PORT: String(port) }).exitWithin(EXIT_LIMIT_MS);
  } finally {
    blocker.close();
  }
}

async function shutdown(lesson: Lesson, cwd: string, env: Record<string, string | undefined>): Promise<void> {
  const port = await freePort();
  const server = start(lesson, cwd, { ...env, PORT: String(port) });
  await waitForConnect(port);
  const slow = lesson.probe.slowPath ?? '/';
  const inFlight = [httpGet(port, slow), httpGet(port, slow)];
  await new Promise((resolve) => setTimeout(resolve, 50)); // both requests reach the server first
  server.child.kill('SIGTERM');
  await Promise.all(inFlight);
  await server.exitWithin(EXIT_LIMIT_MS);
}

async function defaultPort(lesson: Lesson, cwd: string, env: Record<string, string | undefined>): Promise<void> {
  const port = lesson.probe.defaultPort!;
  if (await canConnect(port)) throw new Error(`port ${port} is busy on this machine, so the default-port start cannot be timed`);
  const server = start(lesson, cwd, env);
  try {
    await waitForConnect(port);
  } finally {
    await server.stop();
  }
}

/**
 * The program the command runs. An `npm start` whose script is a plain command runs that command,
 * as the harness does (launch.mjs): many runs at once would otherwise time npm's own start-up.
 */
function programOf(command: string, cwd: string): { file: string; args: string[] } {
  const packageFile = join(cwd, 'package.json');
  const packageJson = existsSync(packageFile) ? JSON.parse(readFileSync(packageFile, 'utf8')) : undefined;
  const script = npmScript(parseCommand(command), packageJson, existsSync(join(cwd, 'server.js')));
  const body = script?.steps.length === 1 ? script.steps[0]!.body : undefined;
  if (body && !parseCommand(body).shell) return programOf(body, cwd);
  return spawnArgs(parseCommand(command), command);
}

function start(lesson: Lesson, cwd: string, env: Record<string, string | undefined>) {
  const { file, args } = programOf(lesson.command, cwd);
  const clean = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
  const child = spawn(file === 'node' ? process.execPath : file, args, { cwd, env: clean, detached: true, stdio: 'ignore' });
  running.add(child);
  const exited = new Promise<void>((resolve, reject) => {
    child.once('exit', () => resolve());
    child.once('error', reject);
  }).finally(() => running.delete(child));
  const stop = async () => {
    killGroup(child);
    await exited.catch(() => {});
  };
  /** Waits for the exit the rule expects, then makes sure nothing of the run is left. */
  const exitWithin = async (limitMs: number) => {
    const timer = new Promise((resolve) => setTimeout(resolve, limitMs));
    await Promise.race([exited.catch(() => {}), timer]);
    await stop();
  };
  return { child, exited, stop, exitWithin };
}

/** Polls with backoff until something accepts a connection on the port. */
async function waitForConnect(port: number): Promise<void> {
  for (let delay = 5; !(await canConnect(port)); delay = Math.min(50, delay * 1.5)) {
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** One GET that must answer 2xx, or the baseline would time something other than a working server. */
function httpGet(port: number, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      res.resume().on('end', () => (status >= 200 && status < 300 ? resolve() : reject(new Error(`GET ${path} answered ${status}`))));
    })
      .once('error', reject)
      .end();
  });
}

/** The WebSocket opening handshake; a 101 is enough for the bare script. */
function wsHandshake(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const headers = { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' };
    request({ host: '127.0.0.1', port, path: '/', headers, agent: false })
      .once('upgrade', (_res, socket) => {
        socket.destroy();
        resolve();
      })
      .once('response', (res) => reject(new Error(`WebSocket upgrade answered ${res.statusCode}`)))
      .once('error', reject)
      .end();
  });
}

function tcpExchange(port: number, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(data));
    socket.once('data', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}
