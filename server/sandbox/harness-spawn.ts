/**
 * How `npm run grade` (and everything else that calls runHarness) starts the check harness on
 * the host: in the same sandbox as the runner's Check — bubblewrap with loopback only where it
 * runs — and with a clean environment. A submission never sees the teacher's environment
 * (tokens, cloud keys), and HOME and TMPDIR point into the submission's own temporary copy.
 * Where cgroups are offered each submission gets a group of its own (cgroup.ts), removed when
 * its harness closes.
 */
import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { learnerPath, sandboxProfileEnv } from '../runner/command-env.ts';
import { LimitWatch } from '../runner/limit-watch.ts';
import { ProcessTrees } from '../runner/process-trees.ts';
import type { Limit } from './limits.ts';
import { cgroupStatus, createLimitGroup, type Leaf, type LimitGroup } from './cgroup.ts';
import { describeSandbox, sandboxed, sandboxStatus, workspaceHome, type SandboxStatus } from './sandbox.ts';

let warned = false;
/** Each harness's cgroup and leaf, for watchHarnessLimit. */
const groups = new WeakMap<ChildProcess, { group: LimitGroup; leaf: Leaf }>();

export async function spawnHarness(workspace: string, args: string[], extraEnv: Record<string, string>): Promise<ChildProcessByStdio<null, Readable, Readable>> {
  const status = await sandboxStatus();
  const cgroups = status.kind === 'bubblewrap' ? cgroupStatus() : undefined;
  if (!warned) {
    warned = true;
    console.error(sandboxWarning(status) ?? describeSandbox(status, cgroups)); // which limits hold, said once
  }
  const home = workspaceHome(workspace);
  await mkdir(home.TMPDIR, { recursive: true });
  // The one variable passed through: tests tag every process a check starts, to prove none
  // outlives it (probes/tagged-processes.ts). It names nothing secret.
  const tag = process.env.PORTSIDE_TEST_TAG ? { PORTSIDE_TEST_TAG: process.env.PORTSIDE_TEST_TAG } : {};
  const env = { PATH: learnerPath(), LANG: process.env.LANG || 'C.UTF-8', ...home, ...tag, ...sandboxProfileEnv(), ...extraEnv };
  const group = cgroups ? createLimitGroup() : null;
  const leaf = group?.tryLeaf();
  const command = await sandboxed({ file: process.execPath, args, workspace, network: 'loopback-only', leaf });
  const child = spawn(command.file, command.args, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (group) {
    if (leaf) groups.set(child, { group, leaf });
    const remove = () => void group.remove().catch(() => {}); // else at this process's exit
    child.once('close', remove);
    child.once('error', remove);
  }
  return child;
}

/** The line grade prints once when submissions run without the sandbox or without its limits. */
export function sandboxWarning(status: SandboxStatus): string | null {
  return status.kind === 'bubblewrap' && status.prlimit ? null : describeSandbox(status);
}

/**
 * Stops a harness whose sandbox reaches its task limit, calling `onLimit('tasks')` first, and
 * tells `onLimit('memory')` when its cgroup ran out of memory: the runner's watch
 * (server/runner/limit-watch.ts) for grade too — the cgroup's counters where it has one, else
 * the count, since root is exempt from the kernel's RLIMIT_NPROC.
 */
export async function watchHarnessLimit(child: ChildProcess, onLimit: (limit: Limit) => void): Promise<void> {
  const status = await sandboxStatus();
  const pid = child.pid;
  const cgroup = groups.get(child);
  if (status.kind !== 'bubblewrap' || (!status.prlimit && !cgroup) || pid === undefined || child.exitCode !== null) return;
  const trees = new ProcessTrees();
  trees.add(pid);
  const watch = new LimitWatch(trees, cgroup?.group ?? null);
  watch.watch(pid, (limit) => {
    onLimit(limit);
    if (limit === 'tasks') void trees.signal(pid, 'SIGKILL');
  }, cgroup?.leaf);
  child.once('exit', () => watch.settle()); // before 'close' removes the group
  child.once('close', () => watch.unwatch(pid));
}

