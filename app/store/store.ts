/**
 * The one store pattern of the app: a snapshot that changes as a whole, `subscribe` to hear of
 * it and `getSnapshot` to read it, which is what React's `useSyncExternalStore` asks for (see
 * useStore.ts). Run, Check and the runtime boot extend it; their logic stays outside React.
 */
export interface ExternalStore<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): T;
}

export class Store<T> implements ExternalStore<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private snapshot: T) {}

  // Arrow functions, so React can be handed them unbound and they stay the same between renders.
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): T => this.snapshot;

  /** Replaces the snapshot and tells every listener. */
  protected set(next: T): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  /** Stops telling anyone: for a store being disposed. */
  protected forgetListeners(): void {
    this.listeners.clear();
  }
}
