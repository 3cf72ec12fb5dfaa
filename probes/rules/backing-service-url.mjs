// backing-service-url: given an upstream URL in the env variable the lesson names, the server
// really calls it (the stub saw the request, while a request of ours was being answered) and
// still works when the upstream moves to another URL with no code change. Two runs, each with its
// own stub on its own port, prove both at once. The page may reach the upstream through a route
// of its own (a script on it fetching /api/…): every same-server route the page names is tried.
// A third run has the variable unset: the page must still answer and say nothing is configured.
import { Run } from '../lib/run.mjs';
import { startStub } from '../lib/stub-upstream.mjs';
import { connectHost } from '../lib/observer-log.mjs';
import { curlFor, describeResponse, httpGet } from '../lib/http-client.mjs';
import { notListening, observedLines } from '../lib/explain.mjs';
import { describeExit, result, runDetails } from '../lib/results.mjs';
import { requestOnce } from '../lib/request-once.mjs';
import { pollUntil } from '../lib/poll.mjs';
import { pageRoutes } from '../lib/page-routes.mjs';

/** How long after our last answer a late call to the upstream is still noticed. */
const LATE_MS = 500;
/** Words a page uses to say a setting is missing: "not configured", "QUOTES_URL is not set", … */
const NOT_CONFIGURED = /\bnot\b[^.<]{0,40}\b(set|configured|defined|provided|available)\b|\bno\b[^.<]{0,40}\b(configured|set|defined|provided)\b|\bunset\b|\bmissing\b|\bunconfigured\b/i;

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
    const unsetPort = await ctx.ports.allocate();
    const unsetRun = new Run(ctx, { env: { PORT: String(unsetPort) }, unset: [name], label: 'upstream-unset' });
    try {
      const verdicts = await Promise.all([...attempts.map((attempt) => judge(ctx, this.id, attempt)), judgeUnset(ctx, this.id, unsetRun, unsetPort)]);
      const steps = verdicts.map((v) => v.step);
      const bad = verdicts.find((v) => v.result);
      if (bad) return bad.result(steps);
      const [first, moved] = attempts;
      return result(this.id, 'pass', `It called the upstream at ${first.stub.url}, and with ${name} moved to ${moved.stub.url}, called it there: no code change needed. With ${name} unset, the page said so.`, { steps });
    } finally {
      await Promise.all([unsetRun.stop(), ...attempts.flatMap(({ run, stub }) => [run.stop(), stub.stop()])]);
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
  const host = connectHost(ready.server?.listening?.address);
  /** Our requests, with when each was answered: a call to the stub during one is "in time". */
  const asked = [];
  const ask = async (route) => {
    const startedAt = Date.now();
    const { response, exit } = await requestOnce(run, { host, port, path: route });
    asked.push({ route, response, startedAt, endedAt: Date.now() });
    return { response, exit };
  };
  const { response, exit } = await ask(path);
  if (!exit && !stub.requests.length && !response.error) {
    // The page may reach the upstream through a route of its own: try every one it names.
    for (const route of await pageRoutes({ host, port, path, body: response.body ?? '' })) {
      if (stub.requests.length || run.exitInfo) break;
      await ask(route);
    }
  }
  const lastEnd = Math.max(...asked.map((a) => a.endedAt));
  await pollUntil(() => (stub.requests.length ? true : undefined), { timeoutMs: LATE_MS, signal: ctx.signal });
  const inTime = stub.requests.filter((r) => asked.some((a) => r.at >= a.startedAt && r.at <= a.endedAt));
  const late = stub.requests.filter((r) => r.at > lastEnd);
  const through = asked.find((a) => stub.requests.some((r) => r.at >= a.startedAt && r.at <= a.endedAt)) ?? asked[0];
  const called = stub.requests.map((r) => `${r.method} ${r.url}`);
  const tried = asked.map((a) => `GET ${a.route} → ${describeResponse(a.response)}`).join('; ');
  const step = `${label}: ${what}, ${tried}; the upstream saw ${called.length ? called.join(', ') : 'no request'}`;
  const fail = (status, message, extra = {}) => ({ step, result: (steps) => result(id, status, message, { ...runDetails(run), curl: curlFor(port, through.route), steps, expected: `a request to ${stub.url} while answering, then a 2xx answer`, observed: observedLines(run.summary()), ...extra }) });
  const crash = exit ?? run.exitInfo;
  if (crash) return fail('fail', `${what}, your server crashed while answering GET ${through.route}: it ${describeExit(crash)}.`, { crashed: true });
  if (!inTime.length && late.length) {
    return fail('fail', `${what}, your server called the upstream only after it had answered GET ${through.route}, so the answer could not use it. Wait for the upstream's reply (await the fetch) before responding.`);
  }
  if (!inTime.length) {
    const hardcoded = ctx.analysis.urlLiterals?.[0];
    const routes = asked.length > 1 ? ` (tried ${asked.map((a) => a.route).join(', ')})` : '';
    return fail('fail', `${what}, your server never called the upstream${routes}. Read its URL from process.env.${name} instead of assuming where it is.`, hardcoded ? { file: hardcoded.file, line: hardcoded.line, column: hardcoded.column, snippet: hardcoded.snippet, hint: `${hardcoded.file}:${hardcoded.line} hardcodes ${hardcoded.value}.` } : {});
  }
  const answer = through.response;
  if (answer.error || answer.status < 200 || answer.status > 299) return fail('fail', `${what}, your server called the upstream, but GET ${through.route} then ${answer.error ? `got no answer: ${answer.error.message}` : `answered ${answer.status}`}.`);
  return { step };
}

