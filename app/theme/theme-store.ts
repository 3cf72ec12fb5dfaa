/**
 * The page's theme as a store: the learner's choice, the system's preference (followed live
 * through `prefers-color-scheme`), and the theme they resolve to, applied to <html> so the CSS
 * tokens, Monaco and xterm all switch together. One per page (`themeStore`).
 */
import { Store } from '../store/store.ts';
import { browserStorage } from '../lessons/learner-storage.ts';
import { readThemeChoice, resolveTheme, saveThemeChoice, type Theme, type ThemeChoice } from './theme.ts';

export interface ThemeSnapshot {
  choice: ThemeChoice;
  theme: Theme;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

export class ThemeStore extends Store<ThemeSnapshot> {
  private readonly query: MediaQueryList | null;

  constructor(
    private readonly storage: Storage | null,
    media: ((query: string) => MediaQueryList) | null,
    private readonly root: HTMLElement | null,
  ) {
    const query = media?.(DARK_QUERY) ?? null;
    const choice = readThemeChoice(storage);
    super({ choice, theme: resolveTheme(choice, query?.matches ?? false) });
    this.query = query;
    this.apply();
    query?.addEventListener('change', () => this.update(this.getSnapshot().choice));
  }

  choose(choice: ThemeChoice): void {
    saveThemeChoice(this.storage, choice);
    this.update(choice);
  }

  /** Another tab chose: follow it, so two tabs never disagree on the theme. */
  reread(): void {
    this.update(readThemeChoice(this.storage));
  }

  private update(choice: ThemeChoice): void {
    const theme = resolveTheme(choice, this.query?.matches ?? false);
    const now = this.getSnapshot();
    if (now.choice === choice && now.theme === theme) return;
    this.set({ choice, theme });
    this.apply();
  }

  private apply(): void {
    if (this.root) this.root.dataset.theme = this.getSnapshot().theme;
  }
}

export const themeStore = new ThemeStore(
  browserStorage(),
  typeof matchMedia === 'function' ? (query) => matchMedia(query) : null,
  typeof document === 'object' ? document.documentElement : null,
);
if (typeof addEventListener === 'function') addEventListener('storage', () => themeStore.reread());
