/**
 * Stops a limited run once its tree reaches the task limit (server/sandbox/limits.ts), saying so.
 * For a user other than root the kernel already refuses every fork past RLIMIT_NPROC, counted in
 * the sandbox's own user namespace, but a fork bomb then spins at its limit and never ends by
 * itself. For root the kernel never applies RLIMIT_NPROC (root's processes are exempt, and a user
 * namespace mapped to root is still root), so this count is the limit itself there, enforced
 * within one interval. One watch per session: one walk of its trees per interval, however many
 * runs it holds (300 runs, 300 timers each walking every tree, would cost more than they guard).
 */
import { readdirSync } from 'node:fs';
import { atTaskLimit } from '../sandbox/limits.ts';
import type { ProcessTrees } from './process-trees.ts';

/** How often the trees are counted. */
const INTERVAL_MS = 500;

export class LimitWatch {
  /** Watched root → what to do when its tree is at the limit. */
  private readonly watched = new Map<number, () => void>();
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(private readonly trees: ProcessTrees) {}

  watch(root: number, onLimit: () => void): void {
    this.watched.set(root, onLimit);
    this.timer ??= setInterval(() => void this.count(), INTERVAL_MS).unref();
  }

  unwatch(root: number): void {
    this.watched.delete(root);
    if (this.watched.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private async count(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.trees.refresh();
      const members = this.trees.members;
      for (const [root, onLimit] of this.watched) {
        if (!atTaskLimit(countTasks(members.get(root) ?? []))) continue;
        this.unwatch(root);
        onLimit();
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
