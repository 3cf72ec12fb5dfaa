// Everything one run started, so the harness can see all of its sockets and stop all of it: the
// direct child, its descendants in the process table (/proc, where there is one), and every
// process the observer reported — node processes that started, and the children they spawned —
// including a daemon that detached into a session of its own after its parent exited, which no
// process group and no parent link leads back to.
//
// A pid alone names nothing for long: pids wrap around (32768 of them on many machines, used up
// in minutes on a busy one), so a process that exited may hand its pid to a stranger. A process
// becomes a member only with its start time, and is signalled only while pid and start time
// still match. Where that cannot be checked (no /proc), only what the observer reported and has
// not seen exit is signalled.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readListeningSocketsSync, socketInodesSync } from './proc-sockets.mjs';
import { readAllStatsSync, readStatSync } from './proc-stat.mjs';

/**
 * The children of a process, from /proc/<pid>/task/<tid>/children (each thread lists the children
 * it forked). This walks only the run's own tree: a scan of every process on a busy machine costs
 * tens of milliseconds each time. Null where the kernel does not offer the file.
 * @param {number} pid
 * @returns {number[] | null}
 */
function childrenOf(pid) {
  let tasks;
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return []; // gone
  }
  /** @type {number[]} */
  const found = [];
  for (const tid of tasks) {
    try {
      found.push(...readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT' && tid === String(pid) && existsSync(`/proc/${pid}`)) return null;
    }
  }
  return found;
}

/**
 * The socket tables cost tens of milliseconds to read on a busy machine (every socket of the
 * system is listed), so one read serves every run for a moment, and a run reads again only when
 * its processes hold different sockets, or after REREAD_MS (a socket that goes from bound to
 * listening keeps its inode).
 */
const TABLES_TTL_MS = 150;
const REREAD_MS = 500;
let tables = { at: 0, sockets: /** @type {import('./proc-sockets.mjs').ListeningSocket[]} */ ([]) };

function socketTables() {
  if (Date.now() - tables.at > TABLES_TTL_MS) tables = { at: Date.now(), sockets: readListeningSocketsSync() };
  return tables.sockets;
}

/** @typedef {{ pid: number, start?: string }} Reported a process the observer named, with its start time where known */

export class ProcessTree {
  /**
   * Call right after spawning, while the child cannot have been reaped: its start time is read now.
   * @param {number} root the pid of the run's direct child
   * @param {{ proc?: boolean }} [options] `proc: false` where the runtime has no /proc (capabilities.mjs)
   */
  constructor(root, { proc = true } = {}) {
    this.root = root;
    this.procAllowed = proc;
    /** @type {Map<number, string>} pid → start time (clock ticks since boot) */
    this.members = new Map();
    const stat = proc ? readStatSync(root) : null;
    if (stat) this.members.set(root, stat.start);
    /** @type {boolean | null} null until the first scan */
    this.hasProc = null;
    /** @type {import('./proc-stat.mjs').ProcStat[]} */
    this.liveStats = [];
    /** @type {Set<number>} reported pids, for where there is no /proc */
    this.reported = new Set();
    /** @type {{ key: string, at: number, found: { pid: number, protocol: 'tcp'|'udp', address: string, port: number }[] } | null} */
    this.lastSockets = null;
  }

  /**
   * Adds the processes the observer reported and every live descendant of a member.
   * @param {Iterable<Reported>} reported
   */
  scan(reported) {
    const rootStat = this.procAllowed ? readStatSync(this.root) : null;
    this.hasProc = this.procAllowed && (rootStat !== null || existsSync('/proc/self/stat'));
    if (!this.hasProc) {
      for (const { pid } of reported) this.reported.add(pid);
      return;
    }
    /** @type {Map<number, import('./proc-stat.mjs').ProcStat | null>} */
    const seen = new Map();
    const statOf = (pid) => {
      if (!seen.has(pid)) seen.set(pid, pid === this.root ? rootStat : readStatSync(pid));
      return seen.get(pid) ?? null;
    };
    /** A member still alive, and still the process we took it for. */
    const live = (pid) => {
      const stat = statOf(pid);
      return stat && !stat.dead && this.members.get(pid) === stat.start ? stat : null;
    };
    for (const { pid, start } of reported) {
      if (start && !this.members.has(pid) && statOf(pid)?.start === start) this.members.set(pid, start);
    }
    // Descendants of live members: a child is ours if its parent is, checked by start time.
    const queue = [...this.members.keys()].filter((pid) => live(pid));
    let childrenFiles = true;
    while (queue.length) {
      const parent = /** @type {number} */ (queue.pop());
      const children = childrenOf(parent);
      if (children === null) {
        childrenFiles = false;
        break;
      }
      for (const pid of children) {
        const stat = statOf(pid);
        if (!stat || stat.dead || stat.ppid !== parent || this.members.has(pid)) continue;
        this.members.set(pid, stat.start);
        queue.push(pid);
      }
    }
    if (!childrenFiles) this.scanTable();
    this.liveStats = [...this.members.keys()].map(live).filter((stat) => stat !== null);
  }

