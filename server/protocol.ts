/**
 * The runner's validation of incoming messages. The message types and limits are the contract
 * in `contracts/runner-protocol.ts`; this schema must accept exactly those messages, which the
 * compile-time check below enforces in both directions.
 */
import { z } from 'zod';
import { MAX_INPUT_LENGTH, type ClientMessage } from '../contracts/runner-protocol.ts';

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
  z.object({ op: z.literal('input'), id, proc: z.number().int(), data: z.string().max(MAX_INPUT_LENGTH) }),
  z.object({ op: z.literal('kill'), id, proc: z.number().int() }),
  z.object({ op: z.literal('freePort'), id }),
]) satisfies z.ZodType<ClientMessage>;

/** Fails to compile unless the schema's type and the contract's ClientMessage are identical (not merely assignable: an extra optional field counts). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type SchemaMatchesContract = Assert<Same<z.infer<typeof clientMessage>, ClientMessage>>;
