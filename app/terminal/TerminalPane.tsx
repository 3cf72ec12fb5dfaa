/**
 * The terminal: the server's output and exit codes. What the learner types goes to the running
 * program's stdin, or, when nothing runs, is run as a command in the workspace (`npm install x`).
 */
import { lazy, Suspense } from 'react';
import type { TerminalFeed } from './terminal-feed.ts';
import { Button } from '../components/Button.tsx';

const XtermView = lazy(() => import('./XtermView.tsx'));

interface Props {
  feed: TerminalFeed;
  onLine(line: string): void;
  onInterrupt(): void;
}

/** ESC c: xterm's full reset, which clears the screen and the scrollback. */
const CLEAR = '\x1bc';

export function TerminalPane({ feed, onLine, onInterrupt }: Props) {
  return (
    <section className="pane terminal-pane" aria-label="Terminal">
      <div className="pane__bar terminal-pane__bar">
        <h2 className="pane__title">Terminal</h2>
        <Button variant="quiet" className="button--small" onClick={() => feed.write(CLEAR)}>
          Clear
        </Button>
      </div>
      <div className="terminal-pane__body">
        <Suspense fallback={<p className="terminal-placeholder">Loading the terminal…</p>}>
          <XtermView feed={feed} onLine={onLine} onInterrupt={onInterrupt} />
        </Suspense>
      </div>
    </section>
  );
}
