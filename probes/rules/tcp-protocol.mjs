// tcp-protocol: a raw TCP client speaking the lesson's protocol gets correct replies. For Redis
// (RESP, as redis-cli sends it): PING → +PONG, SET k v → +OK, GET k → $len v.
import { randomBytes } from 'node:crypto';
import { connectHost } from '../lib/observer-log.mjs';
import { notListening, observedLines } from '../lib/explain.mjs';
import { formatReply, respClient } from '../lib/resp.mjs';
import { describeExit, result, runDetails } from '../lib/results.mjs';

export default {
  id: 'tcp-protocol',
  kind: 'main',
  async check(ctx, { run, port, ready }) {
    if (ready.state !== 'listening') return notListening(ctx, this.id, run, port, ready);
    const protocol = ctx.probe.protocol ?? 'redis';
    if (protocol !== 'redis') return result(this.id, 'error', `The check does not speak the protocol "${protocol}".`);
    const key = `portside:${randomBytes(3).toString('hex')}`;
    const value = `v-${randomBytes(4).toString('hex')}`;
    const exchange = [
      { args: ['PING'], want: { type: 'simple', value: 'PONG' } },
      { args: ['SET', key, value], want: { type: 'simple', value: 'OK' } },
      { args: ['GET', key], want: { type: 'bulk', value } },
    ];
    const steps = [`$ redis-cli -p ${port}`];
    const details = (extra = {}) => ({ ...runDetails(run), steps, observed: observedLines(run.summary()), ...extra });
    let client;
    try {
      client = await respClient({ host: connectHost(ready.server?.listening?.address), port });
    } catch (error) {
      return result(this.id, 'fail', `Could not open a TCP connection to port ${port}: ${error.message}.`, details());
    }
    try {
      for (const { args, want } of exchange) {
        steps.push(`> ${args.join(' ')}`);
        const { reply, error } = await client.send(args);
        const expected = formatReply(want);
        if (error) {
          const exit = await run.waitExit(300);
          if (exit) return result(this.id, 'fail', `Your server crashed on "${args[0]}": it ${describeExit(exit)}.`, details({ crashed: true, expected }));
          return result(this.id, 'fail', `"${args.join(' ')}" got no proper reply: ${error}.`, details({ expected }));
        }
        steps.push(`< ${formatReply(reply)}`);
        if (reply.type !== want.type || reply.value !== want.value) {
          return result(this.id, 'fail', `"${args.join(' ')}" was answered ${formatReply(reply)}; expected ${expected}.`, details({ expected }));
        }
      }
      return result(this.id, 'pass', `On port ${port} it answered PING with +PONG, and stored and returned a value with SET and GET.`, details());
    } finally {
      client.close();
    }
  },
};
