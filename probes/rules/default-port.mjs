// default-port: with PORT unset, the server listens on the lesson's development default. The
// default is a fixed port, so the harness runs this last (after its own runs are gone) and locks
// the port across checks on this machine; a port held by another program is the check's problem.
import { Run } from '../lib/run.mjs';
import { isFree } from '../lib/ports.mjs';
import { runEnv } from '../lib/stub-upstream.mjs';
import { notListening, observedLines } from '../lib/explain.mjs';
import { result, runDetails, secondsText, withDetails } from '../lib/results.mjs';
import { missingFallback, wrongCase } from '../lib/advice.mjs';

/** How long to wait for other checks on this machine to release the default port (times timeoutScale). */
const LOCK_WAIT_MS = 20000;

export default {
  id: 'default-port',
  kind: 'run',
  last: true,
  async check(ctx) {
    const port = ctx.probe.defaultPort;
    if (!Number.isInteger(port)) {
      return result(this.id, 'error', 'This lesson does not say what its development default port is (probe.defaultPort), so default-port cannot be checked. This is a problem in the lesson, not in your code.');
    }
    const lockWaitMs = ctx.scaled(LOCK_WAIT_MS);
    if (!(await ctx.ports.lockFixed(port, { signal: ctx.signal, timeoutMs: lockWaitMs }))) {
      return result(this.id, 'error', `Another check kept port ${port} busy for more than ${secondsText(lockWaitMs)}, so the default could not be checked. Check again in a moment.`);
    }
    try {
      if (!(await isFree(port))) {
        return result(this.id, 'error', `Port ${port} is already in use by another program here (your own Run, or another server?), so the default could not be checked. Stop it and check again.`, { expected: `port ${port} free` });
      }
      const run = new Run(ctx, { env: await runEnv(ctx, undefined), unset: ['PORT'], label: 'default' });
      try {
        const ready = await run.waitReady(port, ctx.readyTimeoutMs);
        const taken = ready.summary.servers.some((s) => s.requested.port === port && s.error?.code === 'EADDRINUSE');
        if (taken) return result(this.id, 'error', `Port ${port} was taken by another program just as your server started, so the default could not be checked. Check again.`, runDetails(run));
        if (ready.state !== 'listening') {
          const outcome = notListening(ctx, this.id, run, port, ready, { what: 'With PORT unset' });
          const randomPort = ready.summary.servers.find((s) => (s.requested.port === null || s.requested.port === undefined) && s.listening);
          if (randomPort) outcome.message += ` listen() got no port, so the system picked a random one; fall back to ${port} when PORT is unset.`;
          const advice = randomPort ? missingFallback(ctx, port) ?? wrongCase(ctx) : wrongCase(ctx);
          return advice ? withDetails(outcome, advice) : outcome;
        }
        return result(this.id, 'pass', `With PORT unset, it listened on the development default ${port}.`, { ...runDetails(run), observed: observedLines(ready.summary) });
      } finally {
        await run.stop();
      }
    } finally {
      ctx.ports.release(port);
    }
  },
};
