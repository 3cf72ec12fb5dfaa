// Ports for learner runs. Each run gets its own random port from a range below the kernel's
// ephemeral range (so no outgoing connection or `listen(0)` elsewhere can be holding it), never a
// port a lesson names or the code contains, and never one another check on this machine holds:
// a lock file per port in the temp folder makes concurrent harnesses (grading in parallel, tests)
// pick different ports. Locks are released at teardown; a dead owner's lock is reclaimed.
import { mkdirSync, openSync, closeSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RANGE = { min: 20000, max: 32767 };
/** Ports too famous to ever hand out: a hardcoded one would equal them far too often. */
export const ALWAYS_AVOIDED = [3000, 3001, 4000, 5000, 5173, 8000, 8080, 8081, 8888, 9000];

export class PortAllocator {
  /** @param {Iterable<number>} avoid ports never handed out (lesson text, literals in the code) */
  constructor(avoid = [], lockDir = join(tmpdir(), 'portside-port-locks')) {
    this.avoid = new Set([...ALWAYS_AVOIDED, ...avoid]);
    /** @type {string | null} null when there is no shared temp folder */
    this.lockDir = lockDir;
    this.held = new Set();
    try {
      mkdirSync(lockDir, { recursive: true });
      this.sweep();
    } catch {
      this.lockDir = null; // no shared temp folder: fall back to checking the port is free
    }
  }

  /** Removes locks whose harness was killed before it could release them. */
  sweep() {
    const dir = this.lockDir;
    if (dir === null) return;
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (ownerIsGone(file)) {
        try {
          unlinkSync(file);
        } catch {
          // Someone else swept it first.
        }
      }
    }
  }

  /** A free random port, locked for this harness until release(). */
  async allocate() {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const port = RANGE.min + Math.floor(Math.random() * (RANGE.max - RANGE.min + 1));
      if (this.avoid.has(port) || this.held.has(port)) continue;
      if (!this.lock(port)) continue;
      if (await isFree(port)) return port;
      this.release(port);
    }
    throw new Error('Could not find a free port to run your server on.');
  }

  /**
   * Locks a fixed port (a lesson's default), waiting while another check holds it.
   * @param {number} port
   * @param {{ timeoutMs?: number, signal?: AbortSignal }} [options]
   */
  async lockFixed(port, { timeoutMs = 20000, signal } = {}) {
    const deadline = Date.now() + timeoutMs;
    let delay = 20;
    while (!this.lock(port)) {
      if (Date.now() > deadline) return false;
      if (signal?.aborted) return false;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(250, delay * 1.5);
    }
    return true;
  }

  lock(port) {
    if (this.held.has(port)) return false;
    if (!this.lockDir) {
      this.held.add(port);
      return true;
    }
    const file = join(this.lockDir, String(port));
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        const fd = openSync(file, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        this.held.add(port);
        return true;
      } catch (error) {
        if (error.code !== 'EEXIST' || !ownerIsGone(file)) return false;
        try {
          unlinkSync(file);
        } catch {
          return false;
        }
      }
    }
    return false;
  }

  release(port) {
    if (!this.held.delete(port) || !this.lockDir) return;
    try {
      unlinkSync(join(this.lockDir, String(port)));
    } catch {
      // Already gone.
    }
  }

  releaseAll() {
    for (const port of [...this.held]) this.release(port);
  }
}

function ownerIsGone(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  const pid = Number(text);
  // An empty lock is one being written right now, unless it has been empty for a while.
  if (!Number.isInteger(pid) || pid <= 0) return ageMs(file) > 5000;
  if (pid === process.pid) return false;
  return !isAlive(pid);
}

/** False only when the process certainly does not exist (signal 0 says ESRCH). */
export function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code !== 'ESRCH';
  }
}

function ageMs(file) {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** True when nothing listens on `port` on any interface (IPv6 and IPv4). */
export function isFree(port, host) {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
