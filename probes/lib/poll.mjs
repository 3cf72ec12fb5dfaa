// Waiting without fixed sleeps: ask again and again, a little less often each time, until there
// is an answer, the time is up, or the check is cancelled.

export class Cancelled extends Error {
  constructor() {
    super('The check was cancelled.');
    this.name = 'Cancelled';
  }
}

export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Cancelled());
    const timer = setTimeout(done, Math.max(0, ms));
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve(undefined);
    }
    function abort() {
      clearTimeout(timer);
      reject(new Cancelled());
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * Calls `probe` until it returns something other than undefined, with delays growing from
 * `firstMs` to `maxMs`. Resolves `{ value }`, or `{ timedOut: true }` after `timeoutMs`.
 */
export async function pollUntil(probe, { timeoutMs, signal, firstMs = 10, maxMs = 100 }) {
  const deadline = Date.now() + timeoutMs;
  let delay = firstMs;
  for (;;) {
    if (signal?.aborted) throw new Cancelled();
    const value = await probe();
    if (value !== undefined) return { value };
    const left = deadline - Date.now();
    if (left <= 0) return { timedOut: true };
    await sleep(Math.min(delay, left), signal);
    delay = Math.min(maxMs, delay * 1.5);
  }
}

/** Resolves with the promise's value, or `fallback` after `ms` (the promise keeps running). */
export function within(promise, ms, fallback) {
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
