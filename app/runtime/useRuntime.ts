/** The runtime's boot state: starting (with progress), ready, or failed with a reason. */
import { useEffect } from 'react';
import { useStore } from '../store/useStore.ts';
import { runtimeBoot, type BootState } from './runtime-boot.ts';

export function useRuntime(): BootState {
  useEffect(function bootRuntime() {
    runtimeBoot.start();
  }, []);
  return useStore(runtimeBoot);
}
