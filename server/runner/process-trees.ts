/**
 * The process trees of one session, remembered between snapshots: once a process has been seen
 * in a tree it stays attributed to it (by pid and start time) even if it escapes with setsid()
 * and its parent dies, so Stop and disconnect still find it.
 */
import { readStatSync } from '../../probes/lib/proc-stat.mjs';
import { readProcessTable, readTrees, treeMembers, type ProcessInfo } from './process-table.ts';

export class ProcessTrees {
  /** root pid → members seen so far (pid → start time). */
  private readonly trees = new Map<number, Map<number, string>>();
  /**
   * The full table read in flight, begun after the current turn of the event loop: every signal
   * asked for meanwhile shares it (300 exits reported in one turn, one read).
   */
  private tableRead: Promise<ProcessInfo[]> | null = null;

  add(root: number): void {
    this.trees.set(root, new Map([[root, '']]));
  }

  forget(root: number): void {
    this.trees.delete(root);
  }

  get isEmpty(): boolean {
    return this.trees.size === 0;
  }

  get roots(): number[] {
    return [...this.trees.keys()];
  }

  /** root → the pids last seen in its tree (as of the latest refresh). */
  get members(): Map<number, number[]> {
    return new Map([...this.trees].map(([root, members]) => [root, [...new Set([root, ...members.keys()])]]));
  }

  /**
   * The pids of every live member of every tree, for the port watcher: it follows child links
   * from everything already known (cheap), while `signal` scans the whole table (thorough).
   */
  async refresh(): Promise<number[]> {
    const roots = this.roots;
    // Roots seed the walk even when forgotten as members, so a root is never lost for good.
    const seeds = [...this.trees].flatMap(([root, members]) => [root, ...members.keys()]);
    const table = await readTrees(seeds);
    // A root added while the table was being read is not in it yet: judging it by that table
    // would drop it (and its ports would never be seen). It is kept for the next refresh.
    return this.roots.flatMap((root) => (roots.includes(root) ? this.update(root, table) : [root]));
  }

  /** Sends `signal` to the whole tree of `root`: its process group and every member, old or new. */
  async signal(root: number, signal: NodeJS.Signals): Promise<void> {
    const members = this.trees.has(root) ? this.update(root, await this.table()) : [];
    send(-root, signal);
    for (const pid of members) send(pid, signal);
  }

  /** Sends `signal` to every tree at once, from one read of the process table (closing a session). */
  async signalAll(signal: NodeJS.Signals): Promise<void> {
    const table = await this.table();
    for (const root of this.roots) {
      const members = this.update(root, table);
      send(-root, signal);
      for (const pid of members) send(pid, signal);
    }
  }

  private table(): Promise<ProcessInfo[]> {
    this.tableRead ??= new Promise((turn) => setImmediate(turn)).then(readProcessTable).finally(() => (this.tableRead = null));
    return this.tableRead;
  }

  /** Last resort when the server exits and nothing asynchronous can run any more. */
  killAllSync(): void {
    for (const [root, members] of this.trees) {
      send(-root, 'SIGKILL');
      for (const [pid, start] of members) if (!start || startTime(pid) === start) send(pid, 'SIGKILL');
    }
  }

  private update(root: number, table: readonly ProcessInfo[]): number[] {
    const known = this.trees.get(root);
    if (!known) return [];
    const byPid = new Map(table.map((p) => [p.pid, p]));
    // Keep only remembered members that are still the same process (pids get reused).
    for (const [pid, start] of known) {
      const now = byPid.get(pid);
      if (!now || (start && now.start !== start)) known.delete(pid);
    }
    for (const p of treeMembers(table, new Set([root, ...known.keys()]))) known.set(p.pid, p.start);
    return [...known.keys()];
  }
}

function send(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone (ESRCH), which is what we want.
  }
}

function startTime(pid: number): string | null {
  return readStatSync(pid)?.start ?? null;
}
