/**
 * "Restart on save": a save (Ctrl/Cmd+S, a file tree change) asks for a restart; saves close
 * together make one restart, after the last of them. Whether to restart is asked when the delay
 * is over, not at the save: by then the learner may have stopped the server. While Run is busy
 * (a restart or a stop in progress) it asks again after another delay, so a save is never lost
 * and never starts a server the learner just stopped.
 */
import type { RunSnapshot } from './run-store.ts';

/** What the debounce asks when its delay is over. */
export type RestartDecision = 'restart' | 'wait' | 'skip';

/**
 * Restart only a server that runs; wait while Run is busy. A check that stopped the Run gives it
 * back with the files as they are then, the saved ones, so it needs no restart of its own.
 */
export function restartDecision(snapshot: Pick<RunSnapshot, 'run' | 'busy'>, checkHoldsRun: boolean): RestartDecision {
  if (checkHoldsRun) return 'skip';
  if (snapshot.busy) return 'wait';
  return snapshot.run.phase === 'running' || snapshot.run.phase === 'starting' ? 'restart' : 'skip';
}

/** Long enough to fold a burst of saves (Ctrl+S pressed twice, a rename then a delete) into one. */
export const SAVE_RESTART_DELAY_MS = 300;

export class SaveRestart {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly decide: () => RestartDecision,
    private readonly restart: () => void,
    private readonly delayMs = SAVE_RESTART_DELAY_MS,
  ) {}

  /** The learner saved: restart after the delay, unless another save comes first. */
  saved(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.due(), this.delayMs);
  }

  /** Forgets a restart still waiting (the page moved on to another lesson, or unmounted). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private due(): void {
    this.timer = undefined;
    const decision = this.decide();
    if (decision === 'restart') this.restart();
    else if (decision === 'wait') this.saved();
  }
}