/** With the variable unset, the page still answers 2xx and says no upstream is configured. */
async function judgeUnset(ctx, id, run, port) {
  const name = ctx.probe.upstreamEnv;
  const path = ctx.probe.path;
  const what = `With ${name} unset`;
  const ready = await run.waitReady(port, ctx.readyTimeoutMs);
  if (ready.state !== 'listening') {
    const failure = notListening(ctx, id, run, port, ready, { what: `${what} and PORT=${port}` });
    return { step: `unset: ${what} → not listening on ${port}`, result: () => failure };
  }
  const { response, exit } = await requestOnce(run, { host: connectHost(ready.server?.listening?.address), port, path });
  const step = `unset: ${what}, GET ${path} → ${describeResponse(response)}`;
  const fail = (message, extra = {}) => ({ step, result: (steps) => result(id, 'fail', message, { ...runDetails(run), curl: curlFor(port, path), steps, expected: `with ${name} unset, a 2xx page that says no upstream is configured`, observed: observedLines(run.summary()), ...extra }) });
  if (exit) return fail(`${what}, your server crashed while answering GET ${path}: it ${describeExit(exit)}. When ${name} is unset, show a page that says so instead of calling anything.`, { crashed: true });
  if (response.error || response.status < 200 || response.status > 299) return fail(`${what}, GET ${path} ${response.error ? `got no answer: ${response.error.message}` : `answered ${response.status}`}. The page should still load and say that ${name} is not set.`);
  // The page may say it itself, or through a route its script fetches (/api/quote answering
  // "QUOTES_URL is not set").
  const says = (body) => {
    const text = body.replace(/<[^>]*>/g, ' ');
    return NOT_CONFIGURED.test(text) || text.includes(name);
  };
  const text = (response.body ?? '').replace(/<[^>]*>/g, ' ');
  let said = says(response.body ?? '');
  for (const route of said ? [] : await pageRoutes({ host: connectHost(ready.server?.listening?.address), port, path, body: response.body ?? '' })) {
    const other = await httpGet({ host: connectHost(ready.server?.listening?.address), port, path: route });
    if (!other.error && says(other.body ?? '')) said = true;
    if (said || run.exitInfo) break;
  }
  if (run.exitInfo) return fail(`${what}, your server crashed while answering the page's routes: it ${describeExit(run.exitInfo)}. When ${name} is unset, say so instead of calling anything.`, { crashed: true });
  if (!said) {
    return fail(`${what}, the page loaded but does not say that no upstream is configured (it said "${text.replace(/\s+/g, ' ').trim().slice(0, 120)}"). Check for a missing ${name} before calling anything, and say so on the page.`);
  }
  return { step };
}

