/**
 * Runs the harness in a prepared workspace with the host's node and reads its JSON lines. Used
 * by `npm run grade`, the lesson and fixture tests, and the bench: one code path for all.
 */
import { createInterface } from 'node:readline';
import { readEvent, type HarnessEvent, type RuleResult } from '../../probes/events.mjs';
import { HARNESS_COMMAND } from '../../probes/files.mjs';
import { spawnHarness, watchHarnessLimit } from '../sandbox/harness-spawn.ts';
import { SESSION_MEMORY_REACHED, TASK_LIMIT_REACHED, type Limit } from '../sandbox/limits.ts';
import { seedCapabilities } from './capabilities-seed.ts';

export type { HarnessEvent, RuleResult, RuleStatus } from '../../probes/events.mjs';

export interface HarnessOutcome {
  passed: boolean;
  results: RuleResult[];
  /** Set when the harness itself could not run (bad check.json, crash): its own words. */
  error?: string;
  exitCode: number | null;
}

export interface RunHarnessOptions {
  onEvent?: (event: HarnessEvent) => void;
  /** Cancels the check: SIGTERM to the harness, which stops everything it started. */
  signal?: AbortSignal;
  /** Extra environment for the harness (and so for the learner's processes it starts). */
  env?: Record<string, string>;
}

export async function runHarness(workspace: string, { onEvent = () => {}, signal, env = {} }: RunHarnessOptions = {}): Promise<HarnessOutcome> {
  await seedCapabilities(workspace, env); // measured once per host, not once per submission
  // Sandboxed, with a clean environment: never the teacher's own (server/sandbox/harness-spawn.ts).
  const child = await spawnHarness(workspace, HARNESS_COMMAND.args, env);
  let limitReached: Limit | null = null;
  await watchHarnessLimit(child, (limit) => (limitReached ??= limit));
  const cancel = () => child.kill('SIGTERM');
  signal?.addEventListener('abort', cancel, { once: true });
  const results: RuleResult[] = [];
  let order: string[] = [];
  let passed = false;
  let error: string | undefined;
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const event = readEvent(line);
    if (!event) return; // not ours; the harness only prints protocol lines
    if (event.type === 'start') order = event.rules;
    else if (event.type === 'result') results.push(event.result);
    else if (event.type === 'done') passed = event.passed;
    else if (event.type === 'error') error = event.message;
    onEvent(event);
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => {
      signal?.removeEventListener('abort', cancel);
      if (limitReached === 'tasks') error = `the submission ${TASK_LIMIT_REACHED}, so it was stopped`;
      if (limitReached === 'memory') error = `the submission ${SESSION_MEMORY_REACHED}`;
      if (exitCode !== 0 && exitCode !== 1 && !error) error = `the harness exited with code ${exitCode}${stderr ? `: ${stderr.trim()}` : ''}`;
      // In the lesson's order, not the order they finished in.
      results.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
      resolve({ passed: passed && !error, results, error, exitCode });
    });
  });
}
