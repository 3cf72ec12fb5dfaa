/** The runtime's boot state: starting (with progress), ready, or failed with a reason. */
import { useEffect, useState } from 'react';
import { bootRuntimeOnce, currentBoot, onBootChange, type BootState } from './runtime-boot.ts';

export function useRuntime(): BootState {
  const [state, setState] = useState<BootState>(currentBoot);
  useEffect(function bootRuntime() {
    const unsubscribe = onBootChange(setState);
    bootRuntimeOnce();
    setState(currentBoot());
    return unsubscribe;
  }, []);
  return state;
}
