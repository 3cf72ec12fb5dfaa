/**
 * The runtime seam: the only way the UI runs code. Shaped like `@webcontainer/api`
 * (write files, spawn with env, port events, kill, dispose) so the WebContainer adapter
 * stays thin and the local runtime is an honest twin.
 */

import type { FileMap } from '../../contracts/files.ts';

export type { FileMap };

/** One per entry of the registry (registry.ts), which the compiler holds to this list. */
export type RuntimeKind = 'local' | 'webcontainer';

/** A runtime that cannot start; `message` is written for the learner, `alternative` is offered. */
export class RuntimeUnavailableError extends Error {
  constructor(message: string, readonly alternative?: RuntimeKind) {
    super(message);
    this.name = 'RuntimeUnavailableError';
  }
}

/** Learner-facing progress while a runtime starts ("starting the sandbox…"). */
export type ProgressListener = (message: string) => void;

/** What starting a runtime may need from the page. */
export interface StartContext {
  /** The runner token of a page served by `npm start`, or null. */
  token: string | null;
  onProgress: ProgressListener;
  /** `?bootTimeout=<ms>`: how long a WebContainer may take to boot (tests use a short one). */
  bootTimeoutMs?: number;
  /** Resolves when the learner has tapped; a WebContainer on iPhone/iPad boots only after one. */
  waitForGesture?: () => Promise<void>;
}

export interface SpawnOptions {
  /** Extra environment variables; merged over the runtime's base environment. */
  env?: Record<string, string>;
  /** Working directory relative to the workspace root. Defaults to the root. */
  cwd?: string;
  /**
   * Gives the process a pseudo-terminal of this size, as an interactive shell needs (line
   * editing, job control, Ctrl+C as SIGINT). Its output is then the terminal's raw bytes.
   */
  terminal?: TerminalSize;
}

/** A terminal's size in character cells. */
export interface TerminalSize {
  cols: number;
  rows: number;
}

export interface RuntimeProcess {
  /** stdout and stderr interleaved, as text chunks in arrival order. */
  readonly output: ReadableStream<string>;
  /** Resolves once with the exit code; a process ended by a signal reports 128 + signal number. */
  readonly exit: Promise<number>;
  /** Writes to the process's stdin. */
  write(data: string): void;
  /** Ends the process and everything it started. */
  kill(): void;
  /** Resizes the pseudo-terminal of a process spawned with `terminal`; absent or a no-op otherwise. */
  resize?(size: TerminalSize): void;
  /**
   * Optional: every socket this process (and what it started) listens on, each time that set
   * changes — replayed to a late subscriber. Only a runtime that can see sockets implements it
   * (the local one reads /proc); returns the unsubscribe function.
   */
  onSockets?(listener: (sockets: readonly ListeningSocket[]) => void): () => void;
}

/** A socket a process listens on (TCP) or is bound to (UDP). */
export interface ListeningSocket {
  protocol: 'tcp' | 'udp';
  /** As the operating system reports it: `127.0.0.1`, `0.0.0.0`, `::`, … */
  address: string;
  port: number;
}

export interface PortEvent {
  port: number;
  /** Port events can repeat (open, open, close…); consumers must be idempotent. */
  type: 'open' | 'close';
  /** Where the browser can load what listens on this port (the preview iframe's src). */
  url: string;
}

/** An uncaught error or console.error inside the preview page (WebContainer's forwardPreviewErrors). */
export interface PreviewError {
  kind: 'uncaught-exception' | 'unhandled-rejection' | 'console-error';
  message: string;
  stack?: string;
  /** The port of the server whose page reported it, and the page's path. */
  port: number;
  pathname: string;
}

export interface Runtime {
  readonly kind: RuntimeKind;
  /**
   * True when a check runs in a network of its own, so its fixed ports (a default port, a
   * blocker) never meet the learner's running Run: Check can then leave the Run alone. The local
   * runtime learns it from the runner (bubblewrap's private loopback; false on the fallback); a
   * WebContainer has one network for every process, so false there.
   */
  readonly checksIsolatedFromRuns: boolean;
  /** Creates or overwrites files (and their parent folders) in the workspace. */
  writeFiles(files: FileMap): Promise<void>;
  readFile(path: string): Promise<string>;
  /** Removes a file or folder (recursively) from the workspace; missing is not an error. */
  remove(path: string): Promise<void>;
  spawn(command: string, args: string[], options?: SpawnOptions): Promise<RuntimeProcess>;
  /** A port that is free right now, to hand to a learner's server as `PORT`. */
  freePort(): Promise<number>;
  /** Subscribes to ports opening and closing; returns the unsubscribe function. */
  onPort(listener: (event: PortEvent) => void): () => void;
  /**
   * Optional: subscribes to errors thrown inside the preview page, for a console panel. Only
   * runtimes that can see into the preview implement it; returns the unsubscribe function.
   */
  onPreviewError?(listener: (error: PreviewError) => void): () => void;
  /** Kills every process and releases the workspace. The runtime is unusable afterwards. */
  dispose(): Promise<void>;
}
