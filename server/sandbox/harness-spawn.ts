/**
 * How `npm run grade` (and everything else that calls runHarness) starts the check harness on
 * the host: in the same sandbox as the runner's Check — bubblewrap with loopback only where it
 * runs — and with a clean environment. A submission never sees the teacher's environment
 * (tokens, cloud keys), and HOME and TMPDIR point into the submission's own temporary copy.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { learnerPath, sandboxProfileEnv } from '../runner/command-env.ts';
import { describeSandbox, sandboxed, sandboxStatus, workspaceHome } from './sandbox.ts';

let warned = false;

export async function spawnHarness(workspace: string, args: string[], extraEnv: Record<string, string>): Promise<ChildProcessByStdio<null, Readable, Readable>> {
  const status = await sandboxStatus();
  if (status.kind !== 'bubblewrap' && !warned) {
    warned = true;
    console.error(describeSandbox(status));
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
