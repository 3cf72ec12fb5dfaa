/**
 * The runner protocol: messages between the browser's local runtime (`app/runtime/local.ts`) and
 * the runner (`server/runner/`), one JSON object per WebSocket text frame, and its limits. Plain
 * types and constants, so the browser bundle can import them by value; the runner's zod
 * validation (`server/protocol.ts`) is checked at compile time to accept exactly these messages.
 */
import type { FileMap } from './files.ts';

/** Largest frame the runner accepts; bigger ones are refused without being parsed. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** The longest `input` payload, in string length (UTF-16 code units); longer writes are split. */
export const MAX_INPUT_LENGTH = 65536;

/** The largest terminal a `spawn` or `resize` may ask for, in columns and rows. */
export const MAX_TERMINAL_SIZE = 1000;

/** A pseudo-terminal's size, in character cells. */
export interface TerminalSize {
  cols: number;
  rows: number;
}

/** A socket a process listens on (TCP) or is bound to (UDP), for the port map. */
export interface ListeningSocketInfo {
  protocol: 'tcp' | 'udp';
  /** The local address as the kernel reports it: `127.0.0.1`, `0.0.0.0`, `::`, … */
  address: string;
  port: number;
}

/** The page learns the runner token from this meta tag (content = token), which the app server injects. */
export const RUNNER_META = 'portside-runner';

/** The WebSocket path of the runner, on the app server's own origin. */
export const RUNNER_PATH = '/__portside/runner';

/** What the browser asks of the runner; `id` is echoed in the matching `result`. */
export type ClientMessage =
  | { op: 'writeFiles'; id: number; files: FileMap }
  | { op: 'readFile'; id: number; path: string }
  | { op: 'remove'; id: number; path: string }
  /** With `terminal`, the process gets a pseudo-terminal of that size (an interactive shell needs one). */
  | { op: 'spawn'; id: number; command: string; args: string[]; env?: Record<string, string>; cwd?: string; terminal?: TerminalSize }
  | { op: 'input'; id: number; proc: number; data: string }
  /** Resizes a process's pseudo-terminal; a process without one ignores it. */
  | { op: 'resize'; id: number; proc: number; cols: number; rows: number }
  | { op: 'kill'; id: number; proc: number }
  | { op: 'freePort'; id: number };

export type ServerMessage =
  /**
   * Sent once after the connection is accepted. `checksIsolated`: Check runs in a network of its
   * own (bubblewrap's private loopback), so a check's fixed ports never meet a running Run's.
   */
  | { type: 'hello'; workspace: string; checksIsolated: boolean }
  | { type: 'result'; id: number; ok: true; value?: unknown }
  | { type: 'result'; id: number; ok: false; error: string }
  | { type: 'output'; proc: number; data: string }
  | { type: 'exit'; proc: number; code: number }
  | { type: 'port'; port: number; event: 'open' | 'close'; url: string }
  /** Every socket a process's tree listens on, sent whenever that set changes. */
  | { type: 'sockets'; proc: number; sockets: ListeningSocketInfo[] }
  /** A message the runner could not read at all (not JSON, no usable id); the socket stays open. */
  | { type: 'error'; error: string };

/** Values carried by successful results, per operation. */
export interface ResultValues {
  writeFiles: undefined;
  readFile: string;
  remove: undefined;
  spawn: { proc: number };
  input: undefined;
  resize: undefined;
  kill: undefined;
  freePort: number;
}
