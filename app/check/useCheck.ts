/** A CheckStore for the ready runtime, and its state as React state (the hook only exposes it). */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Runtime } from '../runtime/types.ts';
import type { CheckState } from './check-state.ts';
import { CheckStore } from './check-store.ts';

const noSubscription = () => () => undefined;
const nothing = () => null;

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

  const state = useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getSnapshot ?? nothing);
  return { store, state };
}
