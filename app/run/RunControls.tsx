/**
 * Run, Stop and Restart, and what the run is doing, announced politely to screen readers.
 * The Check button sits in `checkSlot`, after Restart.
 */
import type { ReactNode } from 'react';
import type { RunSnapshot } from './run-store.ts';
import { Button } from '../components/Button.tsx';
import { RUN_SHORTCUT } from '../keyboard/run-shortcut.ts';

interface Props {
  runtime: 'starting' | 'ready' | 'failed';
  snapshot: RunSnapshot;
  onRun(): void;
  onStop(): void;
  onRestart(): void;
  /** A check is running: it stopped the Run and gives it back when done, so Run waits. */
  checking?: boolean;
  checkSlot?: ReactNode;
}

export function RunControls({ runtime, snapshot, onRun, onStop, onRestart, checking = false, checkSlot }: Props) {
  const { run } = snapshot;
  const busy = snapshot.busy || checking;
  const ready = runtime === 'ready';
  const running = run.phase === 'starting' || run.phase === 'running';
  return (
    <div className="run-controls" role="group" aria-label="Run your program">
      <p className="run-status" role="status">
        <span className={`run-status__dot run-status__dot--${statusTone(snapshot, ready)}`} aria-hidden="true" />
        {statusText(snapshot, runtime)}
      </p>
      <Button variant="primary" unavailable={!ready || busy || running} onClick={onRun} title={`Run your program (${RUN_SHORTCUT.label})`} aria-keyshortcuts={RUN_SHORTCUT.aria}>
        <PlayIcon /> Run
      </Button>
      <Button unavailable={!ready || busy || !running} onClick={onStop}>
        <StopIcon /> Stop
      </Button>
      <Button unavailable={!ready || busy || !running} onClick={onRestart}>
        <RestartIcon /> Restart
      </Button>
      {checkSlot}
    </div>
  );
}

function statusText({ run, busy, error }: RunSnapshot, runtime: Props['runtime']): string {
  if (runtime === 'starting') return 'Waiting for the runtime';
  if (runtime === 'failed') return 'No runtime';
  if (error) return 'Could not start';
  switch (run.phase) {
    case 'idle':
      return busy ? 'Starting…' : 'Not running';
    case 'starting':
      return `Starting on PORT ${run.port}…`;
    case 'running':
      return busy ? 'Stopping…' : `Running · PORT ${run.port}`;
    case 'exited':
      return busy ? 'Starting…' : run.stoppedByLearner ? 'Stopped' : `Exited with code ${run.code}`;
  }
}

function statusTone({ run, error }: RunSnapshot, ready: boolean): string {
  if (!ready) return 'idle';
  if (error || (run.phase === 'exited' && !run.stoppedByLearner && run.code !== 0)) return 'error';
  if (run.phase === 'running') return 'running';
  if (run.phase === 'starting') return 'starting';
  return 'idle';
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
