// One start of the learner's command: its own process group where the runtime has them (so its
// whole tree can be killed at once), its own observer log, its output tail, the tree of every
// process it started (so all of them are seen and all are stopped: through /proc where there is
// one, else every process the observer saw), and waits that end as soon as the answer is known.
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, unlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { displayCommand } from './command.mjs';
import { launchPlan } from './launch.mjs';
import { addOsSockets, listeningPorts, parseLog, summarize } from './observer-log.mjs';
import { OutputTail } from './output-tail.mjs';
import { within } from './poll.mjs';
import { ProcessTree } from './process-tree.mjs';
import { waitExitOrListen, waitReady } from './waits.mjs';

let counter = 0;
/** After exit: how long the pipes may stay quiet before the output counts as complete, and the cap. */
const QUIET_MS = 150;
const DRAIN_LIMIT_MS = 3000;
const OBSERVER_FRAME = /^\s+at .*[\\/]\.portside[\\/]observer\.cjs:\d+/;
/** How long one read of the OS socket table stands for the run (it costs a scan of /proc). */
const SOCKETS_TTL_MS = 150;

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
    /** @type {ProcessTree | null} */
    this.tree = null;
    this.osSockets = { at: 0, sockets: /** @type {ReturnType<ProcessTree['sockets']>} */ (null) };
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
    if (child.pid !== undefined) this.tree = new ProcessTree(child.pid, { proc: ctx.capabilities.has.proc });
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

  /**
   * The evidence so far: what the observer recorded in every process and thread of the run,
   * merged with the sockets the operating system shows for the run's processes (always, where
   * there is a socket table: it also sees programs that are not node). `osTable` says whether
   * that table could be read.
   */
  summary() {
    const summary = summarize(parseLog(this.readLog()));
    const sockets = this.socketsNow(summary);
    if (sockets) addOsSockets(summary, sockets);
    return { ...summary, osTable: sockets !== null };
  }

  readLog() {
    try {
      return readFileSync(this.logFile, 'utf8');
    } catch {
      return ''; // not written yet
    }
  }

  /** @param {ReturnType<typeof summarize>} summary */
  socketsNow(summary) {
    if (!this.tree) return null;
    if (Date.now() - this.osSockets.at >= SOCKETS_TTL_MS) {
      this.tree.scan(summary.processes);
      this.osSockets = { at: Date.now(), sockets: this.tree.sockets() };
    }
    return this.osSockets.sockets;
  }

  /** True when a process the run started lives on after the direct child exited (a supervisor's worker, a daemon). */
  livesOn() {
    if (!this.tree) return false;
    const summary = summarize(parseLog(this.readLog()));
    this.tree.scan(summary.processes);
    if (this.tree.hasProc) return this.tree.othersAlive();
    const exited = new Set(summary.exits.map((e) => e.pid));
    const others = [...summary.pids, ...summary.children.map((c) => c.pid)].filter((pid) => pid !== this.pid && !exited.has(pid));
    return others.some((pid) => this.mayBeAlive(pid));
  }

  /**
   * Processes the program started that carry no observer (not node, or started where the preload
   * cannot follow) and may still be alive: without a socket table, nothing sees their ports.
   * @returns {number[]}
   */
  unobservedChildren() {
    const summary = summarize(parseLog(this.readLog()));
    const observed = new Set(summary.pids);
    return summary.children.map((c) => c.pid).filter((pid) => !observed.has(pid) && this.mayBeAlive(pid));
  }

  /** Without /proc: signal 0 where the runtime has it; where it has not, assume alive (never guess "gone"). */
  mayBeAlive(pid) {
    if (!this.ctx.capabilities.has.signalZero) return true;
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
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

  /**
   * Kills everything the run started and waits for the direct child's exit: its process group,
   * then every process of its tree (a daemon that detached into its own session too), and once
   * more afterwards for anything started meanwhile. Also removes sockets a path-listen left behind.
   */
  async stop() {
    if (this.stopped) return this.stopped;
    this.stopped = (async () => {
      const killTree = () => {
        const summary = summarize(parseLog(this.readLog()));
        this.tree?.signalAll(summary.processes, new Set(summary.exits.map((e) => e.pid)));
      };
      this.signal('SIGKILL');
      killTree();
      await this.waitExit(3000);
      this.signal('SIGKILL'); // grandchildren that outlived their parent keep the group alive
      killTree();
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

