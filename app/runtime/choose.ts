/**
 * Which runtime runs the learner's code, and starting it.
 * `?runtime=webcontainer` or `?runtime=local` forces one; otherwise the local runtime when the
 * page was served by `npm start` (it carries a runner token), and a WebContainer elsewhere.
 */
import type { Runtime, RuntimeKind } from './types.ts';
import { parseMilliseconds } from './wc-deadline.ts';
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

/** A runtime that cannot start; `message` is written for the learner, `alternative` is offered. */
export class RuntimeUnavailableError extends Error {
  constructor(message: string, readonly alternative?: RuntimeKind) {
    super(message);
    this.name = 'RuntimeUnavailableError';
  }
}

/** Learner-facing progress while a runtime starts ("starting the sandbox…"). */
export type ProgressListener = (message: string) => void;

export function runnerToken(doc: Document = document): string | null {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${RUNNER_META}"]`)?.content || null;
}

export function chooseRuntime(search: string, token: string | null): RuntimeChoice {
  const params = new URLSearchParams(search);
  const forced = params.get('runtime');
  const bootTimeoutMs = parseMilliseconds(params.get('bootTimeout')) ?? undefined;
  const timeout = bootTimeoutMs === undefined ? {} : { bootTimeoutMs };
  if (forced === 'local' || forced === 'webcontainer') return { kind: forced, forced: true, ...timeout };
  return { kind: token ? 'local' : 'webcontainer', forced: false, ...timeout };
}

/** How long the page waits for its own reload (after installing the isolation worker) before saying so. */
const RELOAD_WAIT_MS = 15_000;

export async function startRuntime(
  choice: RuntimeChoice,
  token: string | null,
  onProgress: ProgressListener,
  options: StartOptions = {},
): Promise<Runtime> {
  if (choice.kind === 'local') {
    if (!token) {
      throw new RuntimeUnavailableError(
        'The local runtime needs the Portside server: run `npm start` and open the address it prints.',
        'webcontainer',
      );
    }
    onProgress('connecting to the local runner…');
    const { connectLocalRuntime } = await import('./local.ts');
    return connectLocalRuntime(token);
  }
  try {
    return await startWebContainer(choice, onProgress, options);
  } catch (error) {
    throw offerAlternative(error, token);
  }
}

async function startWebContainer(choice: RuntimeChoice, onProgress: ProgressListener, options: StartOptions): Promise<Runtime> {
  const { ensureCrossOriginIsolation } = await import('./isolation-sw-register.ts');
  if ((await ensureCrossOriginIsolation()) === 'reloading') {
    onProgress('turning on cross-origin isolation (the page reloads once)…');
    await new Promise((resolve) => setTimeout(resolve, RELOAD_WAIT_MS));
    throw new RuntimeUnavailableError('The page installed its isolation worker but did not reload. Reload the page.', 'local');
  }
  const { bootWebContainerRuntime } = await import('./webcontainer.ts');
  return bootWebContainerRuntime({ onProgress, timeoutMs: choice.bootTimeoutMs, waitForGesture: options.waitForGesture });
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
