// websocket-echo: a WebSocket client on ws://localhost:p/ (the same port as HTTP) gets its
// message echoed back.
import { randomBytes } from 'node:crypto';
import { connectHost } from '../lib/observer-log.mjs';
import { notListening, observedLines } from '../lib/explain.mjs';
import { wsEcho } from '../lib/ws-client.mjs';
import { describeExit, result, runDetails } from '../lib/results.mjs';

export default {
  id: 'websocket-echo',
  kind: 'main',
  async check(ctx, { run, port, ready }) {
    if (ready.state !== 'listening') return notListening(ctx, this.id, run, port, ready);
    const message = `portside-${randomBytes(4).toString('hex')}`;
    const outcome = await wsEcho({ host: connectHost(ready.server?.listening?.address), port, path: '/', message });
    const steps = [`WebSocket ws://localhost:${port}/`, `> ${message}`, ...outcome.received.map((text) => `< ${text}`)];
    const details = { ...runDetails(run), steps, expected: `the message "${message}" echoed back`, observed: observedLines(run.summary()) };
    if (outcome.ok) return result(this.id, 'pass', `A WebSocket on port ${port} echoed "${message}".`, details);
    const exit = run.exitInfo ?? (await run.waitExit(300));
    if (exit) return result(this.id, 'fail', `Your server crashed during the WebSocket exchange: it ${describeExit(exit)}.`, { ...details, crashed: true });
    const where = outcome.stage === 'handshake' || outcome.stage === 'connect' ? 'The WebSocket handshake failed' : 'The WebSocket opened, but the message was not echoed';
    return result(this.id, 'fail', `${where}: ${outcome.error}.`, { ...details, hint: outcome.stage === 'handshake' ? 'Attach the WebSocket server to the same HTTP server that listens on PORT.' : undefined });
  },
};
