/** A CheckStore for the ready runtime, and its state as React state (the hook only exposes it). */
import { useEffect, useState } from 'react';
import type { Runtime } from '../runtime/types.ts';
import { useStore } from '../store/useStore.ts';
import type { CheckState } from './check-state.ts';
import { CheckStore } from './check-store.ts';

export function useCheck(runtime: Runtime | null): { store: CheckStore | null; state: CheckState | null } {
  const [store, setStore] = useState<CheckStore | null>(null);

  useEffect(
    function createCheckStore() {
      if (!runtime) return;
      const created = new CheckStore(runtime);
      setStore(created);
      return () => {
        created.dispose();
        setStore(null);
      };
    },
    [runtime],
  );

  return { store, state: useStore(store, null) };
}
