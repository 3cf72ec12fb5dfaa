/**
 * Port bookkeeping, as pure functions (TutorialKit's previews.ts is the model).
 * A runtime reports ports opening and closing; the events can repeat (open, open, close…), so
 * every function here is idempotent. The preview pane renders whatever `previewView` returns.
 */
import type { PortEvent } from '../runtime/types.ts';

/** A port something is listening on right now, and where the browser can load it. */
export interface Preview {
  port: number;
  url: string;
}

/** Folds one port event into the list of open previews, ordered by when each port opened. */
export function applyPortEvent(previews: readonly Preview[], event: PortEvent): readonly Preview[] {
  const index = previews.findIndex((p) => p.port === event.port);
  if (event.type === 'close') {
    return index === -1 ? previews : previews.filter((p) => p.port !== event.port);
  }
  if (index === -1) return [...previews, { port: event.port, url: event.url }];
  // A repeated open is a no-op unless the runtime now gives a different address.
  if (previews[index]?.url === event.url) return previews;
  return previews.map((p, i) => (i === index ? { port: event.port, url: event.url } : p));
}

/** What the learner's current run looks like to the preview. */
export type RunPhase =
  | { phase: 'idle' }
  | { phase: 'starting'; port: number }
  | { phase: 'running'; port: number; opened: readonly number[] }
  | { phase: 'exited'; port: number; code: number; opened: readonly number[]; stoppedByLearner: boolean };

export type PreviewView =
  | { kind: 'idle' }
  | { kind: 'waiting'; port: number }
  | { kind: 'showing'; port: number; url: string; others: readonly number[] }
  | { kind: 'wrong-port'; port: number; listened: readonly number[] }
  | { kind: 'exited-before-listening'; port: number; code: number }
  | { kind: 'exited'; port: number; code: number; listened: readonly number[] }
  | { kind: 'stopped'; port: number };

/**
 * Decides what the preview shows. It shows PORT as soon as PORT is open; it never shows another
 * port in its place, because the platform would not send traffic there either.
 */
export function previewView(run: RunPhase, previews: readonly Preview[]): PreviewView {
  if (run.phase === 'idle') return { kind: 'idle' };
  if (run.phase === 'starting') return { kind: 'waiting', port: run.port };
  if (run.phase === 'exited') {
    if (run.stoppedByLearner) return { kind: 'stopped', port: run.port };
    if (run.opened.length === 0) return { kind: 'exited-before-listening', port: run.port, code: run.code };
    return { kind: 'exited', port: run.port, code: run.code, listened: run.opened };
  }
  const expected = previews.find((p) => p.port === run.port);
  const others = run.opened.filter((port) => port !== run.port && previews.some((p) => p.port === port));
  if (expected) return { kind: 'showing', port: run.port, url: expected.url, others };
  if (others.length > 0) return { kind: 'wrong-port', port: run.port, listened: others };
  return { kind: 'waiting', port: run.port };
}

/**
 * The address for a path on a preview, e.g. `/health` on `http://127.0.0.1:41873/`. The runtime's
 * URL may carry its own path prefix (a proxy route); the learner's path goes below it.
 */
export function previewSrc(url: string, path: string): string {
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(url);
  const base = new URL(url, 'http://relative.invalid');
  const [pathname = '', query] = (path.trim() || '/').split(/\?(.*)/s, 2);
  base.pathname = base.pathname.replace(/\/$/, '') + '/' + pathname.replace(/^\/+/, '');
  if (query !== undefined) base.search = query;
  return relative ? base.pathname + base.search + base.hash : base.toString();
}
