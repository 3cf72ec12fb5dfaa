/**
 * Temp folders for copies of submissions, named after the process that made them
 * (`portside-grade-<pid>-…`), so the next grade can remove what a killed one (SIGKILL, a power
 * cut) could not. Everything else removes its own copies in a finally.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from '../../probes/lib/ports.mjs';

const OWNED = /^portside-(grade|unpack)-(\d+)-/;

export function makeTempCopy(kind: 'grade' | 'unpack'): Promise<string> {
  return mkdtemp(join(tmpdir(), `portside-${kind}-${process.pid}-`));
}

/** Removes the copies left by processes that no longer exist; returns their names. */
export async function sweepOrphanCopies(root = tmpdir()): Promise<string[]> {
  const orphans = (await readdir(root).catch(() => [])).filter((name) => {
    const owner = Number(OWNED.exec(name)?.[2]);
    // Only our own pattern's names; EPERM (someone else's process) counts as alive: not ours to judge.
    return Number.isInteger(owner) && owner > 0 && !isAlive(owner);
  });
  await Promise.all(orphans.map((name) => rm(join(root, name), { recursive: true, force: true })));
  return orphans;
}
