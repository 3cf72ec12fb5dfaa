/** The terminal's colours: a calm dark slate, with ANSI colours readable on it. */
import type { ITheme } from '@xterm/xterm';

export const XTERM_THEME: ITheme = {
  background: '#141b24',
  foreground: '#d8dee6',
  cursor: '#8fb8ff',
  cursorAccent: '#141b24',
  selectionBackground: '#35506e',
  black: '#1d2530',
  red: '#ff7b72',
  green: '#7ee2a8',
  yellow: '#f2cc60',
  blue: '#79b8ff',
  magenta: '#d2a8ff',
  cyan: '#76e3ea',
  white: '#d8dee6',
  brightBlack: '#6e7b8b',
  brightRed: '#ffa198',
  brightGreen: '#a6f0c6',
  brightYellow: '#f8e3a1',
  brightBlue: '#a5cdff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#b3f0f4',
  brightWhite: '#ffffff',
};
