// A stand-in for a backing service: an HTTP server on its own port that answers every request
// with the lesson's body and remembers what it was asked, so a rule can prove it was called.
import { createServer } from 'node:http';

const DEFAULT_BODY = '{"ok":true,"service":"portside-stub"}';

/** Starts a stub on a fresh port; it is registered with ctx, so teardown stops it. */
export async function startStub(ctx) {
  const body = ctx.probe.upstreamBody ?? DEFAULT_BODY;
  const json = isJson(body);
  const requests = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method, url: req.url, at: Date.now() });
    res.setHeader('content-type', json ? 'application/json' : 'text/plain');
    res.end(body);
  });
  const port = await ctx.ports.allocate();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const stub = {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve(undefined));
    }),
  };
  ctx.track(stub);
  return stub;
}

function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The env for one run: PORT, and for backing-service lessons the upstream URL of a fresh stub
 * (their apps may refuse to start without one). `port` may be a string such as "abc".
 */
export async function runEnv(ctx, port, extra = {}) {
  /** @type {Record<string, string>} */
  const env = port === undefined ? {} : { PORT: String(port) };
  if (ctx.probe.upstreamEnv) env[ctx.probe.upstreamEnv] = (await startStub(ctx)).url;
  return { ...env, ...extra };
}
