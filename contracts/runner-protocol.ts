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

/** The page learns the runner token from this meta tag (content = token), which the app server injects. */
export const RUNNER_META = 'portside-runner';

/** The WebSocket path of the runner, on the app server's own origin. */
export const RUNNER_PATH = '/__portside/runner';

/** What the browser asks of the runner; `id` is echoed in the matching `result`. */
export type ClientMessage =
  | { op: 'writeFiles'; id: number; files: FileMap }
  | { op: 'readFile'; id: number; path: string }
  | { op: 'remove'; id: number; path: string }
  | { op: 'spawn'; id: number; command: string; args: string[]; env?: Record<string, string>; cwd?: string }
  | { op: 'input'; id: number; proc: number; data: string }
  | { op: 'kill'; id: number; proc: number }
  | { op: 'freePort'; id: number };

export type ServerMessage =
  /** Sent once after the connection is accepted. */
  | { type: 'hello'; workspace: string }
  | { type: 'result'; id: number; ok: true; value?: unknown }
  | { type: 'result'; id: number; ok: false; error: string }
  | { type: 'output'; proc: number; data: string }
  | { type: 'exit'; proc: number; code: number }
  | { type: 'port'; port: number; event: 'open' | 'close'; url: string }
  /** A message the runner could not read at all (not JSON, no usable id); the socket stays open. */
  | { type: 'error'; error: string };

/** Values carried by successful results, per operation. */
export interface ResultValues {
  writeFiles: undefined;
  readFile: string;
  remove: undefined;
  spawn: { proc: number };
  input: undefined;
  kill: undefined;
  freePort: number;
}
