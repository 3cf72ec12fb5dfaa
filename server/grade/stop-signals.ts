/**
 * Ctrl+C, SIGTERM and a closed terminal all mean "stop": the signal aborts every check (each
 * harness stops what it started, each temp copy is removed in a finally), and the process exits
 * on its own once that is done. Later signals are absorbed instead of killing us half-way
 * through the clean-up, which is what leaves temp copies behind.
 */
import { constants } from 'node:os';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function onStopSignal() {
  const controller = new AbortController();
  let received: (typeof STOP_SIGNALS)[number] | undefined;
  for (const name of STOP_SIGNALS) {
    process.on(name, () => {
      if (received) return;
      received = name;
      process.stderr.write(`\ngrade: ${name} received; stopping the checks and removing their copies…\n`);
      controller.abort();
    });
  }
  return {
    signal: controller.signal,
    /** 128 + the signal's number, as a shell reports a process ended by it. */
    exitCode: () => 128 + (received ? constants.signals[received] : 0),
  };
}
