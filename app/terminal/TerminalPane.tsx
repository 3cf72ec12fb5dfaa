/**
 * The terminal, in two tabs as TutorialKit and VS Code have them: "Run output" (what Run starts:
 * its command line, output and exit; typing goes to the program's stdin) and "Shell" (a real
 * shell in the workspace, started when first opened). Run's output keeps a tab of its own so a
 * learner's shell session never buries it, and pressing Run brings it to the front.
 */
import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TerminalFeed } from './terminal-feed.ts';
import type { ShellSession } from './shell-session.ts';
import { Button } from '../components/Button.tsx';
import '../styles/terminal-tabs.css';

const XtermView = lazy(() => import('./XtermView.tsx'));

interface Props {
  feed: TerminalFeed;
  onLine(line: string): void;
  onInterrupt(): void;
  /** The runtime's shell, once the runtime is ready. */
  shell: ShellSession | null;
  /** True while Run's program is starting or running: a new run shows its output. */
  running: boolean;
}

type Tab = 'run' | 'shell';
const TABS: { id: Tab; label: string }[] = [
  { id: 'run', label: 'Run output' },
  { id: 'shell', label: 'Shell' },
];

export function TerminalPane({ feed, onLine, onInterrupt, shell, running }: Props) {
  const [tab, setTab] = useState<Tab>('run');
  const [shellOpened, setShellOpened] = useState(false);
  const tabs = useRef<Record<Tab, HTMLButtonElement | null>>({ run: null, shell: null });

  useEffect(
    function showRunOutputWhenRunStarts() {
      if (running) setTab('run');
    },
    [running],
  );

  const choose = (next: Tab) => {
    setTab(next);
    if (next === 'shell') setShellOpened(true);
  };
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next: Tab = tab === 'run' ? 'shell' : 'run';
    choose(next);
    tabs.current[next]?.focus();
  };
  const clear = () => (tab === 'run' ? feed : shell?.feed)?.clear();

  return (
    <section className="pane terminal-pane" aria-label="Terminal">
      <div className="pane__bar terminal-pane__bar">
        <div className="terminal-tabs" role="tablist" aria-label="Terminal views" onKeyDown={onTabKey}>
          {TABS.map(({ id, label }) => (
            <button
              key={id}
              ref={(element) => void (tabs.current[id] = element)}
              type="button"
              role="tab"
              id={`terminal-tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`terminal-panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              className="terminal-tabs__tab"
              onClick={() => choose(id)}
            >
              {label}
            </button>
          ))}
        </div>
        <Button variant="quiet" className="button--small" onClick={clear}>
          Clear
        </Button>
      </div>
      <div className="terminal-pane__body" role="tabpanel" id="terminal-panel-run" aria-labelledby="terminal-tab-run" hidden={tab !== 'run'}>
        <Suspense fallback={<p className="terminal-placeholder">Loading the terminal…</p>}>
          <XtermView feed={feed} label="Run output input" input={{ kind: 'lines', onLine, onInterrupt }} />
        </Suspense>
      </div>
      <div
        className="terminal-pane__body"
        role="tabpanel"
        id="terminal-panel-shell"
        aria-labelledby="terminal-tab-shell"
        aria-describedby="terminal-shell-keys"
        hidden={tab !== 'shell'}
      >
        <p id="terminal-shell-keys" className="visually-hidden">
          Tab completes in the shell. Press Escape, then Tab, to move on.
        </p>
        {shellOpened && shell ? (
          <Suspense fallback={<p className="terminal-placeholder">Loading the terminal…</p>}>
            <XtermView
              feed={shell.feed}
              label="Shell input"
              autoFocus
              input={{ kind: 'raw', onData: (data) => shell.input(data), onResize: (size) => shell.open(size) }}
            />
          </Suspense>
        ) : (
          <p className="terminal-placeholder">{shell ? 'Starting a shell…' : 'The shell starts once the runtime is ready.'}</p>
        )}
      </div>
    </section>
  );
}
