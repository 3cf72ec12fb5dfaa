import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { restartDecision, SaveRestart, type RestartDecision } from './save-restart.ts';
import type { RunPhase } from './previews.ts';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** A SaveRestart whose decision the test sets, counting restarts. */
function setUp(delayMs = 300) {
  const state = { decision: 'restart' as RestartDecision, restarts: 0, asked: 0 };
  const saves = new SaveRestart(
    () => {
      state.asked += 1;
      return state.decision;
    },
    () => void (state.restarts += 1),
    delayMs,
  );
  return { saves, state };
}

describe('SaveRestart', () => {
  it('restarts once, after the delay, for a burst of saves', () => {
    const { saves, state } = setUp();
    saves.saved();
    vi.advanceTimersByTime(200);
    saves.saved();
    vi.advanceTimersByTime(200);
    saves.saved();
    vi.advanceTimersByTime(299);
    expect(state.restarts).toBe(0);
    vi.advanceTimersByTime(1);
    expect(state.restarts).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(state.restarts).toBe(1);
  });

  it('asks when the delay is over, so a server stopped meanwhile is not started again', () => {
    const { saves, state } = setUp();
    saves.saved();
    state.decision = 'skip';
    vi.advanceTimersByTime(300);
    expect(state).toMatchObject({ asked: 1, restarts: 0 });
    vi.advanceTimersByTime(10_000);
    expect(state.asked).toBe(1);
  });

  it('while Run is busy, asks again after another delay and restarts once it is free', () => {
    const { saves, state } = setUp();
    state.decision = 'wait';
    saves.saved();
    vi.advanceTimersByTime(600);
    expect(state).toMatchObject({ asked: 2, restarts: 0 });
    state.decision = 'restart';
    vi.advanceTimersByTime(300);
    expect(state).toMatchObject({ asked: 3, restarts: 1 });
  });

  it('a restart still waiting is forgotten on cancel', () => {
    const { saves, state } = setUp();
    saves.saved();
    saves.cancel();
    vi.advanceTimersByTime(10_000);
    expect(state).toMatchObject({ asked: 0, restarts: 0 });
  });
});

describe('restartDecision', () => {
  const running: RunPhase = { phase: 'running', port: 41873, opened: [41873], stuck: false };
  it.each([
    ['a running server restarts', running, false, false, 'restart'],
    ['one still starting restarts too (the save is newer than what it started with)', { phase: 'starting', port: 41873 } as RunPhase, false, false, 'restart'],
    ['nothing running: nothing to restart', { phase: 'idle' } as RunPhase, false, false, 'skip'],
    ['stopped or exited: the learner starts it again', { phase: 'exited', port: 41873, code: 143, opened: [], stoppedByLearner: true } as RunPhase, false, false, 'skip'],
    ['Run busy (a restart or a stop in progress): ask again later', running, true, false, 'wait'],
    ['a check holds the Run: it restores it with the saved files', running, false, true, 'skip'],
  ])('%s', (_name, run, busy, checkHoldsRun, decision) => {
    expect(restartDecision({ run, busy }, checkHoldsRun)).toBe(decision);
  });
});
