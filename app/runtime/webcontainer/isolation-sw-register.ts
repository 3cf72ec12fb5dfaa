/**
 * Cross-origin isolation for static hosts that cannot set headers (GitHub Pages): registers
 * public/isolation-sw.js, which re-serves the site with COOP/COEP, and reloads the page once so
 * the worker serves it. Hosts that set the headers (see docs/deploy.md) never get here, because
 * their pages are isolated already.
 */

export type IsolationState =
  /** The page is cross-origin isolated; nothing to do. */
  | 'isolated'
  /** The worker is installed and the page is reloading; nothing else should start. */
  | 'reloading'
  /** The page is not isolated and the worker cannot change that (no service workers, or it was tried). */
  | 'unavailable';

/** Set before the one reload, so a browser the worker cannot help does not reload forever. */
const RELOAD_FLAG = 'portside:isolation-reload';

export const ISOLATION_WORKER_FILE = 'isolation-sw.js';

export async function ensureCrossOriginIsolation(baseUrl: string = import.meta.env.BASE_URL): Promise<IsolationState> {
  const session = sessionStorageOrNull();
  if (globalThis.crossOriginIsolated) {
    session?.removeItem(RELOAD_FLAG);
    return 'isolated';
  }
  if (!globalThis.isSecureContext || !('serviceWorker' in navigator) || !session) return 'unavailable';
  if (session.getItem(RELOAD_FLAG)) return 'unavailable';
  try {
    await navigator.serviceWorker.register(`${baseUrl}${ISOLATION_WORKER_FILE}`, { scope: baseUrl });
    await navigator.serviceWorker.ready;
  } catch {
    return 'unavailable'; // e.g. the host does not serve the worker file; the capability check explains
  }
  session.setItem(RELOAD_FLAG, String(Date.now()));
  location.reload();
  return 'reloading';
}

/** Session storage, or null where the browser refuses it (some privacy modes throw on access). */
function sessionStorageOrNull(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}
