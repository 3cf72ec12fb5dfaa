/**
 * Starts the runtime once per page. A WebContainer can only boot once per page, and React's
 * StrictMode runs effects twice in development, so the boot is a module-level promise rather
 * than something an effect starts and cleans up.
 */
import { chooseRuntime, runnerToken, startRuntime, type RuntimeChoice } from '../runtime/choose.ts';
import { RuntimeUnavailableError, type Runtime, type RuntimeKind } from '../runtime/types.ts';

export type BootState =
  | { status: 'starting'; choice: RuntimeChoice; progress: string }
  | { status: 'ready'; choice: RuntimeChoice; runtime: Runtime }
  | { status: 'failed'; choice: RuntimeChoice; message: string; alternative?: RuntimeKind };

type Listener = (state: BootState) => void;

const choice = chooseRuntime(location.search, runnerToken());
let state: BootState = { status: 'starting', choice, progress: 'getting ready…' };
let started = false;
const listeners = new Set<Listener>();

function set(next: BootState): void {
  state = next;
  for (const listener of listeners) listener(next);
}

export function currentBoot(): BootState {
  return state;
}

export function bootRuntimeOnce(): void {
  if (started) return;
  started = true;
  startRuntime(choice, runnerToken(), (progress) => {
    if (state.status === 'starting') set({ status: 'starting', choice, progress });
  }).then(
    (runtime) => {
      set({ status: 'ready', choice, runtime });
      // Closing or reloading the tab kills the learner's server along with the runtime.
      addEventListener('pagehide', () => void runtime.dispose(), { once: true });
      // A page restored from the back/forward cache has a disposed runtime: start afresh.
      addEventListener('pageshow', (event) => event.persisted && location.reload());
    },
    (error: unknown) => {
      const alternative = error instanceof RuntimeUnavailableError ? error.alternative : undefined;
      const message = error instanceof Error ? error.message : String(error);
      set({ status: 'failed', choice, message, alternative });
    },
  );
}

export function onBootChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
