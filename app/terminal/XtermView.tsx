/**
 * xterm.js showing the terminal feed (colours, scrollback, fitted to its pane). What the learner
 * types goes through LineInput to the running process's stdin. Loaded lazily by TerminalPane.
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

interface Props {
  feed: TerminalFeed;
  onLine(line: string): void;
  onInterrupt(): void;
}

export default function XtermView({ feed, onLine, onInterrupt }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onLine, onInterrupt });
  handlers.current = { onLine, onInterrupt };
  const terminalRef = useRef<Terminal | null>(null);
  const { theme } = useTheme();

  useEffect(
    function openTerminal() {
      if (!host.current) return;
      const terminal = new Terminal({
        theme: XTERM_THEMES[themeStore.getSnapshot().theme],
        minimumContrastRatio: MINIMUM_CONTRAST,
        convertEol: true,
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
      // A hidden or zero-sized pane cannot be measured; fitting then would throw or shrink to nothing.
      const refit = () => host.current && host.current.clientWidth > 0 && host.current.clientHeight > 0 && fit.fit();
      refit();
      const resize = new ResizeObserver(() => refit());
      resize.observe(host.current);

      const input = new LineInput();
      const typing = terminal.onData((data) => {
        const result = input.handle(data);
        if (result.echo) terminal.write(result.echo);
        for (const line of result.lines) handlers.current.onLine(line);
        if (result.interrupt) handlers.current.onInterrupt();
      });
      const detach = feed.attach((text) => terminal.write(text));

      return () => {
        detach();
        typing.dispose();
        resize.disconnect();
        terminal.dispose();
        terminalRef.current = null;
      };
    },
    [feed],
  );

  useEffect(
    function followPageTheme() {
      if (terminalRef.current) terminalRef.current.options.theme = XTERM_THEMES[theme];
    },
    [theme],
  );

  return <div ref={host} className="xterm-host" />;
}
