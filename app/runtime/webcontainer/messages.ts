/** What the WebContainer runtime tells the learner, kept together so the wording stays consistent. */

export const PROGRESS = {
  waitingForTap: 'tap or click anywhere to start the sandbox…',
  booting: 'starting the sandbox…',
  packages: 'preparing packages…',
  server: 'starting your server…',
  restarting: 'a process did not stop when asked, so Portside is restarting the sandbox…',
  restarted: 'the sandbox was restarted and your files are back',
} as const;

/** 20000 → "20 seconds", 1500 → "1.5 seconds", 300 → "300 ms" (tests use short timeouts). */
export function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const value = Math.round(ms / 100) / 10;
  return `${value} second${value === 1 ? '' : 's'}`;
}

/** `boot()` never rejects when StackBlitz is unreachable; this is what the learner reads instead. */
export function bootTimeoutMessage(ms: number): string {
  return (
    `The in-browser sandbox did not start within ${duration(ms)}. Its engine is downloaded from StackBlitz ` +
    '(stackblitz.com) and that did not work: you may be offline, or a firewall, an ad blocker or a privacy ' +
    'setting (blocked third-party cookies or site data, Brave Shields) may be stopping it. Check your ' +
    'connection or allow stackblitz.com for this site, then reload the page.'
  );
}

export function bootFailedMessage(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `The in-browser sandbox could not start: ${reason}. Reload the page to try again.`;
}

/**
 * Written into the terminal of the process that would not stop. It waited `graceMs`: longer than a
 * slow clean-up takes (the check harness needs up to 3 s to stop what it started), so what is left
 * is a loop that never lets Node handle the signal, and only a new sandbox ends that.
 */
export function stuckProcessNote(graceMs: number): string {
  return (
    `\r\n[Portside] A process did not stop when asked: it was still running ${duration(graceMs)} later, longer than ` +
    'any clean-up takes, so it is probably stuck in a loop that never lets Node do anything else. Only restarting ' +
    'the sandbox can end it, so Portside did that; your files are safe.\r\n'
  );
}

/** Written into the terminal of the other processes that the restart ended: not their fault. */
export const ENDED_BY_RESTART_NOTE =
  '\r\n[Portside] This process was ended because the sandbox had to restart: another process did not stop when asked.\r\n';

export const DISPOSED_MESSAGE = 'This sandbox was shut down; start a new one.';
