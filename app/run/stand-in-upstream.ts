/**
 * The stand-in backing service Run starts for a backing-service lesson (lesson 9's QUOTES_URL),
 * as a process in the same runtime: probes/stand-in-upstream.mjs, the stub the check uses. Run
 * waits until it listens, so the learner's first request already finds it.
 */
import { probeFiles } from '../check/probe-files.ts';
import { workspacePath } from '../../probes/files.mjs';
import type { Runtime, RuntimeProcess } from '../runtime/types.ts';
import { commandLine } from '../terminal/transcript.ts';

const SCRIPT = workspacePath('stand-in-upstream.mjs');
const NEEDS = [SCRIPT, workspacePath('lib/stub-upstream.mjs')];
/** Long enough for a cold Node on a busy machine; after it, Run goes on and the app says what it sees. */
const LISTEN_WAIT_MS = 5000;

export interface StandIn {
  process: RuntimeProcess;
  port: number;
  url: string;
  /** The line the terminal prints for it, exactly as it was started. */
  line: string;
}

export async function startStandIn(runtime: Runtime, body: string | undefined): Promise<StandIn> {
  const all = await probeFiles();
  await runtime.writeFiles(Object.fromEntries(NEEDS.map((path) => [path, all[path] ?? ''])));
  const port = await runtime.freePort();
  const env: Record<string, string> = { PORT: String(port), ...(body === undefined ? {} : { UPSTREAM_BODY: body }) };
  let stopWaiting = () => {};
  const listening = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, LISTEN_WAIT_MS);
    const unsubscribe = runtime.onPort((event) => event.port === port && event.type === 'open' && resolve());
    stopWaiting = () => (clearTimeout(timer), unsubscribe());
  });
  const process = await runtime.spawn('node', [SCRIPT], { env });
  await Promise.race([listening, process.exit]);
  stopWaiting();
  // Its output (one "listening" line, or why it could not) goes to the terminal with Run's.
  return { process, port, url: `http://127.0.0.1:${port}`, line: commandLine(env, 'node', [SCRIPT]) };
}
