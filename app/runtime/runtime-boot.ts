/**
 * Starts the runtime once per page. A WebContainer can only boot once per page, and React's
 * StrictMode runs effects twice in development, so the boot is a module-level store rather
 * than something an effect starts and cleans up.
 */
import { Store } from '../store/store.ts';
import { chooseRuntime, runnerToken, startRuntime, type RuntimeChoice } from './choose.ts';
import { RuntimeUnavailableError, type Runtime, type RuntimeKind } from './types.ts';

export type BootState =
  | { status: 'starting'; choice: RuntimeChoice; progress: string }
  | { status: 'ready'; choice: RuntimeChoice; runtime: Runtime }
  | { status: 'failed'; choice: RuntimeChoice; message: string; alternative?: RuntimeKind };

class RuntimeBoot extends Store<BootState> {
  private started = false;

  constructor(private readonly choice: RuntimeChoice) {
    super({ status: 'starting', choice, progress: 'getting ready…' });
  }

  /** Starts the chosen runtime; later calls do nothing. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const { choice } = this;
    startRuntime(choice, runnerToken(), (progress) => {
      if (this.getSnapshot().status === 'starting') this.set({ status: 'starting', choice, progress });
    }).then(
      (runtime) => {
        this.set({ status: 'ready', choice, runtime });
        // Closing or reloading the tab kills the learner's server along with the runtime.
        addEventListener('pagehide', () => void runtime.dispose(), { once: true });
        // A page restored from the back/forward cache has a disposed runtime: start afresh.
        addEventListener('pageshow', (event) => event.persisted && location.reload());
      },
      (error: unknown) => {
        const alternative = error instanceof RuntimeUnavailableError ? error.alternative : undefined;
        const message = error instanceof Error ? error.message : String(error);
        this.set({ status: 'failed', choice, message, alternative });
      },
    );
  }
}

export const runtimeBoot = new RuntimeBoot(chooseRuntime(location.search, runnerToken()));
