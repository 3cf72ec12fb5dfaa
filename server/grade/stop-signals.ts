/**
 * Ctrl+C, SIGTERM, a closed terminal and the loss of the process that started us all mean
 * "stop": every check is aborted (each harness stops what it started, each temp copy is removed
 * in a finally), and the process exits on its own once that is done. Later signals are absorbed
 * instead of killing us half-way through the clean-up, which is what leaves temp copies behind.
 */
import { constants } from 'node:os';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How often to look whether our parent is gone (npm's shell dies on SIGTERM without passing it on). */
const PARENT_POLL_MS = 300;

export function onStopSignal() {
  const controller = new AbortController();
  let received: (typeof STOP_SIGNALS)[number] | undefined;
  const stop = (name: (typeof STOP_SIGNALS)[number], why: string) => {
    if (received) return;
    received = name;
    process.stderr.write(`\ngrade: ${why}; stopping the checks and removing their copies…\n`);
    controller.abort();
  };
  for (const name of STOP_SIGNALS) process.on(name, () => stop(name, `${name} received`));
  const parent = process.ppid;
  const watch = setInterval(() => process.ppid !== parent && stop('SIGHUP', 'the program that started grade (npm?) has gone'), PARENT_POLL_MS);
  watch.unref();
  return {
    signal: controller.signal,
    /** 128 + the signal's number, as a shell reports a process ended by it. */
    exitCode: () => 128 + (received ? constants.signals[received] : 0),
  };
}
