/** Helpers for a RuntimeProcess's output, shared by Run, Check and the router view. */

/**
 * Hands every chunk of `output` to `onChunk` until the stream ends. Resolves (never rejects)
 * when it ends or breaks: a broken stream means the runtime went away, and the process's exit
 * code tells the rest.
 */
export async function readOutput(output: ReadableStream<string>, onChunk: (chunk: string) => void): Promise<void> {
  const reader = output.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onChunk(value);
    }
  } catch {
    // See above: the exit handling reports it.
  } finally {
    reader.releaseLock();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
