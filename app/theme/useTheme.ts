/** The page's theme in React: what the learner chose and what it resolves to (light or dark). */
import { useStore } from '../store/useStore.ts';
import { themeStore, type ThemeSnapshot } from './theme-store.ts';

export function useTheme(): ThemeSnapshot {
  return useStore(themeStore);
}
