/**
 * The runner protocol's plain constants, kept free of zod so the browser bundle can import them
 * by value (`server/protocol.ts` re-exports them next to the zod schemas the runner uses).
 */

/** Largest frame the runner accepts; bigger ones are refused without being parsed. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** The page learns the runner token from this meta tag (content = token), which the playground server injects. */
export const RUNNER_META = 'portside-runner';

/** The WebSocket path of the runner, on the playground server's own origin. */
export const RUNNER_PATH = '/__portside/runner';
