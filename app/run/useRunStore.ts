/** A RunStore for the ready runtime, and its snapshot as React state. */
import { useEffect, useState } from 'react';
import type { Runtime } from '../runtime/types.ts';
import { useStore } from '../store/useStore.ts';
import type { TerminalFeed } from '../terminal/terminal-feed.ts';
import { IDLE_RUN, RunStore, type RunSnapshot } from './run-store.ts';

export function useRunStore(runtime: Runtime | null, terminal: TerminalFeed): { runStore: RunStore | null; snapshot: RunSnapshot } {
  const [runStore, setRunStore] = useState<RunStore | null>(null);

  useEffect(
    function createRunStore() {
      if (!runtime) return;
      const created = new RunStore(runtime, terminal);
      setRunStore(created);
      return () => {
        created.dispose();
        setRunStore(null);
      };
    },
    [runtime, terminal],
  );

  return { runStore, snapshot: useStore(runStore, IDLE_RUN) };
}
