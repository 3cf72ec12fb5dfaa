import { describe, expect, it } from 'vitest';
import { Store } from './store.ts';

class Counter extends Store<number> {
  constructor() {
    super(0);
  }
  add(): void {
    this.set(this.getSnapshot() + 1);
  }
  dispose(): void {
    this.forgetListeners();
  }
}

describe('Store', () => {
  it('tells each subscriber of every change until it unsubscribes', () => {
    const counter = new Counter();
    const heard: number[] = [];
    const { subscribe, getSnapshot } = counter; // handed around unbound, as React does
    const unsubscribe = subscribe(() => heard.push(getSnapshot()));
    counter.add();
    counter.add();
    unsubscribe();
    counter.add();
    expect(heard).toEqual([1, 2]);
    expect(getSnapshot()).toBe(3);
  });

  it('tells no one once disposed', () => {
    const counter = new Counter();
    let calls = 0;
    counter.subscribe(() => (calls += 1));
    counter.dispose();
    counter.add();
    expect(calls).toBe(0);
  });
});
