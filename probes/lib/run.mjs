// One start of the learner's command: its own process group (so its whole tree can be killed),
// its own observer log, its output tail, and waits that end as soon as the answer is known.
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, unlinkSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { displayCommand, npmScript, parseCommand } from './command.mjs';
import { allSettled, listeningPorts, parseLog, serverOn, summarize } from './observer-log.mjs';
import { OutputTail } from './output-tail.mjs';
import { pollUntil, within } from './poll.mjs';
import { reachable } from './tcp.mjs';
import { groupListeners } from './proc-listeners.mjs';

/** How long the list of listen() calls must stay unchanged before "it listened elsewhere" is final. */
const QUIET_MS = 250;
let counter = 0;
/** A POSIX shell for npm scripts, where there is one; elsewhere (a WebContainer) npm itself runs them. */
const SHELL = existsSync('/bin/sh') ? '/bin/sh' : null;
const OBSERVER_FRAME = /^\s+at .*[\\/]\.portside[\\/]observer\.cjs:\d+/;

export class Run {
  /**
   * @param {object} ctx the harness context (cwd, command, observerPath, tmpDir, baseEnv, track)
   * @param {{ env?: Record<string, string>, unset?: string[], label?: string }} options
   */
  constructor(ctx, { env = {}, unset = [], label = 'run' }) {
    this.ctx = ctx;
    this.env = env;
    this.unset = unset;
    this.display = displayCommand(ctx.command, env, unset);
    this.logFile = join(ctx.tmpDir, `${label}-${++counter}.jsonl`);
    this.tail = new OutputTail();
    this.exitInfo = null;
    this.spawnError = null;
    this.startedAt = Date.now();
    ctx.track(this);
    this.exited = new Promise((resolveExit) => (this.resolveExit = resolveExit));
    this.spawn();
  }

