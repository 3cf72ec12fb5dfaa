// graceful-shutdown: on SIGTERM the server stops accepting new connections, finishes the requests
// in flight, and exits 0 within 3 s (times check.json's timeoutScale). Two requests go to
// probe.slowPath (a path the lesson's server answers slowly) — one with `Connection: close`, one
// on a keep-alive connection the client keeps open afterwards, as a browser does — and SIGTERM is
// sent once the server has received both.
// (node's server.close() waits for an idle keep-alive connection to time out, 5 s by default,
// unless the server says `Connection: close` while draining or closes idle connections.)
import { Run } from '../lib/run.mjs';
import { runEnv } from '../lib/stub-upstream.mjs';
import { connectHost } from '../lib/observer-log.mjs';
import { curlFor, describeResponse, holdsOpenConnection, httpGet, keepAliveAgent } from '../lib/http-client.mjs';
import { notListening, observedLines } from '../lib/explain.mjs';
import { pollUntil } from '../lib/poll.mjs';
import { tryConnect } from '../lib/tcp.mjs';
import { describeExit, result, runDetails, secondsText } from '../lib/results.mjs';
import { exitBeforeClose } from '../lib/advice.mjs';

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
      const agent = keepAliveAgent();
      let answeredAt = 0;
      let keptAnsweredAt = 0;
      const inFlight = httpGet({ host, port, path: slowPath, timeoutMs: 10000 }).then((response) => ((answeredAt = Date.now()), response));
      const keptAlive = httpGet({ host, port, path: slowPath, timeoutMs: 10000, agent }).then((response) => ((keptAnsweredAt = Date.now()), response));
      const arrived = await pollUntil(() => (received(run, slowPath) >= 2 ? true : undefined), { timeoutMs: limit, signal: ctx.signal });
      const steps = [`GET ${slowPath} sent twice (Connection: close, and keep-alive)${arrived.timedOut ? ` (the server received ${received(run, slowPath)} of them)` : ', both received by the server'}`];
      const sentAt = Date.now();
      run.signal('SIGTERM');
      steps.push('SIGTERM sent');
      const both = Promise.all([inFlight, keptAlive]);
      const watch = await watchRefusal(host, port, run, both, limit, ctx.signal);
      const refusedAt = watch.refusedAt;
      const [response, keptResponse] = await both;
      const exit = await run.waitExit(Math.max(0, limit - (Date.now() - sentAt)));
      const exitedAfter = Date.now() - sentAt;
      const heldOpen = !exit && holdsOpenConnection(agent);
      agent.destroy();
      const NOT_REFUSED = { exited: 'not refused before the process ended', finished: 'still accepted until the request in flight ended', deadline: `still accepted ${secondsText(limit)} after SIGTERM` };
      steps.push(`new connections: ${refusedAt ? `refused ${refusedAt - sentAt} ms after SIGTERM` : NOT_REFUSED[watch.why]}`);
      steps.push(`GET ${slowPath} (Connection: close) → ${describeResponse(response)}${answeredAt ? ` (${answeredAt - sentAt} ms after SIGTERM)` : ''}`);
      steps.push(`GET ${slowPath} (keep-alive) → ${describeResponse(keptResponse)}${keptAnsweredAt ? ` (${keptAnsweredAt - sentAt} ms after SIGTERM)` : ''}${keptResponse.headers?.connection === 'close' ? ', with Connection: close' : ''}`);
      steps.push(exit ? `process ${describeExit(exit)}` : `still running ${secondsText(limit)} after SIGTERM${heldOpen ? ', the keep-alive connection still open' : ''}`);
      const details = { ...runDetails(run), curl: curlFor(port, slowPath), steps, expected: `stop accepting, finish the requests in flight, exit 0 within ${secondsText(limit)}`, observed: observedLines(run.summary()) };
      const requests = [{ answer: response, which: `GET ${slowPath}` }, { answer: keptResponse, which: `GET ${slowPath} on a keep-alive connection` }];
      const cut = requests.find(({ answer }) => answer.error || answer.status < 200 || answer.status > 299);
      if (cut) {
        const { answer: bad, which } = cut;
        const why = exit?.signal === 'SIGTERM' ? ' Without a SIGTERM handler, node just dies.' : exit ? ` It ${describeExit(exit)} before answering: exit only once server.close() calls back.` : '';
        const early = exit && !exit.signal ? exitBeforeClose(ctx) : undefined;
        const lead = early ? ` ${early.file}:${early.line} exits before server.close() has let it finish.` : why;
        return result(this.id, 'fail', `On SIGTERM the request in flight (${which}) was cut off: ${bad.error?.message ?? `it answered ${bad.status}`}.${lead}`, { ...details, hint: "process.on('SIGTERM', () => server.close(() => process.exit(0))) lets requests in flight finish.", ...early });
      }
      if (!refusedAt) return result(this.id, 'fail', 'After SIGTERM your server kept accepting new connections while it finished the requests in flight. Call server.close() first, so the router stops sending traffic.', details);
      if (!exit && heldOpen) {
        return result(this.id, 'timeout', `Your server answered both requests but was still running ${secondsText(limit)} after SIGTERM: the keep-alive connection stayed open, so server.close() had not called back; it was killed.`, { ...details, hint: "While draining, answer with the header Connection: close (response.setHeader('connection', 'close')), or call server.closeIdleConnections() once the requests have finished." });
      }
      if (!exit) return result(this.id, 'timeout', `Your server finished the requests but was still running ${secondsText(limit)} after SIGTERM; it was killed.`, { ...details, hint: 'Something keeps the process alive (a timer, an open connection); exit once server.close() calls back.' });
      if (exit.code !== 0) return result(this.id, 'fail', `After SIGTERM your server ${describeExit(exit)}; a clean shutdown exits with code 0.`, details);
      return result(this.id, 'pass', `On SIGTERM it refused new connections, finished both requests to ${slowPath} (one on a keep-alive connection), and exited with code 0 ${(exitedAfter / 1000).toFixed(1)} s after SIGTERM.`, details);
    } finally {
      await run.stop();
    }
  },
};

/** How many requests to `path` the server has (for a program the observer cannot see: all sent). */
function received(run, path) {
  const summary = run.summary();
  if (!summary.observed) return Infinity;
  return summary.requests.filter((r) => r.url === path || r.url.startsWith(`${path}?`)).length;
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
