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

/** How a stopped tree's task limit is named, in the terminal and in grade's report. */
export const TASK_LIMIT_REACHED = `reached its limit of ${LIMITS.tasks} processes and threads (a fork bomb, or a loop that starts processes)`;

/** What the terminal says when a run's tree reaches its task limit (the runner stops it). */
export const TASK_LIMIT_MESSAGE = `\r\n[Portside] Stopped: this run ${TASK_LIMIT_REACHED}. Other tabs are not affected.\r\n`;

export const MEMORY_LIMIT_MESSAGE = `\r\n[Portside] The program ran out of memory: each process may use ${LIMITS.dataBytes / 1024 ** 3} GB (its memory limit).\r\n`;

/** Where cgroups hold the memory of a whole session (server/sandbox/cgroup.ts): what its programs were told. */
export const SESSION_MEMORY_REACHED = `ran out of memory: its programs together may use ${LIMITS.dataBytes / 1024 ** 3} GB, so the kernel stopped the largest`;

export const SESSION_MEMORY_MESSAGE = `\r\n[Portside] This session ${SESSION_MEMORY_REACHED} (Run and terminal share the limit; a Check has its own). Other tabs are not affected.\r\n`;

export type Limit = 'tasks' | 'memory';

/** What each limit's hit looks like in a program's own output. */
const SAYS: Record<Limit, RegExp> = {
  // The kernel refuses a fork or thread past RLIMIT_NPROC with EAGAIN (bash, node, libc's words).
  tasks: /fork: (retry: )?Resource temporarily unavailable|Cannot fork|spawn( \S+)? EAGAIN|pthread_create: Resource temporarily unavailable|uv_thread_create/i,
  // V8's fatal errors, a failed ArrayBuffer, Python's MemoryError, libc's ENOMEM — but not a fork's
  // ENOMEM, which is what a fork gets in a sandbox being torn down (its PID namespace is gone).
  memory: /JavaScript heap out of memory|Fatal process out of memory|allocation failed|MemoryError|(?<!fork: )Cannot allocate memory/i,
};

/** The limit a program's output says it hit, if any. */
export function limitInOutput(output: string): Limit | null {
  if (SAYS.tasks.test(output)) return 'tasks';
  if (SAYS.memory.test(output)) return 'memory';
  return null;
}

/** The sentence that names `limit`; `perSession` when a cgroup holds the memory of the whole session. */
export function limitMessage(limit: Limit, perSession = false): string {
  if (limit === 'tasks') return TASK_LIMIT_MESSAGE;
  return perSession ? SESSION_MEMORY_MESSAGE : MEMORY_LIMIT_MESSAGE;
}
