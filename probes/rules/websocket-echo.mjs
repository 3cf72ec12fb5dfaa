// websocket-echo: a WebSocket on the same port as HTTP echoes messages — several, one after
// another — on the path the lesson's page uses. When the server's page (probe.path) is HTML
// with scripts, those scripts are started with a stand-in DOM (lib/page-script.mjs) and the
// WebSocket they open must be on the page's own host and port: lesson 6's task has two halves,
// the server and index.html.
import { randomBytes } from 'node:crypto';
import { connectHost } from '../lib/observer-log.mjs';
import { notListening, observedLines } from '../lib/explain.mjs';
import { pageSockets, socketLine } from '../lib/page-script.mjs';
import { wsEcho } from '../lib/ws-client.mjs';
import { describeExit, result, runDetails } from '../lib/results.mjs';

const COUNT = 3;

export default {
  id: 'websocket-echo',
  kind: 'main',
  async check(ctx, { run, port, ready }) {
    if (ready.state !== 'listening') return notListening(ctx, this.id, run, port, ready);
    const host = connectHost(ready.server?.listening?.address);
    const page = await pageSockets({ host, port, path: ctx.probe.path });
    const steps = [];
    if (!page.html) steps.push(`GET ${ctx.probe.path} is not an HTML page, so only the server was checked`);
    else steps.push(`the page at ${ctx.probe.path} (${page.scripts} script${page.scripts === 1 ? '' : 's'}), loaded as ${page.pageUrl}, opens ${page.sockets.length ? page.sockets.map((u) => u.href).join(', ') : 'no WebSocket'}${page.errors.length ? ` (its script stopped: ${page.errors[0]})` : ''}`);
    const details = (extra = {}) => ({ ...runDetails(run), steps, observed: observedLines(run.summary()), ...extra });
    const pageHost = new URL(page.pageUrl).host;
    if (page.html && page.scripts > 0) {
      const wrong = page.sockets.find((url) => url.host !== pageHost);
      if (!page.sockets.length) {
        return result(this.id, 'fail', `The page at ${ctx.probe.path} never opens a WebSocket${page.errors.length ? ` (its script stopped: ${page.errors[0]})` : ''}. Its script should connect with new WebSocket(…) to the page's own host and port.`, details({ ...socketLine(ctx.cwd), expected: `the page opens ws://${pageHost}/…` }));
      }
      if (wrong) {
        const why = wrong.hostname !== new URL(page.pageUrl).hostname ? `the host ${wrong.hostname}` : `port ${wrong.port || '(default)'}`;
        const where = socketLine(ctx.cwd, wrong.hostname === new URL(page.pageUrl).hostname ? /location\.port|\bport\b/ : /localhost|127\.0\.0\.1|location\.hostname/);
        const file = where?.file ?? 'the page';
        return result(this.id, 'fail', `${file === 'the page' ? 'The page' : file} connects its WebSocket to ${why} (${wrong.href}), not to the host and port the page came from (${pageHost}). In ${file}, build the URL from the page's own address: new URL('.', location.href) with the protocol changed to ws: (wss: on https:).`, details({ ...where, expected: `the page opens ws://${pageHost}/…` }));
      }
    }
    const path = page.sockets[0] ? page.sockets[0].pathname + page.sockets[0].search : '/';
    const messages = Array.from({ length: COUNT }, (_, i) => `portside-${i + 1}-${randomBytes(3).toString('hex')}`);
    const outcome = await wsEcho({ host, port, path, messages });
    steps.push(`WebSocket ws://localhost:${port}${path}`, ...messages.slice(0, outcome.echoed + 1).map((m) => `> ${m}`), ...outcome.received.map((text) => `< ${text}`));
    const expected = `${COUNT} messages echoed back, one after another, on ws://localhost:${port}${path}`;
    if (outcome.ok) return result(this.id, 'pass', `A WebSocket on port ${port}, path ${path}${page.sockets.length ? ' (where the page connects)' : ''}, echoed ${COUNT} messages.`, details({ expected }));
    const exit = run.exitInfo ?? (await run.waitExit(300));
    if (exit) return result(this.id, 'fail', `Your server crashed during the WebSocket exchange: it ${describeExit(exit)}.`, details({ expected, crashed: true }));
    const where = outcome.stage === 'handshake' || outcome.stage === 'connect' ? `The WebSocket handshake on ${path} failed` : outcome.echoed ? `The WebSocket echoed ${outcome.echoed} of ${COUNT} messages` : 'The WebSocket opened, but the message was not echoed';
    return result(this.id, 'fail', `${where}: ${outcome.error}.`, details({ expected, hint: outcome.stage === 'handshake' ? 'Attach the WebSocket server to the same HTTP server that listens on PORT: new WebSocketServer({ server }).' : outcome.echoed ? "Echo every message: socket.on('message', (data) => socket.send(data)) stays subscribed; once() does not." : undefined }));
  },
};
