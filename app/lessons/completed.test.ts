import { describe, expect, it } from 'vitest';
import { COMPLETED_EVENT, markCompleted, readCompleted } from './completed.ts';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('completed lessons', () => {
  it('starts empty and remembers what was marked', () => {
    const storage = memoryStorage();
    expect(readCompleted(storage).size).toBe(0);
    markCompleted(storage, 'take-the-port', null);
    markCompleted(storage, 'your-program-is-the-server', null);
    expect([...readCompleted(storage)].sort()).toEqual(['take-the-port', 'your-program-is-the-server']);
  });

  it('announces a change once, not when the lesson was already complete', () => {
    const storage = memoryStorage();
    const target = new EventTarget();
    let heard = 0;
    target.addEventListener(COMPLETED_EVENT, () => (heard += 1));
    markCompleted(storage, 'take-the-port', target);
    markCompleted(storage, 'take-the-port', target);
    expect(heard).toBe(1);
  });

  it('ignores a stored value of the wrong shape', () => {
    const storage = memoryStorage();
    storage.setItem('portside:v1:completed', '{"take-the-port": true}');
    expect(readCompleted(storage).size).toBe(0);
    storage.setItem('portside:v1:completed', '["take-the-port", 7]');
    expect([...readCompleted(storage)]).toEqual(['take-the-port']);
  });
});