  /** Where the kernel lists no children: the whole process table, by parent links and the root's group. */
  scanTable() {
    const stats = readAllStatsSync() ?? [];
    const byPid = new Map(stats.map((stat) => [stat.pid, stat]));
    const live = (pid) => {
      const stat = byPid.get(pid);
      return stat && !stat.dead && this.members.get(pid) === stat.start ? stat : null;
    };
    // The root's group outlives the root; it is ours unless the root's pid now names a stranger.
    const rootNow = byPid.get(this.root);
    const groupIsOurs = this.members.has(this.root) && (!rootNow || rootNow.start === this.members.get(this.root));
    let grew = true;
    while (grew) {
      grew = false;
      for (const stat of stats) {
        if (stat.dead || this.members.has(stat.pid)) continue;
        if ((groupIsOurs && stat.pgrp === this.root) || live(stat.ppid)) {
          this.members.set(stat.pid, stat.start);
          grew = true;
        }
      }
    }
  }

  /** Live members other than the root (a supervisor's workers, a daemon); needs a scan first. */
  othersAlive() {
    return this.liveStats.some((stat) => stat.pid !== this.root);
  }

  /**
   * The listening TCP and bound UDP sockets of the live members, from the OS socket table.
   * @returns {{ pid: number, protocol: 'tcp'|'udp', address: string, port: number }[] | null} null where /proc is missing
   */
  sockets() {
    if (!this.hasProc) return null;
    /** @type {Map<string, number>} socket inode → pid */
    const owners = new Map();
    for (const { pid } of this.liveStats) for (const inode of socketInodesSync(pid)) owners.set(inode, pid);
    if (owners.size === 0) return [];
    const key = [...owners.keys()].sort().join(',');
    if (this.lastSockets && this.lastSockets.key === key && Date.now() - this.lastSockets.at < REREAD_MS) return this.lastSockets.found;
    const found = socketTables().flatMap(({ inode, protocol, address, port }) => {
      const pid = owners.get(inode);
      return pid === undefined ? [] : [{ pid, protocol, address, port }];
    });
    this.lastSockets = { key, at: Date.now(), found };
    return found;
  }

  /**
   * Sends `signal` to every member still alive, and to the group of each that leads one (as a
   * detached daemon does). Without /proc, to the reported pids not known to have exited.
   * @param {Iterable<Reported>} reported
   * @param {Set<number>} exited pids the observer saw exit
   * @returns {number} how many processes were signalled
   */
  signalAll(reported, exited, signal = 'SIGKILL') {
    this.scan(reported);
    // Without /proc the root is left to its ChildProcess handle, which knows when it was reaped.
    const targets = this.hasProc
      ? this.liveStats
      : [...this.reported].filter((pid) => pid !== this.root && !exited.has(pid)).map((pid) => ({ pid, pgrp: 0 }));
    for (const { pid, pgrp } of targets) {
      if (pgrp === pid) safeKill(-pid, signal);
      safeKill(pid, signal);
    }
    return targets.length;
  }
}

/** Never the harness itself, its own group, init, or "every process" (-1, 0). */
function safeKill(target, signal) {
  const pid = Math.abs(target);
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) return;
  if (target < 0 && pid === readStatSync(process.pid)?.pgrp) return;
  try {
    process.kill(target, signal);
  } catch {
    // Gone already, or not ours.
  }
}
