// tcp-protocol: a raw TCP client speaking the lesson's protocol gets correct replies. For Redis
// (RESP, as redis-cli sends it), everything lesson 7 teaches: PING → +PONG, SET k v → +OK,
// GET k → $len v, GET of a key never set → $-1 (nil); a command that arrives in two pieces (TCP
// is a stream, not messages); and three commands in one write (a pipeline), answered in order.
import { randomBytes } from 'node:crypto';
import { connectHost } from '../lib/observer-log.mjs';
import { notListening, observedLines } from '../lib/explain.mjs';
import { encodeCommand, formatReply, respClient } from '../lib/resp.mjs';
import { describeExit, result, runDetails } from '../lib/results.mjs';

const token = () => randomBytes(4).toString('hex');
const simple = (value) => ({ type: 'simple', value });
const bulk = (value) => ({ type: 'bulk', value });

export default {
  id: 'tcp-protocol',
  kind: 'main',
  async check(ctx, { run, port, ready }) {
    if (ready.state !== 'listening') return notListening(ctx, this.id, run, port, ready);
    const protocol = ctx.probe.protocol ?? 'redis';
    if (protocol !== 'redis') return result(this.id, 'error', `The check does not speak the protocol "${protocol}". This is a problem in the lesson, not in your code.`);
    const [key, value, missing, splitKey, splitValue, pipeKey, pipeValue] = ['k', 'v', 'never-set', 'k', 'v', 'k', 'v'].map((p) => `${p}-${token()}`);
    const splitArgs = ['SET', splitKey, splitValue];
    const exchanges = [
      { label: 'PING', commands: [['PING']], want: [simple('PONG')] },
      { label: `SET ${key} ${value}`, commands: [['SET', key, value]], want: [simple('OK')] },
      { label: `GET ${key}`, commands: [['GET', key]], want: [bulk(value)] },
      { label: `GET ${missing}`, commands: [['GET', missing]], want: [bulk(null)], why: 'a key that was never set', hint: 'GET of a key that is not stored answers nil, $-1\\r\\n (in lesson 7: reply.bulk(undefined)).' },
      // Cut just before the value, after its length: the server has to keep the first piece and
      // wait; the GET after it proves the value was put back together.
      { label: `SET ${splitKey} ${splitValue} in two pieces`, commands: [splitArgs], split: encodeCommand(splitArgs).length - splitValue.length, want: [simple('OK')], why: 'a command that arrived in two pieces', hint: 'TCP delivers a stream of bytes: keep the unfinished end of a chunk and glue the next chunk to it (lesson 7: the `rest` of parseCommands).' },
      { label: `GET ${splitKey}`, commands: [['GET', splitKey]], want: [bulk(splitValue)], why: 'the value stored by a command that arrived in two pieces', hint: 'TCP delivers a stream of bytes: keep the unfinished end of a chunk and glue the next chunk to it (lesson 7: the `rest` of parseCommands).' },
      { label: `SET ${pipeKey} ${pipeValue}, GET ${pipeKey}, PING in one write`, commands: [['SET', pipeKey, pipeValue], ['GET', pipeKey], ['PING']], want: [simple('OK'), bulk(pipeValue), simple('PONG')], why: 'three commands sent in one write (a pipeline)', hint: 'One chunk can hold several commands: answer every complete command in it, in order, not just the first.' },
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
      for (const exchange of exchanges) {
        steps.push(`> ${exchange.label}`);
        const outcome = await talk(client, exchange);
        steps.push(...outcome.replies.map((reply) => `< ${formatReply(reply)}`));
        const expected = exchange.want.map(formatReply).join(', ');
        const about = exchange.why ? ` (${exchange.why})` : '';
        if (outcome.error) {
          const exit = await run.waitExit(300);
          if (exit) return result(this.id, 'fail', `Your server crashed on "${exchange.label}"${about}: it ${describeExit(exit)}.`, details({ crashed: true, expected, hint: exchange.hint }));
          const partial = outcome.replies.length ? `, after ${outcome.replies.length} of ${exchange.want.length} replies` : '';
          return result(this.id, 'fail', `"${exchange.label}"${about} got no proper reply${partial}: ${outcome.error}.`, details({ expected, hint: exchange.hint }));
        }
        const wrong = exchange.want.findIndex((want, i) => outcome.replies[i].type !== want.type || outcome.replies[i].value !== want.value);
        if (wrong >= 0) {
          const which = exchange.commands.length > 1 ? `reply ${wrong + 1} of ${exchange.commands.length} ` : '';
          return result(this.id, 'fail', `"${exchange.label}"${about}: ${which}was ${formatReply(outcome.replies[wrong])}; expected ${formatReply(exchange.want[wrong])}.`, details({ expected, hint: exchange.hint }));
        }
      }
      return result(this.id, 'pass', `On port ${port} it answered PING, stored and returned a value with SET and GET, answered nil for a missing key, and handled a command in two pieces and three pipelined commands.`, details());
    } finally {
      client.close();
    }
  },
};

/**
 * Sends one exchange the way it says (plain, split or pipelined): `{ replies, error? }`.
 * @param {any} client from respClient
 * @param {{ commands: string[][], split?: number }} exchange
 */
async function talk(client, { commands, split }) {
  if (commands.length > 1) {
    const { replies, error } = await client.pipeline(commands);
    return { replies: replies ?? [], error };
  }
  const { reply, error } = split ? await client.sendSplit(commands[0], split) : await client.send(commands[0]);
  return { replies: reply ? [reply] : [], error };
}
