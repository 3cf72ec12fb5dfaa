/**
 * Stops a limited run once it reaches its task limit (server/sandbox/limits.ts), saying so, and
 * tells a session's programs when their cgroup ran out of memory.
 *
 * Where cgroups are offered (server/sandbox/cgroup.ts) the kernel itself refuses the 513th task
 * of a run, root or not; this watch reads the group's counters (two small files) and stops a
 * run that hit `pids.max`, since a fork bomb spins at its limit and never ends by itself.
 *
 * Elsewhere this count is the fallback. For a user other than root the kernel already refuses
 * every fork past RLIMIT_NPROC, counted in the sandbox's own user namespace. For root the kernel
 * never applies RLIMIT_NPROC (root's processes are exempt, and a user namespace mapped to root
 * is still root), so the count is the limit itself there, enforced within one interval (a fast
 * fork bomb overshoots it). One watch per session: one walk of its trees per interval, however
 * many runs it holds (300 runs, 300 timers each walking every tree, would cost more than they guard).
 */
import { readdirSync } from 'node:fs';
import type { Leaf, LimitGroup } from '../sandbox/cgroup.ts';
import { atTaskLimit, type Limit } from '../sandbox/limits.ts';
import type { ProcessTrees } from './process-trees.ts';

/** How often the trees (or the cgroup counters) are read. */
const INTERVAL_MS = 500;

interface Watched {
  onLimit: (limit: Limit) => void;
  /** The run's cgroup leaf, when it has one: its counters instead of the count. */
  leaf?: Leaf;
}

export class LimitWatch {
  /** Watched root → what to do when its tree is at the limit. */
  private readonly watched = new Map<number, Watched>();
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  /** OOM kills of the group already told. */
  private oomKills: number;

  /** `group`: the session's cgroup (memory for all its runs), where cgroups are offered. */
  constructor(
    private readonly trees: ProcessTrees,
    readonly group: LimitGroup | null = null,
  ) {
    this.oomKills = group?.oomKills() ?? 0;
  }

  /** `onLimit('tasks')` means stop the run; `onLimit('memory')`, tell it (the kernel already stopped a process). */
  watch(root: number, onLimit: (limit: Limit) => void, leaf?: Leaf): void {
    this.watched.set(root, { onLimit, leaf });
    this.timer ??= setInterval(() => void this.count(), INTERVAL_MS).unref();
  }

  unwatch(root: number): void {
    this.watched.delete(root);
    if (this.watched.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** Tells every watched run of an OOM kill in the group not told yet: call it before a run's exit is reported. */
  settle(): void {
    const kills = this.group?.oomKills() ?? 0;
    if (kills <= this.oomKills) return;
    this.oomKills = kills;
    for (const { onLimit } of this.watched.values()) onLimit('memory');
  }

  private async count(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      this.settle();
      for (const [root, { leaf, onLimit }] of this.watched) {
        if (!leaf?.tasksRefused()) continue;
        this.unwatch(root);
        onLimit('tasks');
      }
      const counted = [...this.watched].filter(([, { leaf }]) => !leaf);
      if (counted.length === 0) return;
      await this.trees.refresh();
      const members = this.trees.members;
      for (const [root, { onLimit }] of counted) {
        if (!this.watched.has(root) || !atTaskLimit(countTasks(members.get(root) ?? []))) continue;
        this.unwatch(root);
        onLimit('tasks');
      }
    } finally {
      this.busy = false;
    }
  }
}

/** Tasks (threads included, as RLIMIT_NPROC counts them) of these processes: one /proc folder listing each, one at a time. */
export function countTasks(pids: readonly number[]): number {
  let tasks = 0;
  for (const pid of pids) {
    try {
      tasks += readdirSync(`/proc/${pid}/task`).length;
    } catch {
      // gone meanwhile
    }
  }
  return tasks;
}
