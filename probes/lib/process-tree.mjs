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
import { readListeningSocketsSync, socketInodesSync } from './proc-sockets.mjs';
import { readAllStatsSync, readStatSync } from './proc-stat.mjs';

/** One read of the process table serves every run for this long (reading it costs a few ms). */
const TABLE_TTL_MS = 100;
let table = { at: 0, stats: /** @type {import('./proc-stat.mjs').ProcStat[] | null} */ (null) };

/** @param {boolean} fresh skip the shared cache (teardown must not miss a process just started) */
function processTable(fresh) {
  if (fresh || Date.now() - table.at > TABLE_TTL_MS) table = { at: Date.now(), stats: readAllStatsSync() };
  return table.stats;
}

/** @typedef {{ pid: number, start?: string }} Reported a process the observer named, with its start time where known */

export class ProcessTree {
  /**
   * Call right after spawning, while the child cannot have been reaped: its start time is read now.
   * @param {number} root the pid of the run's direct child
   */
  constructor(root) {
    this.root = root;
    /** @type {Map<number, string>} pid → start time (clock ticks since boot) */
    this.members = new Map();
    const stat = readStatSync(root);
    if (stat) this.members.set(root, stat.start);
    /** @type {boolean | null} null until the first scan */
    this.hasProc = null;
    /** @type {import('./proc-stat.mjs').ProcStat[]} */
    this.liveStats = [];
    /** @type {Set<number>} reported pids, for where there is no /proc */
    this.reported = new Set();
  }

  /**
   * Adds the processes the observer reported and, from the process table, every live descendant
   * of a member (parent links) and every process in the root's group.
   * @param {Iterable<Reported>} reported
   * @param {{ fresh?: boolean }} [options]
   */
  scan(reported, { fresh = false } = {}) {
    const stats = processTable(fresh);
    this.hasProc = stats !== null;
    if (stats === null) {
      for (const { pid } of reported) this.reported.add(pid);
      return;
    }
    const byPid = new Map(stats.map((stat) => [stat.pid, stat]));
    /** @param {number} pid */
    const live = (pid) => {
      const stat = byPid.get(pid);
      return stat && !stat.dead && this.members.get(pid) === stat.start ? stat : null;
    };
    for (const { pid, start } of reported) {
      if (start && !this.members.has(pid) && byPid.get(pid)?.start === start) this.members.set(pid, start);
    }
    // The root's process group outlives the root; it is ours unless the root's pid now names a stranger.
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
    this.liveStats = [...this.members.keys()].map(live).filter((stat) => stat !== null);
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
    return readListeningSocketsSync().flatMap(({ inode, protocol, address, port }) => {
      const pid = owners.get(inode);
      return pid === undefined ? [] : [{ pid, protocol, address, port }];
    });
  }

  /**
   * Sends `signal` to every member still alive, and to the group of each that leads one (as a
   * detached daemon does). Without /proc, to the reported pids not known to have exited.
   * @param {Iterable<Reported>} reported
   * @param {Set<number>} exited pids the observer saw exit
   * @returns {number} how many processes were signalled
   */
  signalAll(reported, exited, signal = 'SIGKILL') {
    this.scan(reported, { fresh: true });
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
