/**
 * One learner process: spawned detached (its own session and process group, so its whole tree
 * can be signalled at once), output pumped to the browser, exit reported with 128 + signal for
 * signals. When it exits, whatever it left running is killed, so a rerun never meets EADDRINUSE.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { OutputPump } from './output-pump.ts';
import type { ProcessTrees } from './process-trees.ts';
import { spawnInTerminal, type ChildLike } from './terminal-child.ts';
import type { TerminalSize } from '../../contracts/runner-protocol.ts';

/** How long Stop waits after SIGTERM before SIGKILL. */
const GRACE_MS = 1000;
/** How long to wait for output still in the pipes after the process exited. */
const DRAIN_MS = 500;

export interface SpawnRequest {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** Run it on a pseudo-terminal of this size (the learner's shell) instead of pipes. */
  pty?: TerminalSize;
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

export function spawnProcess(request: SpawnRequest, trees: ProcessTrees, onOutput: (text: string) => void): Promise<LearnerProcess> {
  const child: ChildLike = request.pty
    ? spawnInTerminal(request.file, request.args, { cwd: request.cwd, env: request.env, size: request.pty })
    : spawn(request.file, request.args, { cwd: request.cwd, env: request.env, detached: true, stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`Could not start ${request.file}: ${error.message}`)));
    child.once('spawn', () => {
      const pid = child.pid as number;
      trees.add(pid);
      const pump = new OutputPump(onOutput);
      pump.attach(child.stdout);
      pump.attach(child.stderr);
      child.stdin.on('error', () => {}); // EPIPE when the process stopped reading; nothing to tell.
      const closed = new Promise<void>((done) => child.once('close', () => done()));
      const exited = new Promise<number>((done) => {
        child.once('exit', async (code, signal) => {
          await trees.signal(pid, 'SIGKILL'); // leftovers of the tree
          await Promise.race([closed, new Promise((wait) => setTimeout(wait, DRAIN_MS))]);
          pump.finish();
          trees.forget(pid);
          done(code ?? 128 + (signal ? constants.signals[signal] : 0));
        });
      });
      let done = false;
      void exited.then(() => (done = true));
      resolve({
        pid,
        exited,
        write: (data) => void (done || child.stdin.write(data)),
        resize: (size) => void (done || child.resize?.(size)),
        async stop() {
          if (done) return;
          await trees.signal(pid, 'SIGTERM');
          const timer = setTimeout(() => void trees.signal(pid, 'SIGKILL'), GRACE_MS);
          void exited.then(() => clearTimeout(timer));
        },
        killNow: () => (done ? Promise.resolve() : trees.signal(pid, 'SIGKILL')),
      });
    });
  });
}
