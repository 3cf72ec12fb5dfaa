/**
 * The terminal's colours, one palette per page theme: a calm slate on dark pages, paper on light
 * ones, with ANSI colours readable on each. xterm also raises any colour (dim text too) to
 * MINIMUM_CONTRAST against the background, so learners' own colours stay readable.
 */
import type { ITheme } from '@xterm/xterm';
import type { Theme } from '../theme/theme.ts';

export const MINIMUM_CONTRAST = 4.5;

const DARK: ITheme = {
  background: '#0f141b',
  foreground: '#d8dee6',
  cursor: '#8fb8ff',
  cursorAccent: '#0f141b',
  selectionBackground: '#35506e',
  black: '#1d2530',
  red: '#ff7b72',
  green: '#7ee2a8',
  yellow: '#f2cc60',
  blue: '#79b8ff',
  magenta: '#d2a8ff',
  cyan: '#76e3ea',
  white: '#d8dee6',
  brightBlack: '#8b98a8',
  brightRed: '#ffa198',
  brightGreen: '#a6f0c6',
  brightYellow: '#f8e3a1',
  brightBlue: '#a5cdff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#b3f0f4',
  brightWhite: '#ffffff',
};

const LIGHT: ITheme = {
  background: '#f7f8fa',
  foreground: '#1f2a36',
  cursor: '#275d9c',
  cursorAccent: '#f7f8fa',
  selectionBackground: '#c9dcf3',
  black: '#1f2a36',
  red: '#b42318',
  green: '#17703f',
  yellow: '#7a5200',
  blue: '#1f5fa8',
  magenta: '#7b3fb0',
  cyan: '#0b6a75',
  white: '#5d6875',
  brightBlack: '#5d6875',
  brightRed: '#9a1d14',
  brightGreen: '#135e35',
  brightYellow: '#684600',
  brightBlue: '#1a4f8c',
  brightMagenta: '#64338f',
  brightCyan: '#095862',
  brightWhite: '#17202a',
};

export const XTERM_THEMES: Record<Theme, ITheme> = { light: LIGHT, dark: DARK };
