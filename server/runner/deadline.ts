/**
 * A deadline for one operation of a connection's queue. A file operation can be held up for good
 * (the thread pool full of blocked opens, a hung disk), and the queue must not be held with it:
 * the browser gets an error at the deadline and the next operation runs. The stuck operation
 * itself cannot be cancelled; if it finishes later, its result is dropped.
 */
export const FILE_OPERATION_DEADLINE_MS = 10_000;

export class DeadlineError extends Error {}

export function withinDeadline<T>(work: Promise<T>, what: string, ms = FILE_OPERATION_DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${what} did not finish within ${ms / 1000} s, so the runner stopped waiting for it and went on`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
