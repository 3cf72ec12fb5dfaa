import { describe, expect, it } from 'vitest';
import { IDLE_RUN, type RunSnapshot } from './run-store.ts';
import { runStatus, type RuntimeReadiness, type RunStatus } from './run-status.ts';

const snap = (change: Partial<RunSnapshot>): RunSnapshot => ({ ...IDLE_RUN, ...change });

describe('the run status', () => {
  it.each<[string, RunSnapshot, RuntimeReadiness, RunStatus]>([
    ['before the runtime is there', IDLE_RUN, 'starting', { text: 'Waiting for the runtime', tone: 'idle' }],
    ['without a runtime', IDLE_RUN, 'failed', { text: 'No runtime', tone: 'idle' }],
    ['nothing run yet', IDLE_RUN, 'ready', { text: 'Not running', tone: 'idle' }],
    ['a start that failed', snap({ error: 'Could not start your program: nope' }), 'ready', { text: 'Could not start', tone: 'error' }],
    ['starting with a PORT', snap({ run: { phase: 'starting', port: 41873 } }), 'ready', { text: 'Starting with PORT 41873…', tone: 'starting' }],
    ['starting as on a laptop', snap({ run: { phase: 'starting', port: null } }), 'ready', { text: 'Starting with no PORT…', tone: 'starting' }],
    ['running', snap({ run: { phase: 'running', port: 41873, opened: [41873], stuck: false } }), 'ready', { text: 'Running · PORT 41873', tone: 'running' }],
    ['running without PORT', snap({ run: { phase: 'running', port: null, opened: [3000], stuck: false } }), 'ready', { text: 'Running · no PORT', tone: 'running' }],
    ['stuck before listen()', snap({ run: { phase: 'running', port: 41873, opened: [], stuck: true } }), 'ready', { text: 'Running · not listening yet (PORT 41873)', tone: 'warning' }],
    ['stopping', snap({ busy: true, run: { phase: 'running', port: 1, opened: [], stuck: false } }), 'ready', { text: 'Stopping…', tone: 'starting' }],
    ['exited 127 (both instances of lesson 13)', snap({ run: { phase: 'exited', port: 1, code: 127, opened: [], stoppedByLearner: false } }), 'ready', { text: 'Exited with code 127', tone: 'error' }],
    ['exited cleanly', snap({ run: { phase: 'exited', port: 1, code: 0, opened: [], stoppedByLearner: false } }), 'ready', { text: 'Exited with code 0', tone: 'idle' }],
    ['stopped by the learner', snap({ run: { phase: 'exited', port: 1, code: 143, opened: [1], stoppedByLearner: true } }), 'ready', { text: 'Stopped', tone: 'idle' }],
    ['restarting after an exit', snap({ busy: true, run: { phase: 'exited', port: 1, code: 1, opened: [], stoppedByLearner: false } }), 'ready', { text: 'Starting…', tone: 'starting' }],
  ])('%s', (_name, snapshot, runtime, expected) => {
    expect(runStatus(snapshot, runtime)).toEqual(expected);
  });
});
