// no-hardcoded-port: started again with another PORT=q, it listens on q. One run can match a
// hardcoded port only by luck (and the harness never hands out a number found in the code), so
// two runs on two different ports are the proof; the static scan names the line to change.
import { Run } from '../lib/run.mjs';
import { runEnv } from '../lib/stub-upstream.mjs';
import { notListening, observedLines } from '../lib/explain.mjs';
import { result, runDetails } from '../lib/results.mjs';

export default {
  id: 'no-hardcoded-port',
  kind: 'run',
  async check(ctx, { mainReady }) {
    const q = await ctx.ports.allocate();
    const run = new Run(ctx, { env: await runEnv(ctx, q), label: 'second' });
    try {
      const [second, first] = await Promise.all([run.waitReady(q, ctx.readyTimeoutMs), mainReady]);
      const steps = [`first run: PORT=${first.port} → ${first.ready.state === 'listening' ? `listening on ${first.port}` : 'not listening on it'}`];
      if (second.state !== 'listening') return notListening(ctx, this.id, run, q, second, { what: `Started again with PORT=${q}`, extra: { steps } });
      if (first.ready.state !== 'listening') return notListening(ctx, this.id, first.run, first.port, first.ready, { extra: { steps: [`second run: PORT=${q} → listening on ${q}`] } });
      steps.push(`second run: PORT=${q} → listening on ${q}`);
      return result(this.id, 'pass', `Listened on PORT=${first.port}, and started again with PORT=${q}, on ${q}: the port comes from the environment.`, { ...runDetails(run), steps, observed: observedLines(second.summary) });
    } finally {
      await run.stop();
    }
  },
};
