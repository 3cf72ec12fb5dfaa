/**
 * xterm.js showing a terminal feed (colours, scrollback, fitted to its pane). Two kinds of input:
 * `lines`, for Run's output, where the program reads a pipe and LineInput is the small line
 * discipline a terminal would give it; and `raw`, for the shell, whose pseudo-terminal does all
 * of that itself, so keys go to it untouched and size changes are reported. Loaded lazily.
 */
import { useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { TerminalFeed } from './terminal-feed.ts';
import { LineInput } from './line-input.ts';
import { MINIMUM_CONTRAST, XTERM_THEMES } from './xterm-theme.ts';
import { themeStore } from '../theme/theme-store.ts';
import { useTheme } from '../theme/useTheme.ts';

export type TerminalInput =
  | { kind: 'lines'; onLine(line: string): void; onInterrupt(): void }
  | { kind: 'raw'; onData(data: string): void; onResize(size: { cols: number; rows: number }): void };

interface Props {
  feed: TerminalFeed;
  input: TerminalInput;
  /** The accessible name of xterm's input, so two terminals on a page can be told apart. */
  label: string;
  /** Takes the keyboard when it appears (the learner opened this tab to type). */
  autoFocus?: boolean;
}

export default function XtermView({ feed, input, label, autoFocus = false }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const handlers = useRef(input);
  handlers.current = input;
  const raw = input.kind === 'raw';
  const terminalRef = useRef<Terminal | null>(null);
  const { theme } = useTheme();

  useEffect(
    function openTerminal() {
      if (!host.current) return;
      const terminal = new Terminal({
        theme: XTERM_THEMES[themeStore.getSnapshot().theme],
        minimumContrastRatio: MINIMUM_CONTRAST,
        // A pseudo-terminal sends "\r\n" itself; a pipe's bare "\n" needs turning into one.
        convertEol: !raw,
        scrollback: 5000,
        fontFamily: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
        fontSize: 13,
        lineHeight: 1.25,
        cursorBlink: false,
      });
      const fit = new FitAddon();
      terminal.loadAddon(fit);
      terminal.open(host.current);
      terminalRef.current = terminal;
      terminal.textarea?.setAttribute('aria-label', label);
      // A hidden or zero-sized pane cannot be measured; fitting then would throw or shrink to nothing.
      const refit = () => host.current && host.current.clientWidth > 0 && host.current.clientHeight > 0 && fit.fit();
      refit();
      const resize = new ResizeObserver(() => refit());
      resize.observe(host.current);

      // The shell wants Tab (completion), which would trap keyboard users in it: Esc, then Tab
      // (or Shift+Tab), moves focus on instead, as Monaco's Ctrl+M does for the editor.
      let escaped = false;
      terminal.attachCustomKeyEventHandler((event) => {
        if (event.type !== 'keydown') return true;
        if (event.key === 'Tab' && escaped) return false;
        escaped = event.key === 'Escape';
        return true;
      });
      const lines = new LineInput();
      const typing = terminal.onData((data) => {
        const current = handlers.current;
        if (current.kind === 'raw') return current.onData(data);
        const result = lines.handle(data);
        if (result.echo) terminal.write(result.echo);
        for (const line of result.lines) current.onLine(line);
        if (result.interrupt) current.onInterrupt();
      });
      const resizing = terminal.onResize((size) => {
        const current = handlers.current;
        if (current.kind === 'raw') current.onResize(size);
      });
      const current = handlers.current;
      if (current.kind === 'raw') current.onResize({ cols: terminal.cols, rows: terminal.rows });
      const detach = feed.attach((text) => terminal.write(text));
      if (autoFocus) terminal.focus();

      return () => {
        detach();
        typing.dispose();
        resizing.dispose();
        resize.disconnect();
        terminal.dispose();
        terminalRef.current = null;
      };
    },
    [feed, raw, label, autoFocus],
  );

  useEffect(
    function followPageTheme() {
      if (terminalRef.current) terminalRef.current.options.theme = XTERM_THEMES[theme];
    },
    [theme],
  );

  return <div ref={host} className="xterm-host" />;
}
