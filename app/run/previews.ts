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
/** `port` is the PORT the run was given, or null when Run passed none (the laptop preset). */
export type RunPhase =
  | { phase: 'idle' }
  | { phase: 'starting'; port: number | null }
  /** `stuck`: it has not listened after the lesson's ready timeout. */
  | { phase: 'running'; port: number | null; opened: readonly number[]; stuck: boolean }
  | { phase: 'exited'; port: number | null; code: number; opened: readonly number[]; stoppedByLearner: boolean };

/** `port` is the run's PORT (null: it was given none), or for `from-shell`, the shell's server. */
export type PreviewView =
  | { kind: 'idle' }
  | { kind: 'waiting'; port: number | null }
  | { kind: 'stuck'; port: number | null }
  | { kind: 'showing'; port: number; url: string; others: readonly number[]; fromShell?: boolean }
  | { kind: 'wrong-port'; port: number; listened: readonly number[] }
  | { kind: 'exited-before-listening'; port: number | null; code: number }
  | { kind: 'exited'; port: number | null; code: number; listened: readonly number[] }
  | { kind: 'stopped'; port: number | null };

/**
 * Decides what the preview shows. It shows PORT as soon as PORT is open; it never shows another
 * port in its place, because the platform would not send traffic there either. A run given no
 * PORT (a laptop) shows the first port it listens on. With no Run going, a server the learner
 * started in the shell is shown: it is theirs as much as Run's is.
 */
export function previewView(run: RunPhase, previews: readonly Preview[]): PreviewView {
  const ended = run.phase === 'exited' ? run.opened : [];
  // A stopped run's own port can be reported closed a moment after it exited; it is not the shell's.
  const shell = previews.filter((p) => !ended.includes(p.port)).at(-1);
  const idle = run.phase === 'idle' || (run.phase === 'exited' && run.stoppedByLearner);
  if (idle && shell) return { kind: 'showing', port: shell.port, url: shell.url, others: [], fromShell: true };
  if (run.phase === 'idle') return { kind: 'idle' };
  if (run.phase === 'starting') return { kind: 'waiting', port: run.port };
  if (run.phase === 'exited') {
    if (run.stoppedByLearner) return { kind: 'stopped', port: run.port };
    if (run.opened.length === 0) return { kind: 'exited-before-listening', port: run.port, code: run.code };
    return { kind: 'exited', port: run.port, code: run.code, listened: run.opened };
  }
  const live = run.opened.filter((port) => previews.some((p) => p.port === port));
  const target = run.port ?? live[0];
  const expected = previews.find((p) => p.port === target);
  const others = live.filter((port) => port !== target);
  if (expected) return { kind: 'showing', port: expected.port, url: expected.url, others };
  if (run.port !== null && others.length > 0) return { kind: 'wrong-port', port: run.port, listened: others };
  return { kind: run.stuck ? 'stuck' : 'waiting', port: run.port };
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
