/**
 * Starting the WebContainer runtime: cross-origin isolation first (a static host may need the
 * isolation worker and one reload), then the engine. The adapter, and with it
 * `@webcontainer/api`, is imported only once the page is isolated.
 */
import { RuntimeUnavailableError, type Runtime, type StartContext } from '../types.ts';
import { ensureCrossOriginIsolation } from './isolation-sw-register.ts';

/** How long the page waits for its own reload (after installing the isolation worker) before saying so. */
const RELOAD_WAIT_MS = 15_000;

export async function startWebContainerRuntime({ onProgress, bootTimeoutMs, waitForGesture }: StartContext): Promise<Runtime> {
  if ((await ensureCrossOriginIsolation()) === 'reloading') {
    onProgress('turning on cross-origin isolation (the page reloads once)…');
    await new Promise((resolve) => setTimeout(resolve, RELOAD_WAIT_MS));
    throw new RuntimeUnavailableError('The page installed its isolation worker but did not reload. Reload the page.', 'local');
  }
  const { bootWebContainerRuntime } = await import('./adapter.ts');
  return bootWebContainerRuntime({ onProgress, timeoutMs: bootTimeoutMs, waitForGesture });
}
