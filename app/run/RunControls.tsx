/**
 * Run (which reads Restart while the program runs: after an edit that is what a learner wants),
 * Stop, and what the run is doing, announced politely to screen readers. The Check button sits
 * in `checkSlot`, after Stop.
 */
import type { ReactNode } from 'react';
import type { RunSnapshot } from './run-store.ts';
import { Button } from '../components/Button.tsx';
import { RUN_SHORTCUT } from '../keyboard/run-shortcut.ts';
import { runStatus, type RuntimeReadiness } from './run-status.ts';
import '../styles/run-panels.css';

interface Props {
  runtime: RuntimeReadiness;
  snapshot: RunSnapshot;
  onRun(): void;
  onStop(): void;
  /** A check that shares the Run's network is running: it stopped the Run and gives it back when done, so Run waits. */
  checking?: boolean;
  checkSlot?: ReactNode;
  /** The run's environment panel, before Run: what Run will pass. */
  environmentSlot?: ReactNode;
}

export function RunControls({ runtime, snapshot, onRun, onStop, checking = false, checkSlot, environmentSlot }: Props) {
  const { run } = snapshot;
  const busy = snapshot.busy || checking;
  const ready = runtime === 'ready';
  const running = run.phase === 'starting' || run.phase === 'running';
  const status = runStatus(snapshot, runtime);
  return (
    <div className="run-controls" role="group" aria-label="Run your program">
      <p className="run-status" role="status">
        <span className={`run-status__dot run-status__dot--${status.tone}`} aria-hidden="true" />
        {status.text}
      </p>
      {environmentSlot}
      <Button variant="primary" unavailable={!ready || busy} onClick={onRun} title={`${running ? 'Restart' : 'Run'} your program (${RUN_SHORTCUT.label})`} aria-keyshortcuts={RUN_SHORTCUT.aria}>
        {running ? (
          <>
            <RestartIcon /> Restart
          </>
        ) : (
          <>
            <PlayIcon /> Run
          </>
        )}
      </Button>
      <Button unavailable={!ready || busy || !running} onClick={onStop}>
        <StopIcon /> Stop
      </Button>
      {checkSlot}
    </div>
  );
}

const PlayIcon = () => (
  <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M4.5 2.8v10.4a.6.6 0 0 0 .9.5l8.2-5.2a.6.6 0 0 0 0-1L5.4 2.3a.6.6 0 0 0-.9.5Z" fill="currentColor" />
  </svg>
);
const StopIcon = () => (
  <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <rect x="3.5" y="3.5" width="9" height="9" rx="1.5" fill="currentColor" />
  </svg>
);
const RestartIcon = () => (
  <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M13 8a5 5 0 1 1-1.6-3.7M13 2.5v3h-3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);
