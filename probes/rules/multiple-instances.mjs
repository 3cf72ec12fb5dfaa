// multiple-instances: three instances started at once on three ports all answer, each on its own
// port — what a router needs to spread traffic. A hardcoded port lets only one of them run.
import { Run } from '../lib/run.mjs';
import { runEnv } from '../lib/stub-upstream.mjs';
import { connectHost, portsUsed, serverOn } from '../lib/observer-log.mjs';
import { describeResponse } from '../lib/http-client.mjs';
import { notListening, observedLines, portList } from '../lib/explain.mjs';
import { describeExit, result, runDetails, withDetails } from '../lib/results.mjs';
import { requestOnce } from '../lib/request-once.mjs';
import { respClient } from '../lib/resp.mjs';

const COUNT = 3;

export default {
  id: 'multiple-instances',
  kind: 'run',
  async check(ctx) {
    const ports = [];
    for (let i = 0; i < COUNT; i += 1) ports.push(await ctx.ports.allocate());
    const runs = await Promise.all(ports.map(async (port) => new Run(ctx, { env: await runEnv(ctx, port), label: 'instance' })));
    try {
      const verdicts = await Promise.all(runs.map((run, i) => judge(ctx, this.id, run, ports[i], i + 1)));
      const steps = verdicts.map((v) => v.step);
      const bad = verdicts.find((v) => v.result);
      if (bad) return withDetails(bad.result, { steps });
      return result(this.id, 'pass', `Three instances on ports ${portList(ports)} all answered, each on its own port.`, { steps });
    } finally {
      await Promise.all(runs.map((run) => run.stop()));
    }
  },
};

async function judge(ctx, id, run, port, number) {
  const what = `Instance ${number} of ${COUNT} (PORT=${port})`;
  const ready = await run.waitReady(port, ctx.readyTimeoutMs);
  if (ready.state !== 'listening') return { step: `${what}: not listening on ${port}`, result: notListening(ctx, id, run, port, ready, { what }) };
  const answer = await ask(ctx, run, port, ready);
  const summary = run.summary();
  const others = portsUsed(summary).filter((p) => p !== port);
  const step = `${what}: ${answer.text}${others.length ? `; also listening on ${portList(others)}` : ''}`;
  const details = { ...runDetails(run), observed: observedLines(summary) };
  if (answer.exit) return { step, result: result(id, 'fail', `${what} crashed when asked: it ${describeExit(answer.exit)}.`, { ...details, crashed: true }) };
  if (!answer.ok) return { step, result: result(id, 'fail', `${what} did not answer properly: ${answer.text}.`, details) };
  if (others.length) return { step, result: result(id, 'fail', `${what} also listened on ${portList(others)}; instances would fight over it.`, details) };
  if (!serverOn(summary, port) && !summary.osTable) {
    return { step, result: result(id, 'error', `${what} answered, but Portside could not see which ports it opened (the process that answered does not run Portside's observer, and this system has no socket table), so "each on its own port only" could not be checked. This is a limit of the environment, not a problem in your code.`, details) };
  }
  return { step };
}

/** HTTP lessons get a GET; Redis lessons a PING. */
async function ask(ctx, run, port, ready) {
  const host = connectHost(ready.server?.listening?.address);
  if (ctx.probe.protocol === 'redis') {
    try {
      const client = await respClient({ host, port });
      const { reply, error } = await client.send(['PING']);
      client.close();
      return { ok: reply?.value === 'PONG', text: error ?? `PING → ${reply.type === 'simple' ? '+' : ''}${reply.value}`, exit: error ? await run.waitExit(300) : null };
    } catch (error) {
      return { ok: false, text: error.message };
    }
  }
  const { response, exit } = await requestOnce(run, { host, port, path: ctx.probe.path });
  const ok = !response.error && response.status >= 200 && response.status < 300;
  return { ok, text: `GET ${ctx.probe.path} → ${describeResponse(response)}`, exit };
}
