/** A store's snapshot as React state; `fallback` while there is no store yet (the runtime is starting). */
import { useSyncExternalStore } from 'react';
import type { ExternalStore } from './store.ts';

const noSubscription = () => () => undefined;

export function useStore<T>(store: ExternalStore<T>): T;
export function useStore<T>(store: ExternalStore<T> | null, fallback: T): T;
export function useStore<T>(store: ExternalStore<T> | null, fallback?: T): T {
  return useSyncExternalStore(store?.subscribe ?? noSubscription, store ? store.getSnapshot : () => fallback as T);
}
