/**
 * The words and colour of the run's status, pure so each case is a row of a table test. It says
 * "Running" only while the run is alive, and says so differently when it has not listened yet.
 */
import type { RunSnapshot } from './run-store.ts';

export type RuntimeReadiness = 'starting' | 'ready' | 'failed';
export type StatusTone = 'idle' | 'starting' | 'running' | 'warning' | 'error';

export interface RunStatus {
  text: string;
  tone: StatusTone;
}

export function runStatus({ run, busy, error }: RunSnapshot, runtime: RuntimeReadiness): RunStatus {
  if (runtime === 'starting') return { text: 'Waiting for the runtime', tone: 'idle' };
  if (runtime === 'failed') return { text: 'No runtime', tone: 'idle' };
  if (error) return { text: 'Could not start', tone: 'error' };
  const port = (p: number | null) => (p === null ? 'no PORT' : `PORT ${p}`);
  switch (run.phase) {
    case 'idle':
      return busy ? { text: 'Starting…', tone: 'starting' } : { text: 'Not running', tone: 'idle' };
    case 'starting':
      return { text: `Starting with ${port(run.port)}…`, tone: 'starting' };
    case 'running':
      if (busy) return { text: 'Stopping…', tone: 'starting' };
      if (run.stuck) return { text: `Running · not listening yet (${port(run.port)})`, tone: 'warning' };
      return { text: `Running · ${port(run.port)}`, tone: 'running' };
    case 'exited':
      if (busy) return { text: 'Starting…', tone: 'starting' };
      if (run.stoppedByLearner) return { text: 'Stopped', tone: 'idle' };
      return { text: `Exited with code ${run.code}`, tone: run.code === 0 ? 'idle' : 'error' };
  }
}
