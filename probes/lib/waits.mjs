// Waiting on a run without fixed sleeps: poll its observer log (and, for programs that are not
// node, a TCP connect) with backoff, and stop as soon as the answer is known.
import { allSettled, isStreamServer, listeners, serverOn } from './observer-log.mjs';
import { pollUntil } from './poll.mjs';
import { reachable } from './tcp.mjs';

/** How long the list of listen() calls must stay unchanged before "it listened elsewhere" is final. */
const QUIET_MS = 250;

/**
 * Waits until the server listens on `port` (or on anything, when port is null).
 * @returns {Promise<{ state: 'listening'|'elsewhere'|'exited'|'timeout'|'spawn-error', server?: object, summary: object, exit?: object }>}
 */
export async function waitReady(run, port, timeoutMs) {
  let lastCount = -1;
  let quietSince = Date.now();
  const result = await pollUntil(
    async () => {
      const exited = run.exitInfo;
      const summary = run.summary();
      if (run.spawnError) return { state: 'spawn-error', summary, exit: exited };
      // Listening on the port counts even if the process died right after: the port choice was
      // right, and whatever probes it next will find it gone and say so. (Checking the exit
      // first would make the answer depend on how fast we polled.)
      const server = port === null ? listeners(summary).find(isStreamServer) : serverOn(summary, port);
      if (server) return { state: 'listening', server, summary };
      // Without a socket table, a process the observer cannot see (a daemon whose parent has
      // exited, a program that is not node) is only found by knocking — before calling it exited.
      if (!summary.osTable && port !== null && (await reachable(port, 500)).ok) {
        // The program may have started and listened while we knocked: what the observer saw then
        // (which address it bound) wins over a bare connect, which says nothing about the address.
        const now = run.summary();
        return { state: 'listening', server: serverOn(now, port) ?? null, summary: now };
      }
      // A supervisor or a daemon may exit while the process it started goes on to listen.
      if (exited && !run.livesOn()) return { state: 'exited', summary, exit: exited };
      // Only servers a client could be sent to count here: the inspector's port or a UDP socket,
      // opened first, says nothing yet about where the server will listen.
      const streams = { ...summary, servers: summary.servers.filter(isStreamServer) };
      if (streams.servers.length !== lastCount) {
        lastCount = streams.servers.length;
        quietSince = Date.now();
      }
      if (port !== null && allSettled(streams) && Date.now() - quietSince >= QUIET_MS) return { state: 'elsewhere', summary };
      return undefined;
    },
    { timeoutMs, signal: run.ctx.signal },
  );
  return result.value ?? { state: 'timeout', summary: run.summary() };
}

/**
 * For runs that should end quickly (a bad PORT, a taken port): waits until the process exits,
 * listens somewhere, or `limitMs` pass since the program itself started or last called listen()
 * (npm and a busy machine do not eat into the limit; readyTimeoutMs caps the whole wait).
 * @returns {Promise<{ exit?: object, listening?: true, timedOut?: true }>}
 */
export async function waitExitOrListen(run, limitMs) {
  const cap = run.startedAt + Math.max(limitMs, run.ctx.readyTimeoutMs);
  const outcome = await pollUntil(
    () => {
      if (run.exitInfo) return { exit: run.exitInfo };
      const summary = run.summary();
      if (listeners(summary).length) return { listening: true };
      if (Date.now() > Math.min(cap, programStart(run, summary) + limitMs)) return { timedOut: true };
      return undefined;
    },
    { timeoutMs: Math.max(0, cap - Date.now()), signal: run.ctx.signal },
  );
  return outcome.value ?? { timedOut: true };
}

/**
 * When the learner's program itself started, for limits that count from there. A node program
 * that carries the observer has not run a line of its own until the observer says it started —
 * on a busy machine, or one without process groups where a check's processes share one slice of
 * the CPU, that can take seconds — so until then only the cap applies. Other programs count from
 * the spawn.
 */
function programStart(run, summary) {
  if (summary.lastStart) return Math.max(run.startedAt, summary.lastStart);
  return run.observerExpected ? Infinity : run.startedAt;
}
