// graceful-shutdown: on SIGTERM the server stops accepting new connections, finishes the request
// in flight, and exits 0 within 3 s (times check.json's timeoutScale). The request in flight goes
// to probe.slowPath (a path the lesson's server answers slowly); SIGTERM is sent once the server
// has received it.
import { Run } from '../lib/run.mjs';
import { runEnv } from '../lib/stub-upstream.mjs';
import { connectHost } from '../lib/observer-log.mjs';
import { curlFor, describeResponse, httpGet } from '../lib/http-client.mjs';
import { notListening, observedLines } from '../lib/explain.mjs';
import { pollUntil } from '../lib/poll.mjs';
import { tryConnect } from '../lib/tcp.mjs';
import { describeExit, result, runDetails, secondsText } from '../lib/results.mjs';

const LIMIT_MS = 3000;

export default {
  id: 'graceful-shutdown',
  kind: 'run',
  async check(ctx) {
    const slowPath = ctx.probe.slowPath;
    if (!slowPath) return result(this.id, 'error', 'This lesson does not name a slow path to keep a request in flight (probe.slowPath), so graceful-shutdown cannot be checked. This is a problem in the lesson, not in your code.');
    const port = await ctx.ports.allocate();
    const run = new Run(ctx, { env: await runEnv(ctx, port), label: 'shutdown' });
    const limit = ctx.scaled(LIMIT_MS);
    try {
      const ready = await run.waitReady(port, ctx.readyTimeoutMs);
      if (ready.state !== 'listening') return notListening(ctx, this.id, run, port, ready);
      const host = connectHost(ready.server?.listening?.address);
      let answeredAt = 0;
      const inFlight = httpGet({ host, port, path: slowPath, timeoutMs: 10000 }).then((response) => ((answeredAt = Date.now()), response));
      const arrived = await pollUntil(() => (received(run, slowPath) ? true : undefined), { timeoutMs: limit, signal: ctx.signal });
      const steps = [`GET ${slowPath} sent${arrived.timedOut ? ' (the server never received it)' : ' and received by the server'}`];
      const sentAt = Date.now();
      run.signal('SIGTERM');
      steps.push('SIGTERM sent');
      const watch = await watchRefusal(host, port, run, inFlight, limit, ctx.signal);
      const refusedAt = watch.refusedAt;
      const response = await inFlight;
      const exit = await run.waitExit(Math.max(0, limit - (Date.now() - sentAt)));
      const exitedIn = Date.now() - sentAt;
      const NOT_REFUSED = { exited: 'not refused before the process ended', finished: 'still accepted until the request in flight ended', deadline: `still accepted ${secondsText(limit)} after SIGTERM` };
      steps.push(`new connections: ${refusedAt ? `refused ${refusedAt - sentAt} ms after SIGTERM` : NOT_REFUSED[watch.why]}`);
      steps.push(`GET ${slowPath} → ${describeResponse(response)}${answeredAt ? ` (${answeredAt - sentAt} ms after SIGTERM)` : ''}`);
      steps.push(exit ? `process ${describeExit(exit)}` : `still running ${secondsText(limit)} after SIGTERM`);
      const details = { ...runDetails(run), curl: curlFor(port, slowPath), steps, expected: `stop accepting, finish the request in flight, exit 0 within ${secondsText(limit)}`, observed: observedLines(run.summary()) };
      if (response.error || response.status < 200 || response.status > 299) {
        const why = exit?.signal === 'SIGTERM' ? ' Without a SIGTERM handler, node just dies.' : '';
        return result(this.id, 'fail', `On SIGTERM the request in flight (GET ${slowPath}) was cut off: ${response.error?.message ?? `it answered ${response.status}`}.${why}`, { ...details, hint: "process.on('SIGTERM', () => server.close(() => process.exit(0))) lets requests in flight finish." });
      }
      if (!refusedAt) return result(this.id, 'fail', 'After SIGTERM your server kept accepting new connections while it finished the request in flight. Call server.close() first, so the router stops sending traffic.', details);
      if (!exit) return result(this.id, 'timeout', `Your server finished the request but was still running ${secondsText(limit)} after SIGTERM; it was killed.`, { ...details, hint: 'Something keeps the process alive (a timer, an open connection); exit once server.close() calls back.' });
      if (exit.code !== 0) return result(this.id, 'fail', `After SIGTERM your server ${describeExit(exit)}; a clean shutdown exits with code 0.`, details);
      return result(this.id, 'pass', `On SIGTERM it refused new connections, finished GET ${slowPath}, and exited with code 0 ${secondsText(exitedIn)} after SIGTERM.`, details);
    } finally {
      await run.stop();
    }
  },
};

/** True once the server has the request (for a program the observer cannot see: once it was sent). */
function received(run, path) {
  const summary = run.summary();
  if (!summary.observed) return true;
  return summary.requests.some((r) => r.url === path || r.url.startsWith(`${path}?`));
}

/** Tries new connections until one is refused, the request in flight ends, or the process exits. */
async function watchRefusal(host, port, run, inFlight, limitMs, signal) {
  let finished = false;
  void inFlight.then(() => (finished = true));
  const found = await pollUntil(
    async () => {
      const attempt = await tryConnect(host, port, 500);
      if (run.exitInfo) return { why: 'exited' };
      if (!attempt.ok) return { refusedAt: Date.now(), why: 'refused' };
      return finished ? { why: 'finished' } : undefined;
    },
    { timeoutMs: limitMs, signal, firstMs: 10, maxMs: 50 },
  );
  return found.value ?? { why: 'deadline' };
}
