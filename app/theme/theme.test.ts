import { describe, expect, it } from 'vitest';
import { readThemeChoice, resolveTheme, saveThemeChoice, type ThemeChoice } from './theme.ts';
import { ThemeStore } from './theme-store.ts';

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

/** A media query whose answer the test flips, as the system would when switching to dark. */
function fakeMedia(dark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return dark;
    },
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
  } as unknown as MediaQueryList;
  return {
    media: () => query,
    flip(next: boolean) {
      dark = next;
      for (const listener of listeners) listener();
    },
  };
}

describe('resolveTheme', () => {
  it.each<[ThemeChoice, boolean, string]>([
    ['system', false, 'light'],
    ['system', true, 'dark'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
  ])('%s with a dark system %s is %s', (choice, dark, theme) => {
    expect(resolveTheme(choice, dark)).toBe(theme);
  });
});

describe('the saved choice', () => {
  it('follows the system when nothing or something unknown is saved', () => {
    const storage = memoryStorage();
    expect(readThemeChoice(storage)).toBe('system');
    storage.setItem('portside:v1:theme', '"purple"');
    expect(readThemeChoice(storage)).toBe('system');
    expect(readThemeChoice(null)).toBe('system');
  });

  it('reads back what was saved', () => {
    const storage = memoryStorage();
    expect(saveThemeChoice(storage, 'dark')).toEqual({ ok: true });
    expect(readThemeChoice(storage)).toBe('dark');
  });
});

describe('ThemeStore', () => {
  it('follows the system live while the choice is "system", and marks <html>', () => {
    const system = fakeMedia(false);
    const root = { dataset: {} } as HTMLElement;
    const store = new ThemeStore(memoryStorage(), system.media, root);
    expect(store.getSnapshot()).toEqual({ choice: 'system', theme: 'light' });
    system.flip(true);
    expect(store.getSnapshot().theme).toBe('dark');
    expect(root.dataset.theme).toBe('dark');
  });

  it('keeps a chosen theme when the system changes, and remembers it', () => {
    const system = fakeMedia(true);
    const storage = memoryStorage();
    const store = new ThemeStore(storage, system.media, null);
    store.choose('light');
    system.flip(false);
    system.flip(true);
    expect(store.getSnapshot()).toEqual({ choice: 'light', theme: 'light' });
    expect(new ThemeStore(storage, system.media, null).getSnapshot().choice).toBe('light');
  });

  it('follows a choice made in another tab', () => {
    const storage = memoryStorage();
    const store = new ThemeStore(storage, fakeMedia(false).media, null);
    saveThemeChoice(storage, 'dark');
    store.reread();
    expect(store.getSnapshot().theme).toBe('dark');
  });
});
