/**
 * Messages between the browser's local runtime (`app/runtime/local.ts`) and the runner
 * (`server/runner/`), one JSON object per WebSocket text frame. The runner validates every
 * incoming message with `clientMessage`; the browser imports only the types.
 */
import { z } from 'zod';

export { MAX_MESSAGE_BYTES, RUNNER_META, RUNNER_PATH } from './protocol-constants.ts';

const id = z.number().int().nonnegative().describe('Request id, echoed in the result');
const relPath = z.string().min(1).max(1024).describe('Workspace-relative path');

export const clientMessage = z.discriminatedUnion('op', [
  z.object({ op: z.literal('writeFiles'), id, files: z.record(relPath, z.string()) }),
  z.object({ op: z.literal('readFile'), id, path: relPath }),
  z.object({ op: z.literal('remove'), id, path: relPath }),
  z.object({
    op: z.literal('spawn'),
    id,
    command: z.string().min(1).max(256),
    args: z.array(z.string().max(4096)).max(64),
    env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string().max(4096)).optional(),
    cwd: relPath.optional(),
  }),
  z.object({ op: z.literal('input'), id, proc: z.number().int(), data: z.string().max(65536) }),
  z.object({ op: z.literal('kill'), id, proc: z.number().int() }),
  z.object({ op: z.literal('freePort'), id }),
]);
export type ClientMessage = z.infer<typeof clientMessage>;

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
