/** A RunSession for the ready runtime, and its snapshot as React state. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Runtime } from '../runtime/types.ts';
import type { TerminalFeed } from '../terminal/terminal-feed.ts';
import { RunSession, type RunSnapshot } from './run-session.ts';

const IDLE: RunSnapshot = { run: { phase: 'idle' }, busy: false, error: null, router: null };
const noSubscription = () => () => undefined;
const idle = () => IDLE;

export function useRunSession(runtime: Runtime | null, terminal: TerminalFeed): { session: RunSession | null; snapshot: RunSnapshot } {
  const [session, setSession] = useState<RunSession | null>(null);

  useEffect(
    function startSession() {
      if (!runtime) return;
      const created = new RunSession(runtime, terminal);
      setSession(created);
      return () => {
        created.dispose();
        setSession(null);
      };
    },
    [runtime, terminal],
  );

  const snapshot = useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getSnapshot ?? idle);
  return { session, snapshot };
}