  spawn() {
    const { ctx } = this;
    const env = { ...ctx.baseEnv, ...this.env, PORTSIDE_OBSERVER_LOG: this.logFile, PORTSIDE_HARNESS_PID: String(process.pid) };
    for (const name of this.unset) delete env[name];
    const observer = ctx.observerPath.includes(' ') ? `"${ctx.observerPath}"` : ctx.observerPath;
    env.NODE_OPTIONS = [env.NODE_OPTIONS, `--require ${observer}`].filter(Boolean).join(' ');
    let parsed;
    try {
      parsed = parseCommand(ctx.command);
    } catch (error) {
      return this.fail(error);
    }
    const npm = SHELL && npmScript(parsed, ctx.packageJson.value, existsSync(join(ctx.cwd, 'server.js')));
    if (npm) {
      Object.assign(env, npmEnv(ctx, npm));
      parsed = { file: SHELL, args: ['-c', npm.body] };
    }
    // Our own node for `node …`, so grading uses the node it runs on, not whichever is first on PATH.
    const file = parsed.file === 'node' && isAbsolute(process.execPath) ? process.execPath : parsed.file;
    const child = spawn(file, parsed.args, { cwd: ctx.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (text) => this.tail.push(text));
    child.stderr.on('data', (text) => this.tail.push(text));
    const closed = new Promise((done) => child.once('close', done));
    child.once('error', (error) => this.fail(error));
    child.once('exit', async (code, signal) => {
      // The output still in the pipes belongs in the transcript; a grandchild may hold them open.
      await within(closed, 300);
      this.exitInfo = { code, signal, afterMs: Date.now() - this.startedAt };
      this.resolveExit(this.exitInfo);
    });
  }

  fail(error) {
    this.spawnError = error;
    this.exitInfo ??= { code: null, signal: null, afterMs: 0, spawnError: error.message };
    this.resolveExit(this.exitInfo);
  }

  get pid() {
    return this.child?.pid;
  }

  /** What the observer has recorded so far. */
  summary() {
    let text = '';
    try {
      text = readFileSync(this.logFile, 'utf8');
    } catch {
      // Not written yet.
    }
    const summary = summarize(parseLog(text));
    if (!summary.observed && this.child?.pid) this.addProcListeners(summary);
    return summary;
  }

  /** For programs the observer cannot see (not node), the listening sockets /proc shows. */
  addProcListeners(summary) {
    this.procSeen ??= new Map();
    const found = this.exitInfo ? [] : groupListeners(this.child.pid);
    if (found === null) return;
    for (const { pid, address, port } of found) this.procSeen.set(`${address}:${port}`, { pid, address, port });
    summary.viaProc = true;
    for (const { pid, address, port } of this.procSeen.values()) {
      summary.servers.push({ pid, id: `proc:${address}:${port}`, kind: 'process', requested: { port }, listening: { address, port }, error: null, closed: false });
    }
  }

  /** The output tail, without the observer's own stack frames (they would only confuse). */
  output() {
    const tail = this.tail.read();
    // Paths relative to the workspace, as the learner sees their files: server.js:4, not /tmp/…
    const root = `${this.ctx.cwd}/`;
    const lines = tail.text.split('\n').filter((line) => !OBSERVER_FRAME.test(line));
    return { ...tail, text: lines.join('\n').replaceAll(`file://${root}`, '').replaceAll(root, '') };
  }

  /**
   * Waits until the server listens on `port` (or on anything, when port is null).
   * @returns {Promise<{ state: 'listening'|'elsewhere'|'exited'|'timeout'|'spawn-error', server?: object, summary: object, exit?: object }>}
   */
  async waitReady(port, timeoutMs) {
    let lastCount = -1;
    let quietSince = Date.now();
    const result = await pollUntil(
      async () => {
        const exited = this.exitInfo;
        const summary = this.summary();
        if (this.spawnError) return { state: 'spawn-error', summary, exit: exited };
        // Listening on the port counts even if the process died right after: the port choice was
        // right, and whatever probes it next will find it gone and say so. (Checking the exit
        // first would make the answer depend on how fast we polled.)
        const server = port === null ? summary.servers.find((s) => s.listening) : serverOn(summary, port);
        if (server) return { state: 'listening', server, summary };
        if (exited) return { state: 'exited', summary, exit: exited };
        if (!summary.observed && port !== null && (await reachable(port, 500)).ok) return { state: 'listening', server: null, summary };
        if (summary.servers.length !== lastCount) {
          lastCount = summary.servers.length;
          quietSince = Date.now();
        }
        if (port !== null && allSettled(summary) && Date.now() - quietSince >= QUIET_MS) return { state: 'elsewhere', summary };
        return undefined;
      },
      { timeoutMs, signal: this.ctx.signal },
    );
    return result.value ?? { state: 'timeout', summary: this.summary() };
  }

  /**
   * For runs that should end quickly (a bad PORT, a taken port): waits until the process exits,
   * listens somewhere, or `limitMs` pass since the program itself started or last called listen()
   * (npm and a busy machine do not eat into the limit; readyTimeoutMs caps the whole wait).
   * @returns {Promise<{ exit?: object, listening?: true, timedOut?: true }>}
   */
  async waitExitOrListen(limitMs) {
    const cap = this.startedAt + Math.max(limitMs, this.ctx.readyTimeoutMs);
    const outcome = await pollUntil(
      () => {
        if (this.exitInfo) return { exit: this.exitInfo };
        const summary = this.summary();
        if (summary.servers.some((s) => s.listening)) return { listening: true };
        if (Date.now() > Math.min(cap, Math.max(this.startedAt, summary.lastStart ?? 0) + limitMs)) return { timedOut: true };
        return undefined;
      },
      { timeoutMs: Math.max(0, cap - Date.now()), signal: this.ctx.signal },
    );
    return outcome.value ?? { timedOut: true };
  }

  /** Waits up to `ms` for the process to exit; resolves the exit info or null. */
  waitExit(ms) {
    return within(this.exited, ms, null);
  }

  /** Sends a signal to the whole process group (falls back to the process where groups are unsupported). */
  signal(name) {
    if (!this.child?.pid) return;
    try {
      process.kill(-this.child.pid, name);
    } catch {
      try {
        this.child.kill(name);
      } catch {
        // Already gone.
      }
    }
  }

  /** Kills the tree and waits for the exit; also removes sockets a path-listen left behind. */
  async stop() {
    if (this.stopped) return this.stopped;
    this.stopped = (async () => {
      this.signal('SIGKILL');
      await this.waitExit(3000);
      this.signal('SIGKILL'); // grandchildren that outlived their parent keep the group alive
      this.removeSocketFiles();
    })();
    return this.stopped;
  }

  removeSocketFiles() {
    for (const server of this.summary().servers) {
      const path = server.listening?.path ?? server.requested.path;
      if (typeof path !== 'string') continue;
      const full = resolve(this.ctx.cwd, path);
      if (relative(this.ctx.cwd, full).startsWith('..')) continue;
      try {
        if (existsSync(full) && lstatSync(full).isSocket()) unlinkSync(full);
      } catch {
        // Not ours to worry about.
      }
    }
  }

  /** Ports this run listened on. */
  ports() {
    return listeningPorts(this.summary());
  }
}

/** What npm adds to a script's environment (the parts programs read). */
function npmEnv(ctx, { script, body }) {
  const pkg = ctx.packageJson.value;
  const path = [join(ctx.cwd, 'node_modules', '.bin'), dirname(process.execPath), ctx.baseEnv.PATH].filter(Boolean).join(delimiter);
  return {
    PATH: path,
    INIT_CWD: ctx.cwd,
    npm_lifecycle_event: script,
    npm_lifecycle_script: body,
    npm_package_json: join(ctx.cwd, 'package.json'),
    ...(typeof pkg.name === 'string' ? { npm_package_name: pkg.name } : {}),
    ...(typeof pkg.version === 'string' ? { npm_package_version: pkg.version } : {}),
  };
}
