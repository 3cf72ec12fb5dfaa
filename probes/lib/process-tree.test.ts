/**
 * The process tree of a run, with real processes: a daemon that detaches and whose parent exits
 * is still found and stopped, and a pid that names someone else now is never touched.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ProcessTree } from './process-tree.mjs';
import { readStatSync } from './proc-stat.mjs';

const alive = (pid: number) => {
  const stat = readStatSync(pid);
  return stat !== null && !stat.dead;
};

/** A program that starts a detached sleeper, prints its pid and exits. */
const DAEMONIZE = "const c = require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { detached: true, stdio: 'ignore' }); c.unref(); console.log(c.pid);";

describe.runIf(existsSync('/proc/self/stat'))('ProcessTree', () => {
  test('finds a detached daemon through its parent, and stops it after the parent has exited', async () => {
    const child = spawn(process.execPath, ['-e', DAEMONIZE], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
    const tree = new ProcessTree(child.pid!);
    const daemon = await new Promise<number>((resolve) => child.stdout.once('data', (data) => resolve(Number(String(data)))));
    try {
      tree.scan([]);
      await new Promise((resolve) => child.once('exit', resolve));
      expect(alive(daemon)).toBe(true);
      expect(tree.signalAll([], new Set())).toBeGreaterThanOrEqual(1);
      await expect.poll(() => alive(daemon), { timeout: 5000 }).toBe(false);
    } finally {
      if (alive(daemon)) process.kill(daemon, 'SIGKILL');
    }
  });

  test('adopts a reported process only when its start time matches, so a reused pid is never signalled', async () => {
    const stranger = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const root = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { detached: true, stdio: 'ignore' });
    try {
      const tree = new ProcessTree(root.pid!);
      const realStart = readStatSync(stranger.pid!)!.start;
      tree.scan([{ pid: stranger.pid!, start: String(Number(realStart) + 1) }]);
      expect(tree.members.has(stranger.pid!)).toBe(false);
      tree.signalAll([{ pid: stranger.pid! }], new Set());
      await expect.poll(() => alive(root.pid!), { timeout: 5000 }).toBe(false);
      expect(alive(stranger.pid!)).toBe(true);
      tree.scan([{ pid: stranger.pid!, start: realStart }]);
      expect(tree.members.has(stranger.pid!)).toBe(true);
    } finally {
      stranger.kill('SIGKILL');
      root.kill('SIGKILL');
    }
  });
});
