/**
 * One learner process: in the kernel sandbox where bubblewrap runs (server/sandbox/; Check, the
 * harness command, also without the host network), spawned detached (its own session and
 * process group, so its whole tree can be signalled at once), output pumped to the browser,
 * exit reported with 128 + signal for signals. When it exits, whatever it left running is
 * killed, so a rerun never meets EADDRINUSE. Where cgroups are offered it runs in a leaf of the
 * session's group (a Check in a group of its own), removed when it exits.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { constants } from 'node:os';
import { basename } from 'node:path';
import { HARNESS_COMMAND } from '../../probes/files.mjs';
import { sandboxed, workspaceHome } from '../sandbox/sandbox.ts';
import { signalInside } from '../sandbox/signal-inside.ts';
import { createLimitGroup } from '../sandbox/cgroup.ts';
import { limitInOutput, limitMessage, type Limit } from '../sandbox/limits.ts';
import { LimitWatch } from './limit-watch.ts';
import { OutputPump } from './output-pump.ts';
import type { ProcessTrees } from './process-trees.ts';
import { spawnInTerminal, type ChildLike } from './terminal-child.ts';
import type { TerminalSize } from '../../contracts/runner-protocol.ts';

/** How long Stop waits after SIGTERM before SIGKILL. */
const GRACE_MS = 1000;
/** Input waiting for a process to read it, beyond which more is refused (bounded memory). */
const STDIN_BUFFER_LIMIT = 1024 * 1024;
/** How long to wait for output still in the pipes after the process exited. */
const DRAIN_MS = 500;

export interface SpawnRequest {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** The session's workspace: the only folder the process may write. */
  workspace: string;
  /** Run it on a pseudo-terminal of this size (the learner's shell) instead of pipes. */
  pty?: TerminalSize;
}

/** Check is the harness command: it and the learner servers it starts get loopback only. */
function isCheck(request: SpawnRequest): boolean {
  return /^node(\.exe)?$/.test(basename(request.file)) && request.args[0] === HARNESS_COMMAND.args[0];
}

export interface LearnerProcess {
  readonly pid: number;
  /** Resolves with the exit code once the exit and all output have been delivered. */
  readonly exited: Promise<number>;
  write(data: string): void;
  /** Resizes its pseudo-terminal; nothing for a process on pipes. */
  resize(size: TerminalSize): void;
  /** SIGTERM to the tree, SIGKILL after a grace period. */
  stop(): Promise<void>;
  /** SIGKILL to the tree at once. */
  killNow(): Promise<void>;
}

/** `limits` stops a limited run's tree at its task limit (limit-watch.ts); without it only the kernel's limit holds. */
export async function spawnProcess(
  request: SpawnRequest,
  trees: ProcessTrees,
  onOutput: (text: string) => void,
  limits?: LimitWatch,
): Promise<LearnerProcess> {
  const home = workspaceHome(request.workspace);
  await mkdir(home.TMPDIR, { recursive: true });
  // A session's group exists only under the sandbox (connection.ts); a Check gets its own memory.
  const ownGroup = isCheck(request) && limits?.group ? createLimitGroup() : null;
  const watch = ownGroup ? new LimitWatch(trees, ownGroup) : limits;
  const leaf = watch?.group?.tryLeaf();
  const removeGroups = async () => {
    await leaf?.remove().catch(() => {}); // still listed: removed at the session's end or the server's exit
    await ownGroup?.remove().catch(() => {});
  };
  const command = await sandboxed({ ...request, network: isCheck(request) ? 'loopback-only' : 'host', terminal: request.pty !== undefined, leaf });
  const env = { ...request.env, ...home };
  const child: ChildLike = request.pty
    ? spawnInTerminal(command.file, command.args, { cwd: request.cwd, env, size: request.pty })
    : spawn(command.file, command.args, { cwd: request.cwd, env, detached: true, stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    child.once('error', (error) => void removeGroups().then(() => reject(new Error(`Could not start ${request.file}: ${error.message}`))));
    child.once('spawn', () => {
      const pid = child.pid as number;
      trees.add(pid);
      // The limit this run hit, once known (from its output or the task count), and whether it was said.
      let hit: Limit | null = null;
      let told = false;
      const pump = new OutputPump((text) => {
        if (command.limited) hit ??= limitInOutput(text);
        onOutput(text);
      });
      if (command.limited) {
        watch?.watch(pid, (limit) => {
          hit = limit;
          told = true;
          onOutput(limitMessage(limit, true)); // memory only ever comes from the group, which holds the session's
          if (limit === 'tasks') void trees.signal(pid, 'SIGKILL');
        }, leaf);
      }
      pump.attach(child.stdout);
      pump.attach(child.stderr);
      child.stdin.on('error', () => {}); // EPIPE when the process stopped reading; nothing to tell.
      const closed = new Promise<void>((done) => child.once('close', () => done()));
      const exited = new Promise<number>((done) => {
        child.once('exit', async (code, signal) => {
          await trees.signal(pid, 'SIGKILL'); // leftovers of the tree
          await Promise.race([closed, new Promise((wait) => setTimeout(wait, DRAIN_MS))]);
          pump.finish();
          watch?.settle(); // an OOM kill of this very process is told before its exit
          watch?.unwatch(pid);
          if (hit && !told) onOutput(limitMessage(hit));
          await removeGroups();
          trees.forget(pid);
          done(code ?? 128 + (signal ? constants.signals[signal] : 0));
        });
      });
      let done = false;
      void exited.then(() => (done = true));
      resolve({
        pid,
        exited,
        write(data) {
          if (done) return;
          // A process that never reads its input must not make the server buffer without end.
          if (child.stdin.writableLength > STDIN_BUFFER_LIMIT) throw new Error('The process is not reading its input: 1 MB is waiting already, so this was dropped');
          child.stdin.write(data);
        },
        resize: (size) => void (done || child.resize?.(size)),
        async stop() {
          if (done) return;
          await (command.sandboxed ? signalInside(pid, 'SIGTERM') : trees.signal(pid, 'SIGTERM'));
          const timer = setTimeout(() => void trees.signal(pid, 'SIGKILL'), GRACE_MS);
          void exited.then(() => clearTimeout(timer));
        },
        killNow: () => (done ? Promise.resolve() : trees.signal(pid, 'SIGKILL')),
      });
    });
  });
}
