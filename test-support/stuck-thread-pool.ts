/**
 * Holds every thread of this process's libuv pool for real, as finding 3's FIFO did to the
 * runner: each thread blocks in open() of a FIFO that nobody writes. Every file operation of the
 * process (the in-process runner's included) then waits until `release()` opens the write ends.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function holdThreadPool(): Promise<{ release(): Promise<void> }> {
  const threads = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  const dir = await mkdtemp(join(tmpdir(), 'portside-stuck-'));
  const fifos = Array.from({ length: threads }, (_, i) => join(dir, `fifo-${i}`));
  for (const fifo of fifos) if (spawnSync('mkfifo', [fifo]).status !== 0) throw new Error(`mkfifo ${fifo} failed`);
  const opens = fifos.map((fifo) => open(fifo, 'r')); // each blocks one pool thread
  return {
    async release() {
      // A non-blocking write open succeeds because each FIFO has its reader waiting; that frees the thread.
      const writers = fifos.map((fifo) => openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      for (const handle of await Promise.all(opens)) await handle.close();
      for (const fd of writers) closeSync(fd);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
