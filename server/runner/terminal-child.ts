/**
 * A process on a pseudo-terminal (`@lydell/node-pty`), shaped like the part of a ChildProcess
 * that spawn-process.ts uses, so a shell goes down the very same path as Run: the same process
 * tree bookkeeping, kill on Stop and on disconnect, output pump and flood cap.
 *
 * forkpty() makes the child a session and process-group leader, which is what `detached: true`
 * gives a piped child, so signalling `-pid` reaches the whole tree here too.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import { PassThrough, Writable } from 'node:stream';
import { spawn as spawnPty, type IPty } from '@lydell/node-pty';
import type { TerminalSize } from '../../contracts/runner-protocol.ts';

/** What spawn-process.ts reads of a child; a ChildProcess has all of it. */
export type ChildLike = Pick<ChildProcessWithoutNullStreams, 'pid' | 'stdout' | 'stderr' | 'stdin' | 'once'> & {
  /** Only a child on a pseudo-terminal has a size to change. */
  resize?(size: TerminalSize): void;
};

export interface TerminalSpawn {
  cwd: string;
  env: Record<string, string>;
  size: TerminalSize;
}

export function spawnInTerminal(file: string, args: string[], { cwd, env, size }: TerminalSpawn): ChildLike {
  const events = new EventEmitter();
  const stdout = new PassThrough();
  // A terminal merges stderr into its one stream; this one only ends.
  const stderr = new PassThrough();
  let pty: IPty | null = null;
  const stdin = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      pty?.write(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      done();
    },
  });
  // Emitted on the next tick, as a ChildProcess does, so the caller has subscribed by then.
  process.nextTick(() => {
    try {
      // encoding null: raw bytes, which the output pump decodes without splitting characters.
      pty = spawnPty(file, args, { name: env.TERM ?? 'xterm-256color', cols: size.cols, rows: size.rows, cwd, env, encoding: null });
    } catch (error) {
      events.emit('error', error instanceof Error ? error : new Error(String(error)));
      return;
    }
    child.pid = pty.pid;
    pty.onData((data) => stdout.write(typeof data === 'string' ? Buffer.from(data) : data));
    pty.onExit(({ exitCode, signal }) => {
      events.emit('exit', signal ? null : exitCode, signal ? signalName(signal) : null);
      stdout.end();
      stderr.end();
      stdout.once('end', () => events.emit('close'));
    });
    events.emit('spawn');
  });
  const child = {
    pid: undefined as number | undefined,
    stdout,
    stderr,
    stdin,
    once: (event: string, listener: (...args: unknown[]) => void) => {
      events.once(event, listener);
      return child;
    },
    resize: ({ cols, rows }: TerminalSize) => pty?.resize(cols, rows),
  };
  // The cast is only about `once`'s overloads; the events and their arguments are ChildProcess's.
  return child as unknown as ChildLike;
}

function signalName(signal: number): NodeJS.Signals | null {
  const found = Object.entries(constants.signals).find(([, number]) => number === signal);
  return found ? (found[0] as NodeJS.Signals) : null;
}
