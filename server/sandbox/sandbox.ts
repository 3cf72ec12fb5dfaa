/**
 * The kernel sandbox for learner code on Linux: bubblewrap (Debian's `bubblewrap`, the sandbox
 * Flatpak uses). Every learner process — Run, the terminal, Check, `npm run grade` — starts as
 * `bwrap … -- <command>`, which gives it:
 *
 * - its own PID namespace (`--unshare-pid`): a double fork with `setsid` stays inside, and when
 *   the sandbox's first process ends the kernel ends every process in it;
 * - `--die-with-parent`: when the runner dies, even by SIGKILL, the whole sandbox goes too;
 * - a read-only view of the machine (`--ro-bind / /`) with only the workspace writable, and a
 *   private, empty /tmp (other sessions' workspaces live there and stay out of sight);
 * - for Check and grade a private network namespace with only loopback (`--unshare-net`): a
 *   fixed port never meets the host's, parallel checks never collide, and nothing is reached
 *   off the machine. Run keeps the host network: the preview proxy dials it;
 * - limits on processes and memory (server/sandbox/limits.ts), where util-linux's prlimit exists,
 *   and hard ones per run and per session from cgroups where the machine offers them (cgroup.ts).
 *
 * The environment is not passed on bwrap's command line (which any local user can read in
 * /proc): the caller's env, already the clean one built for learner code, is bwrap's own.
 * Where bwrap cannot run (macOS, a kernel without user namespaces, PORTSIDE_SANDBOX=off) the
 * command runs as before, in its own process group, and `sandboxStatus()` says why.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeCgroupLimits, joinLeafCommand, type CgroupStatus, type Leaf } from './cgroup.ts';
import { LIMITS, prlimitArgs } from './limits.ts';

export type Network = 'host' | 'loopback-only';

export interface SandboxRequest {
  file: string;
  args: string[];
  /** The only folder the command may write (it also becomes HOME, with TMPDIR inside). */
  workspace: string;
  network: Network;
  /**
   * The command runs on a pseudo-terminal of its own (the learner's shell): keep it as the
   * shell's controlling terminal, for job control and Ctrl+C. Elsewhere `--new-session` cuts the
   * process off the runner's terminal, so it cannot push keystrokes into it (TIOCSTI).
   */
  terminal?: boolean;
  /** util-linux's prlimit, to run the command under LIMITS (server/sandbox/limits.ts); none when absent. */
  prlimit?: string | null;
  /** The cgroup leaf the command joins before bwrap starts (cgroup.ts); none where cgroups are not offered. */
  leaf?: Leaf;
}

export interface Command {
  file: string;
  args: string[];
  /** True when `file` is bwrap, wrapping the requested command. */
  sandboxed: boolean;
  /** True when the command runs under LIMITS (prlimit was found, or it joins a cgroup leaf). */
  limited: boolean;
}

export type SandboxStatus =
  /** `prlimit` null: no limits, for `noLimits` (prlimit missing, or no user namespace of the sandbox's own). */
  | { kind: 'bubblewrap'; bwrap: string; prlimit: string | null; noLimits?: string }
  | { kind: 'process-groups'; reason: string };

/** Portside's own folder: lesson packages are linked from its node_modules, so it must stay visible. */
const PORTSIDE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** bwrap's arguments for a request (pure; the tests read it). */
export function bubblewrapArgs(request: SandboxRequest): string[] {
  // Limits come with a user namespace of the sandbox's own, in which the kernel counts RLIMIT_NPROC
  // (in the user's namespace it would count every process of the user, the desktop's included).
  const args = [...(request.prlimit ? ['--unshare-user'] : []), '--unshare-pid', '--die-with-parent', ...(request.terminal ? [] : ['--new-session']), '--ro-bind', '/', '/', '--tmpfs', '/tmp', '--proc', '/proc', '--dev', '/dev'];
  if (underTmp(PORTSIDE_ROOT)) args.push('--ro-bind', PORTSIDE_ROOT, PORTSIDE_ROOT);
  args.push('--bind', request.workspace, request.workspace);
  if (request.network === 'loopback-only') args.push('--unshare-net');
  args.push('--', ...(request.prlimit ? prlimitArgs(request.prlimit) : []), request.file, ...request.args);
  return args;
}

/** The command to spawn for `request`: wrapped in bwrap when it works here, else as it is. */
export async function sandboxed(request: SandboxRequest): Promise<Command> {
  const status = await sandboxStatus();
  if (status.kind !== 'bubblewrap') return { file: request.file, args: request.args, sandboxed: false, limited: false };
  const args = bubblewrapArgs({ ...request, prlimit: status.prlimit });
  // Joined before bwrap runs: the pid that writes itself into the leaf execs bwrap, so nothing forks outside it.
  const command = request.leaf ? joinLeafCommand(request.leaf, status.bwrap, args) : { file: status.bwrap, args };
  return { ...command, sandboxed: true, limited: status.prlimit !== null || request.leaf !== undefined };
}

