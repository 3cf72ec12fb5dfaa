/**
 * Runs `task` over `items` with at most `jobs` at once and hands each result to `onDone` as soon
 * as it is known. Once `signal` aborts, no new task starts; the ones running finish (they got the
 * same signal and clean up), so the promise only settles when nothing is left running.
 */
export async function runPool<T, R>(items: readonly T[], jobs: number, task: (item: T, index: number) => Promise<R>, { signal, onDone = () => {} }: { signal?: AbortSignal; onDone?: (result: R, index: number) => void } = {}): Promise<(R | undefined)[]> {
  const results: (R | undefined)[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      results[index] = await task(items[index]!, index);
      onDone(results[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return results;
}
