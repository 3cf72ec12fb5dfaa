/**
 * Deadlines for promises that may never settle. `WebContainer.boot()` hangs forever when
 * StackBlitz cannot be reached, and a process in a hot loop never exits after `kill()`.
 */

/** Settles like `promise`, or rejects with `onTimeout()` after `ms` milliseconds. */
export function withDeadline<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** True when `promise` settles (either way) within `ms` milliseconds. */
export function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    promise.then(done, done);
  });
}

/** Reads a positive whole number of milliseconds from a URL parameter value; null when absent or invalid. */
export function parseMilliseconds(value: string | null, max = 600_000): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const ms = Number(value);
  return ms > 0 && ms <= max ? ms : null;
}
