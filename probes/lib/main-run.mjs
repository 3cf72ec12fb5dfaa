// The main run: the learner's command with PORT=p, shared by the rules that only need to talk to
// a running server (responds-http, uses-env-port, websocket-echo, tcp-protocol). It is also the
// gate: when it never calls listen() at all, the server "never started" and that is said once.
import { Run } from './run.mjs';
import { runEnv } from './stub-upstream.mjs';
import { claimsListening, crashFacts, unavailablePackage, unavailableResult } from './explain.mjs';
import { describeExit, result, runDetails } from './results.mjs';

/** How long after readiness a rule about "no other port" keeps watching (before the check's timeout scale). */
export const WATCH_MS = 2500;

export async function startMainRun(ctx) {
  const port = await ctx.ports.allocate();
  const run = new Run(ctx, { env: await runEnv(ctx, port), label: 'main' });
  const ready = await run.waitReady(port, ctx.readyTimeoutMs);
  return { run, port, ready, readyAt: Date.now() };
}

/**
 * The watch window: long enough to see an admin port opened 2 s after start-up or a worker that
 * listens a moment later, scaled like every other window of the check on a slow machine.
 */
export function watchWindowMs(ctx) {
  return ctx.scaled(WATCH_MS);
}

/** True when the program ended or stalled without ever calling listen() (the inspector and UDP clients do not count). */
export function neverStarted(ready) {
  return ready.state !== 'listening' && ready.state !== 'elsewhere' && !ready.summary.servers.some((s) => !s.implicit && s.kind !== 'inspector');
}

/** The one result that explains a server that never started; the other rules are skipped. */
export function neverStartedResult(ctx, id, { run, ready, port }) {
  const details = { ...runDetails(run), expected: 'the server keeps running and calls listen()', neverStarted: true };
  if (ready.state === 'spawn-error') {
    return result(id, 'error', `The check could not start "${ctx.command}": ${ready.exit?.spawnError}. This is a problem with the environment, not with your code.`, details);
  }
  if (ready.state === 'timeout') {
    const seconds = ctx.readyTimeoutMs / 1000;
    const said = claimsListening(run.output().text);
    if (said) {
      // Its own output says it is listening: do not call it stuck. Say what was and was not seen.
      if (!ready.summary.osTable) {
        return result(id, 'error', `Your program printed "${said}", but nothing answered on PORT=${port} within ${seconds} s, and Portside could not see where its processes listen: no listen() reached its observer and this system has no socket table to look in. So whether and where your server started could not be checked. This is a limit of the environment, not a problem in your code.`, details);
      }
      return result(id, 'timeout', `Your program printed "${said}", but after ${seconds} s none of its processes was listening: Portside saw no listen() call and nothing in the system's socket table, so it was stopped.`, details);
    }
    const what = ready.summary.observed ? 'it had not called listen()' : 'nothing was listening';
    return result(id, 'timeout', `Your server never started: ${what} after ${seconds} s, so it was stopped. Something before listen() may be stuck in a loop or waiting.`, details);
  }
  const exit = ready.exit;
  const missing = unavailablePackage(ctx, run);
  if (missing) return unavailableResult(ctx, id, run, missing, details);
  const crash = crashFacts(ctx, run);
  if (exit.code === 0) {
    return result(id, 'fail', 'Your server never started: it ran to the end and exited with code 0 without calling listen(). A server must listen on PORT and keep running.', details);
  }
  const why = crash.error ? `: ${crash.error}` : '.';
  const where = crash.location ? ` (${crash.location.file}:${crash.location.line})` : '';
  return result(id, 'fail', `Your server never started: it crashed — ${describeExit(exit)} before it called listen()${why}${where}`, { ...details, ...crash.location, crashed: true });
}

