/**
 * Light or dark: the learner's choice (system, light, dark), kept in localStorage, and the theme
 * that choice resolves to. Pure, so the table tests need neither a DOM nor a media query.
 */
import { readJson, writeJson, type SaveResult } from '../lessons/learner-storage.ts';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Theme = 'light' | 'dark';

const KEY = 'theme';

export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): Theme {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}

/** The saved choice; anything unknown in storage means "follow the system". */
export function readThemeChoice(storage: Storage | null): ThemeChoice {
  const value = readJson(storage, KEY);
  return THEME_CHOICES.find((choice) => choice === value) ?? 'system';
}

export function saveThemeChoice(storage: Storage | null, choice: ThemeChoice): SaveResult {
  return writeJson(storage, KEY, choice);
}
