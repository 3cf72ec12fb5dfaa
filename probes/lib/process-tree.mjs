// Everything one run started, so the harness can see all of its sockets and stop all of it: the
// direct child, its descendants in the process table (/proc, where there is one), and every
// process the observer reported — node processes that started, and the children they spawned —
// including a daemon that detached into a session of its own after its parent exited, which no
// process group and no parent link leads back to.
import { readListeningSocketsSync, socketInodesSync } from './proc-sockets.mjs';
import { readAllStatsSync } from './proc-stat.mjs';

/** One read of the process table serves every run for this long (reading it costs a few ms). */
const TABLE_TTL_MS = 100;
let table = { at: 0, stats: /** @type {import('./proc-stat.mjs').ProcStat[] | null} */ (null) };

/** @param {boolean} fresh skip the shared cache (teardown must not miss a process just started) */
function processTable(fresh) {
  if (fresh || Date.now() - table.at > TABLE_TTL_MS) table = { at: Date.now(), stats: readAllStatsSync() };
  return table.stats;
}

export class ProcessTree {
  /** @param {number} root the pid of the run's direct child */
  constructor(root) {
    this.root = root;
    /** @type {Map<number, string>} pid → start time (clock ticks; '' where /proc is missing), so a reused pid is never taken for ours */
    this.members = new Map([[root, '']]);
    /** @type {boolean | null} null until the first scan */
    this.hasProc = null;
  }

  /**
   * Adds the pids the observer reported and, from the process table, every live descendant of a
   * member (parent links) and every process in the root's group.
   * @param {Iterable<number>} reported
   * @param {{ fresh?: boolean }} [options]
   */
  scan(reported, { fresh = false } = {}) {
    const stats = processTable(fresh);
    this.hasProc = stats !== null;
    if (stats === null) {
      for (const pid of reported) if (!this.members.has(pid)) this.members.set(pid, '');
      return;
    }
    const byPid = new Map(stats.map((stat) => [stat.pid, stat]));
    const live = (pid) => {
      const stat = byPid.get(pid);
      return stat && !stat.dead && (this.members.get(pid) || stat.start) === stat.start ? stat : null;
    };
    for (const pid of [this.root, ...reported]) {
      const stat = byPid.get(pid);
      if (stat && !this.members.get(pid)) this.members.set(pid, stat.start);
    }
    let grew = true;
    while (grew) {
      grew = false;
      for (const stat of stats) {
        if (stat.dead || this.members.has(stat.pid)) continue;
        if (stat.pgrp === this.root || live(stat.ppid)) {
          this.members.set(stat.pid, stat.start);
          grew = true;
        }
      }
    }
    this.liveStats = [...this.members.keys()].map(live).filter((stat) => stat !== null);
  }

  /** Live members other than the root (a supervisor's workers, a daemon); needs a scan first. */
  othersAlive() {
    return (this.liveStats ?? []).some((stat) => stat.pid !== this.root);
  }

  /**
   * The listening TCP and bound UDP sockets of the live members, from the OS socket table.
   * @returns {{ pid: number, protocol: 'tcp'|'udp', address: string, port: number }[] | null} null where /proc is missing
   */
  sockets() {
    if (!this.hasProc) return null;
    /** @type {Map<string, number>} socket inode → pid */
    const owners = new Map();
    for (const { pid } of this.liveStats ?? []) for (const inode of socketInodesSync(pid)) owners.set(inode, pid);
    if (owners.size === 0) return [];
    return readListeningSocketsSync().flatMap(({ inode, protocol, address, port }) => {
      const pid = owners.get(inode);
      return pid === undefined ? [] : [{ pid, protocol, address, port }];
    });
  }

  /**
   * Sends `signal` to every member still alive (and to the group of each that leads one, as a
   * detached daemon does). Without /proc, only the reported pids not known to have exited.
   * @param {Iterable<number>} reported
   * @param {Set<number>} exited pids the observer saw exit
   */
  signalAll(reported, exited, signal = 'SIGKILL') {
    this.scan(reported, { fresh: true });
    // Without /proc the root is left to its ChildProcess handle, which knows when it was reaped.
    const targets = this.hasProc ? (this.liveStats ?? []) : [...this.members.keys()].filter((pid) => pid !== this.root && !exited.has(pid)).map((pid) => ({ pid, pgrp: 0 }));
    for (const { pid, pgrp } of targets) {
      if (pgrp === pid) tryKill(-pid, signal);
      tryKill(pid, signal);
    }
    return targets.length;
  }
}

function tryKill(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // Gone already, or not ours.
  }
}