/** HOME and TMPDIR for a sandboxed command: both inside its workspace (the caller creates TMPDIR). */
export function workspaceHome(workspace: string): { HOME: string; TMPDIR: string } {
  return { HOME: workspace, TMPDIR: join(workspace, '.tmp') };
}

let probed: Promise<SandboxStatus> | null = null;

/** Whether bubblewrap runs here, found out once per process by running `bwrap … true` for real. */
export function sandboxStatus(env: Record<string, string | undefined> = process.env): Promise<SandboxStatus> {
  probed ??= probe(env);
  return probed;
}

/** For tests: forget the probe, so the next call looks again (e.g. with PORTSIDE_SANDBOX=off). */
export function resetSandboxProbe(): void {
  probed = null;
}

/** One line for start-up and grade output; `cgroups` adds which limits the kernel's cgroups hold (cgroup.ts). */
export function describeSandbox(status: SandboxStatus, cgroups?: CgroupStatus): string {
  const counted = cgroups ? ` (Portside's count every 500 ms: ${describeCgroupLimits(cgroups)})` : '';
  const limits = status.kind === 'bubblewrap' && cgroups?.kind === 'cgroup'
    ? ` Limits: ${describeCgroupLimits(cgroups)} (Run and terminal together; each Check and graded submission its own)${status.prlimit ? `, ${LIMITS.dataBytes / 1024 ** 3} GB of memory per process` : ''}.`
    : status.kind === 'bubblewrap' && status.prlimit
      ? ` Each run is limited to ${LIMITS.tasks} processes and threads${counted}, ${LIMITS.dataBytes / 1024 ** 3} GB of memory per process.`
      : ` No process or memory limits (${status.kind === 'bubblewrap' ? status.noLimits : 'no sandbox'}).`;
  return status.kind === 'bubblewrap'
    ? `Sandbox: learner code runs under bubblewrap (own PID namespace, read-only system, only its workspace writable).${limits}`
    : `Sandbox: not available (${status.reason}); learner code runs in its own process group only, with your user's full access.`;
}

async function probe(env: Record<string, string | undefined>): Promise<SandboxStatus> {
  if (process.platform !== 'linux') return { kind: 'process-groups', reason: `bubblewrap is Linux-only, this is ${process.platform}` };
  if (env.PORTSIDE_SANDBOX === 'off') return { kind: 'process-groups', reason: 'PORTSIDE_SANDBOX=off' };
  const bwrap = findOnPath('bwrap', env.PATH ?? '');
  if (!bwrap) return { kind: 'process-groups', reason: 'bwrap is not installed (Debian: apt-get install bubblewrap)' };
  const prlimit = findOnPath('prlimit', env.PATH ?? '');
  const limitedFailure = prlimit ? await trial(bwrap, prlimit, env) : 'util-linux prlimit is not installed';
  if (prlimit && limitedFailure === null) return { kind: 'bubblewrap', bwrap, prlimit };
  // No prlimit, or a setuid bwrap or kernel refusing user namespaces: the sandbox may still run, without limits.
  const failure = await trial(bwrap, null, env);
  if (failure !== null) return { kind: 'process-groups', reason: `bwrap cannot run here: ${failure}` };
  return { kind: 'bubblewrap', bwrap, prlimit: null, noLimits: prlimit ? `the sandbox cannot have a user namespace of its own: ${limitedFailure}` : (limitedFailure ?? '') };
}

/** Runs `bwrap … true` for real (with limits when `prlimit` is given): null when it works, else its first line of complaint. */
async function trial(bwrap: string, prlimit: string | null, env: Record<string, string | undefined>): Promise<string | null> {
  const args = bubblewrapArgs({ file: 'true', args: [], workspace: PORTSIDE_ROOT, network: 'loopback-only', prlimit });
  const failure = await new Promise<string | null>((done) => {
    const child = spawn(bwrap, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: env.PATH ?? '/usr/bin:/bin' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', (error) => done(error.message));
    child.once('close', (code) => done(code === 0 ? null : stderr.trim() || `bwrap exited with ${code}`));
  });
  return failure === null ? null : (failure.split('\n')[0] ?? failure);
}

function findOnPath(name: string, path: string): string | null {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this folder
    }
  }
  return null;
}

function underTmp(path: string): boolean {
  return path === '/tmp' || path.startsWith(`/tmp${sep}`);
}
