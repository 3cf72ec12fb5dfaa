// backing-service-url: given an upstream URL in the env variable the lesson names, the server
// really calls it (the stub saw the request) and still works when the upstream moves to another
// URL with no code change. Two runs, each with its own stub on its own port, prove both at once.
import { Run } from '../lib/run.mjs';
import { startStub } from '../lib/stub-upstream.mjs';
import { connectHost } from '../lib/observer-log.mjs';
import { curlFor, describeResponse } from '../lib/http-client.mjs';
import { notListening, observedLines } from '../lib/explain.mjs';
import { describeExit, result, runDetails } from '../lib/results.mjs';
import { requestOnce } from '../lib/request-once.mjs';

export default {
  id: 'backing-service-url',
  kind: 'run',
  async check(ctx) {
    const name = ctx.probe.upstreamEnv;
    if (!name) return result(this.id, 'error', 'This lesson does not name the variable holding the upstream URL (probe.upstreamEnv), so backing-service-url cannot be checked. This is a problem in the lesson, not in your code.');
    const attempts = await Promise.all(['first', 'moved'].map(async (label) => {
      const stub = await startStub(ctx);
      const port = await ctx.ports.allocate();
      return { label, stub, port, run: new Run(ctx, { env: { PORT: String(port), [name]: stub.url }, label: 'upstream' }) };
    }));
    try {
      const verdicts = await Promise.all(attempts.map((attempt) => judge(ctx, this.id, attempt)));
      const steps = verdicts.map((v) => v.step);
      const bad = verdicts.find((v) => v.result);
      if (bad) return bad.result(steps);
      const [first, moved] = attempts;
      return result(this.id, 'pass', `It called the upstream at ${first.stub.url}, and with ${name} moved to ${moved.stub.url}, called it there: no code change needed.`, { steps });
    } finally {
      await Promise.all(attempts.flatMap(({ run, stub }) => [run.stop(), stub.stop()]));
    }
  },
};

async function judge(ctx, id, { label, stub, port, run }) {
  const name = ctx.probe.upstreamEnv;
  const path = ctx.probe.path;
  const what = `With ${name}=${stub.url}`;
  const ready = await run.waitReady(port, ctx.readyTimeoutMs);
  if (ready.state !== 'listening') {
    const failure = notListening(ctx, id, run, port, ready, { what: `${what} and PORT=${port}` });
    return { step: `${label}: ${what} → not listening on ${port}`, result: () => failure };
  }
  const { response, exit } = await requestOnce(run, { host: connectHost(ready.server?.listening?.address), port, path });
  const called = stub.requests.map((r) => `${r.method} ${r.url}`);
  const step = `${label}: ${what}, GET ${path} → ${describeResponse(response)}; the upstream saw ${called.length ? called.join(', ') : 'no request'}`;
  const fail = (status, message, extra = {}) => ({ step, result: (steps) => result(id, status, message, { ...runDetails(run), curl: curlFor(port, path), steps, expected: `a request to ${stub.url}, then a 2xx answer`, observed: observedLines(run.summary()), ...extra }) });
  if (exit) return fail('fail', `${what}, your server crashed while answering GET ${path}: it ${describeExit(exit)}.`, { crashed: true });
  if (!called.length) {
    const hardcoded = ctx.analysis.urlLiterals?.[0];
    return fail('fail', `${what}, your server never called the upstream. Read its URL from process.env.${name} instead of assuming where it is.`, hardcoded ? { file: hardcoded.file, line: hardcoded.line, column: hardcoded.column, snippet: hardcoded.snippet, hint: `${hardcoded.file}:${hardcoded.line} hardcodes ${hardcoded.value}.` } : {});
  }
  if (response.error || response.status < 200 || response.status > 299) return fail('fail', `${what}, your server called the upstream, but GET ${path} then ${response.error ? `got no answer: ${response.error.message}` : `answered ${response.status}`}.`);
  return { step };
}
