/**
 * How `npm run grade` (and everything else that calls runHarness) starts the check harness on
 * the host: in the same sandbox as the runner's Check — bubblewrap with loopback only where it
 * runs — and with a clean environment. A submission never sees the teacher's environment
 * (tokens, cloud keys), and HOME and TMPDIR point into the submission's own temporary copy.
 */
import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { learnerPath, sandboxProfileEnv } from '../runner/command-env.ts';
import { LimitWatch } from '../runner/limit-watch.ts';
import { ProcessTrees } from '../runner/process-trees.ts';
import { describeSandbox, sandboxed, sandboxStatus, workspaceHome, type SandboxStatus } from './sandbox.ts';

let warned = false;

export async function spawnHarness(workspace: string, args: string[], extraEnv: Record<string, string>): Promise<ChildProcessByStdio<null, Readable, Readable>> {
  const status = await sandboxStatus();
  const warning = sandboxWarning(status);
  if (warning && !warned) {
    warned = true;
    console.error(warning);
  }
  const home = workspaceHome(workspace);
  await mkdir(home.TMPDIR, { recursive: true });
  // The one variable passed through: tests tag every process a check starts, to prove none
  // outlives it (probes/tagged-processes.ts). It names nothing secret.
  const tag = process.env.PORTSIDE_TEST_TAG ? { PORTSIDE_TEST_TAG: process.env.PORTSIDE_TEST_TAG } : {};
  const env = { PATH: learnerPath(), LANG: process.env.LANG || 'C.UTF-8', ...home, ...tag, ...sandboxProfileEnv(), ...extraEnv };
  const command = await sandboxed({ file: process.execPath, args, workspace, network: 'loopback-only' });
  return spawn(command.file, command.args, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The line grade prints once when submissions run without the sandbox or without its limits. */
export function sandboxWarning(status: SandboxStatus): string | null {
  return status.kind === 'bubblewrap' && status.prlimit ? null : describeSandbox(status);
}

/**
 * Stops a harness whose sandbox reaches its task limit, calling `onLimit` first: the runner's
 * count (server/runner/limit-watch.ts) for grade too, since root is exempt from the kernel's.
 */
export async function watchHarnessLimit(child: ChildProcess, onLimit: () => void): Promise<void> {
  const status = await sandboxStatus();
  const pid = child.pid;
  if (status.kind !== 'bubblewrap' || !status.prlimit || pid === undefined || child.exitCode !== null) return;
  const trees = new ProcessTrees();
  trees.add(pid);
  const watch = new LimitWatch(trees);
  watch.watch(pid, () => {
    onLimit();
    void trees.signal(pid, 'SIGKILL');
  });
  child.once('close', () => watch.unwatch(pid));
}
