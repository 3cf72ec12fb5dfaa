/** System, light or dark: a small radio group in the header, remembered in this browser. */
import { themeStore } from './theme-store.ts';
import { THEME_CHOICES, type ThemeChoice } from './theme.ts';
import { useTheme } from './useTheme.ts';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function ThemeSwitch() {
  const { choice } = useTheme();
  return (
    <fieldset className="theme-switch">
      <legend className="visually-hidden">Theme</legend>
      {THEME_CHOICES.map((option) => (
        <label key={option} className="theme-switch__option">
          <input type="radio" name="theme" value={option} checked={choice === option} onChange={() => themeStore.choose(option)} />
          {LABELS[option]}
        </label>
      ))}
    </fieldset>
  );
}
