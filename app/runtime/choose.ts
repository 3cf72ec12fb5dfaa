/**
 * Which runtime runs the learner's code, and starting it.
 * `?runtime=<kind>` forces one of the registry's; otherwise the local runtime when the page was
 * served by `npm start` (it carries a runner token), and a WebContainer elsewhere.
 */
import { RUNTIMES, isRuntimeKind } from './registry.ts';
import { RuntimeUnavailableError, type ProgressListener, type Runtime, type RuntimeKind } from './types.ts';
import { parseMilliseconds } from './webcontainer/deadline.ts';
import { RUNNER_META } from '../../contracts/runner-protocol.ts';

export interface RuntimeChoice {
  kind: RuntimeKind;
  /** True when the URL forced this runtime. */
  forced: boolean;
  /** `?bootTimeout=<ms>`: how long a WebContainer may take to boot (tests use a short one). */
  bootTimeoutMs?: number;
}

export interface StartOptions {
  /** Resolves when the learner has tapped; a WebContainer on iPhone/iPad boots only after one. */
  waitForGesture?: () => Promise<void>;
}

export function runnerToken(doc: Document = document): string | null {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${RUNNER_META}"]`)?.content || null;
}

export function chooseRuntime(search: string, token: string | null): RuntimeChoice {
  const params = new URLSearchParams(search);
  const forced = params.get('runtime');
  const bootTimeoutMs = parseMilliseconds(params.get('bootTimeout')) ?? undefined;
  const timeout = bootTimeoutMs === undefined ? {} : { bootTimeoutMs };
  if (isRuntimeKind(forced)) return { kind: forced, forced: true, ...timeout };
  return { kind: token ? 'local' : 'webcontainer', forced: false, ...timeout };
}

export async function startRuntime(
  choice: RuntimeChoice,
  token: string | null,
  onProgress: ProgressListener,
  options: StartOptions = {},
): Promise<Runtime> {
  try {
    return await RUNTIMES[choice.kind].start({ token, onProgress, bootTimeoutMs: choice.bootTimeoutMs, waitForGesture: options.waitForGesture });
  } catch (error) {
    throw offerAlternative(error, token);
  }
}

const LOCAL_HINT = 'Portside can also run on your own computer: `npm install && npm start`, then open the address it prints.';

/**
 * The local runtime is only an alternative when this page came from `npm start` (it has a runner
 * token). Elsewhere the learner is told how to get it instead of being offered a dead button.
 */
export function offerAlternative(error: unknown, token: string | null): unknown {
  if (!(error instanceof RuntimeUnavailableError) || error.alternative !== 'local' || token) return error;
  const message = error.message.includes('npm start') ? error.message : `${error.message} ${LOCAL_HINT}`;
  return new RuntimeUnavailableError(message);
}
