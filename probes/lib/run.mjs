// One start of the learner's command: its own process group where the runtime has them (so its
// whole tree can be killed; elsewhere the direct child and every process the observer saw),
// its own observer log, its output tail, and waits that end as soon as the answer is known.
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, unlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { displayCommand } from './command.mjs';
import { launchPlan } from './launch.mjs';
import { listeningPorts, parseLog, summarize } from './observer-log.mjs';
import { OutputTail } from './output-tail.mjs';
import { within } from './poll.mjs';
import { groupListeners } from './proc-listeners.mjs';
import { waitExitOrListen, waitReady } from './waits.mjs';

let counter = 0;
/** After exit: how long the pipes may stay quiet before the output counts as complete, and the cap. */
const QUIET_MS = 150;
const DRAIN_LIMIT_MS = 3000;
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
    /** @type {Map<string, { pid: number, address: string, port: number }>} listening sockets seen in /proc, by address:port */
    this.procSeen = new Map();
    /** @type {{ code: number | null, signal: string | null, afterMs: number, spawnError?: string, script?: string } | null} how it ended; `script` names the npm pre/post script that failed */
    this.exitInfo = null;
    this.spawnError = null;
    this.observerExpected = false;
    this.startedAt = Date.now();
    ctx.track(this);
    this.exited = new Promise((resolveExit) => (this.resolveExit = resolveExit));
    this.spawn();
  }

  spawn() {
    let steps;
    try {
      steps = launchPlan(this.ctx, this);
    } catch (error) {
      return this.fail(error);
    }
    this.spawnStep(steps, 0);
  }

  /** Starts step `index` of the plan (npm's pre/post scripts are steps); the next one starts when it exits 0. */
  spawnStep(steps, index) {
    const { ctx } = this;
    const spec = steps[index];
    // Whether the observer will say when the program starts (waits.mjs counts limits from then):
    // our own node, with the observer on its command line or in NODE_OPTIONS.
    const preloaded = spec.args.includes(ctx.observerPath) || Boolean(spec.env.NODE_OPTIONS?.includes(ctx.observerPath));
    this.observerExpected = spec.file === process.execPath && preloaded;
    // Its own process group where the runtime has them, so the whole tree can be signalled at once.
    const detached = ctx.capabilities.has.processGroups;
    const child = spawn(spec.file, spec.args, { cwd: ctx.cwd, env: spec.env, detached, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    let lastOutputAt = Date.now();
    const collect = (text) => {
      lastOutputAt = Date.now();
      this.tail.push(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const closed = new Promise((done) => child.once('close', done));
    child.once('error', (error) => (spec.event ? this.shellWouldSay(spec, error) : this.fail(error)));
    child.once('exit', async (code, signal) => {
      // The output still in the pipes belongs in the transcript (a crash's error line comes last,
      // after a flood that can take a while to drain on a busy machine). A grandchild may hold the
      // pipes open, so stop waiting once they have been quiet for a moment.
      const exitedAt = Date.now();
      let isClosed = false;
      closed.then(() => (isClosed = true));
      while (!isClosed && Date.now() - Math.max(lastOutputAt, exitedAt) < QUIET_MS && Date.now() - exitedAt < DRAIN_LIMIT_MS) {
        await within(closed, QUIET_MS);
      }
      if (code === 0 && index + 1 < steps.length && !this.stopped) return this.spawnStep(steps, index + 1);
      this.exitInfo = { code, signal, afterMs: Date.now() - this.startedAt, ...(steps.length > 1 && spec.event ? { script: spec.event } : {}) };
      this.resolveExit(this.exitInfo);
    });
  }

  /**
   * An npm script naming a program that is not there is the learner's mistake, not the check's:
   * say what npm's shell would say and end as it would (127 not found, 126 not executable).
   */
  shellWouldSay(spec, error) {
    if (error.code !== 'ENOENT' && error.code !== 'EACCES') return this.fail(error);
    const notFound = error.code === 'ENOENT';
    this.tail.push(`sh: ${spec.file}: ${notFound ? 'not found' : 'Permission denied'}\n`);
    this.exitInfo = { code: notFound ? 127 : 126, signal: null, afterMs: Date.now() - this.startedAt, script: spec.event };
    this.resolveExit(this.exitInfo);
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
    if (!summary.observed && this.child?.pid && this.ctx.capabilities.has.proc) this.addProcListeners(summary);
    return summary;
  }

  /** For programs the observer cannot see (not node), the listening sockets /proc shows. */
  addProcListeners(summary) {
    const pid = this.child?.pid;
    const found = this.exitInfo || pid === undefined ? [] : groupListeners(pid);
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

  /** See waits.mjs: until it listens on `port` (any port when null), exits, settles elsewhere, or times out. */
  waitReady(port, timeoutMs) {
    return waitReady(this, port, timeoutMs);
  }

  /** See waits.mjs: until it exits, listens anywhere, or `limitMs` pass since the program started. */
  waitExitOrListen(limitMs) {
    return waitExitOrListen(this, limitMs);
  }

  /** Waits up to `ms` for the process to exit; resolves the exit info or null. */
  waitExit(ms) {
    return within(this.exited, ms, null);
  }

  /**
   * Sends a signal to the whole process group; where the runtime has no process groups, to the
   * direct child (the harness spawns the program itself, so that is the learner's process).
   */
  signal(name) {
    if (!this.child?.pid) return;
    try {
      if (!this.ctx.capabilities.has.processGroups) throw new Error('no process groups');
      process.kill(-this.child.pid, name);
    } catch {
      try {
        this.child.kill(name);
      } catch {
        // Already gone.
      }
    }
  }

  /** Without process groups: every process of this run the observer saw start (children, grandchildren). */
  killObserved() {
    for (const pid of this.summary().pids) {
      if (pid === process.pid) continue;
      try {
        process.kill(pid, 'SIGKILL');
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
      if (!this.ctx.capabilities.has.processGroups) this.killObserved();
      await this.waitExit(3000);
      this.signal('SIGKILL'); // grandchildren that outlived their parent keep the group alive
      if (!this.ctx.capabilities.has.processGroups) this.killObserved(); // and ones that started meanwhile
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

