/**
 * Limits on what one sandboxed command may take, set with util-linux's `prlimit` inside the
 * sandbox. The sandbox gets a user namespace of its own (bwrap --unshare-user), so the kernel
 * counts RLIMIT_NPROC for that namespace alone — one Run's tree, not every process of the
 * user — and applies it even to root. RLIMIT_NPROC counts tasks: threads as well as processes
 * (node starts about 7 threads each). Memory is RLIMIT_DATA per process, not RLIMIT_AS: node
 * reserves far more address space than it ever uses.
 */
export const LIMITS = {
  /** Processes and threads in one sandbox: about 60 node processes, or 500 `sleep`s. */
  tasks: 512,
  /** Heap and data of each process. */
  dataBytes: 2 * 1024 ** 3,
} as const;

/** The prlimit command line that runs the rest under LIMITS (pure; placed after bwrap's `--`). */
export function prlimitArgs(prlimit: string): string[] {
  return [prlimit, `--nproc=${LIMITS.tasks}`, `--data=${LIMITS.dataBytes}`, '--'];
}

/** A tree this close to `tasks` is at the limit: the kernel refuses its next fork or thread. */
export function atTaskLimit(tasks: number): boolean {
  return tasks >= LIMITS.tasks - 16;
}

/** What the terminal says when the runner stops a tree at its task limit. */
export const TASK_LIMIT_MESSAGE = `\r\n[Portside] Stopped: this run reached its limit of ${LIMITS.tasks} processes and threads (a fork bomb, or a loop that starts processes). Other tabs are not affected.\r\n`;

/** Output by which a process says it ran out of memory (V8's fatal errors, libc's ENOMEM). */
const OUT_OF_MEMORY = /JavaScript heap out of memory|Fatal process out of memory|allocation failed|Cannot allocate memory|MemoryError|ENOMEM/i;

export function saysOutOfMemory(output: string): boolean {
  return OUT_OF_MEMORY.test(output);
}

export const MEMORY_LIMIT_MESSAGE = `\r\n[Portside] The program ran out of memory: each process may use ${LIMITS.dataBytes / 1024 ** 3} GB (its memory limit).\r\n`;
