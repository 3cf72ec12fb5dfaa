// binds-host-from-env: HOST=0.0.0.0 binds every interface, HOST=127.0.0.1 only loopback, and with
// HOST unset the lesson's default (probe.defaultHost; "localhost" means loopback). The observer
// says which address listen() bound; where the machine has a non-loopback address, connecting to
// it confirms the difference from the outside.
import { networkInterfaces } from 'node:os';
import { Run } from '../lib/run.mjs';
import { runEnv } from '../lib/stub-upstream.mjs';
import { notListening, observedLines } from '../lib/explain.mjs';
import { formatAddress, serverOn } from '../lib/observer-log.mjs';
import { tryConnect } from '../lib/tcp.mjs';
import { pollUntil } from '../lib/poll.mjs';
import { result, runDetails, withDetails } from '../lib/results.mjs';
import { fixedHost } from '../lib/advice.mjs';

const ALL = new Set(['0.0.0.0', '::']);
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export default {
  id: 'binds-host-from-env',
  kind: 'run',
  async check(ctx) {
    const fallback = ctx.probe.defaultHost;
    if (!fallback) return result(this.id, 'error', 'This lesson does not say which host to bind when HOST is unset (probe.defaultHost), so binds-host-from-env cannot be checked. This is a problem in the lesson, not in your code.');
    const cases = [
      { host: '0.0.0.0', expect: 'all' },
      { host: '127.0.0.1', expect: 'loopback' },
      { host: undefined, expect: expectationFor(fallback), fallback },
    ];
    const external = externalAddress();
    const runs = await Promise.all(cases.map(async (c) => {
      const port = await ctx.ports.allocate();
      const run = new Run(ctx, { env: await runEnv(ctx, port, c.host ? { HOST: c.host } : {}), unset: c.host ? [] : ['HOST'], label: 'host' });
      return { ...c, port, run };
    }));
    try {
      const verdicts = await Promise.all(runs.map((c) => judge(ctx, this.id, c, external)));
      const steps = verdicts.map((v) => v.step);
      const bad = verdicts.find((v) => v.result);
      if (bad) return withDetails(bad.result, { steps });
      return result(this.id, 'pass', `HOST=0.0.0.0 bound every interface, HOST=127.0.0.1 only loopback, and with HOST unset it bound ${fallback}.`, { steps });
    } finally {
      await Promise.all(runs.map((c) => c.run.stop()));
    }
  },
};

/**
 * @param {any} ctx
 * @param {string} id
 * @param {{ host?: string, expect: string, fallback?: string, port: number, run: import('../lib/run.mjs').Run }} c one HOST case and its run
 * @param {string | undefined} external
 */
async function judge(ctx, id, { host, expect, fallback, port, run }, external) {
  const label = host ? `HOST=${host}` : 'HOST unset';
  const ready = await run.waitReady(port, ctx.readyTimeoutMs);
  if (ready.state !== 'listening') {
    return { step: `${label} → not listening on ${port}`, result: notListening(ctx, id, run, port, ready, { what: `With ${label} and PORT=${port}` }) };
  }
  const address = await boundAddress(ctx, run, ready.summary, port);
  const bound = address ? formatAddress(address, port) : `port ${port}`;
  const wanted = expect === 'all' ? 'every interface (0.0.0.0)' : expect === 'loopback' ? 'loopback only (127.0.0.1)' : expect;
  // Unknown until seen: an address nobody could observe never counts as the right one.
  /** @type {boolean | undefined} */
  let ok = address ? matches(address, expect) : undefined;
  let outside = '';
  if (ok !== false && external && (expect === 'all' || expect === 'loopback')) {
    const reached = await tryConnect(external, port, 1000);
    outside = `; from ${external}: ${reached.ok ? 'reachable' : 'not reachable'}`;
    ok = expect === 'all' ? reached.ok : !reached.ok;
  }
  const step = `${label} → bound ${bound}${outside}`;
  if (ok === undefined) {
    const why = external ? `connecting from ${external} cannot tell ${wanted} apart from other addresses` : 'this machine has no other network address to try connecting from';
    return { step, result: result(id, 'error', `${label}, something answered on port ${port}, but Portside could not see which address it bound (the process is not observed and this system has no socket table), and ${why}. So binds-host-from-env could not be checked. This is a limit of the environment, not a problem in your code.`, { ...runDetails(run), expected: `bound to ${wanted}`, observed: observedLines(ready.summary) }) };
  }
  if (ok) return { step };
  const why = host ? `With ${label}, your server bound ${bound}; it should bind ${wanted}.` : `With HOST unset, your server bound ${bound}; the lesson's default is ${fallback}.`;
  const fixed = fixedHost(ctx);
  const fix = fixed ? ` Read it from process.env.HOST in ${fixed.file} (line ${fixed.line}).` : ' Pass the host from process.env.HOST to listen().';
  return { step, result: result(id, 'fail', `${why}${fix}`, { ...runDetails(run), expected: `bound to ${wanted}`, observed: observedLines(ready.summary), ...fixed }) };
}

/**
 * The address the server bound on `port`. Readiness can be seen (a connect, the socket table)
 * a moment before the observer's record of the bound address arrives, so wait a little for it.
 * @param {any} ctx
 * @param {import('../lib/run.mjs').Run} run
 * @param {any} summary the evidence at readiness
 * @param {number} port
 * @returns {Promise<string | undefined>}
 */
async function boundAddress(ctx, run, summary, port) {
  const seen = serverOn(summary, port)?.listening?.address;
  if (seen) return seen;
  const later = await pollUntil(() => serverOn(run.summary(), port)?.listening?.address, { timeoutMs: ctx.scaled(1500), signal: ctx.signal });
  return later.value;
}

function expectationFor(host) {
  if (host === 'localhost') return 'loopback';
  if (ALL.has(host)) return 'all';
  return host;
}

function matches(address, expect) {
  if (expect === 'all') return ALL.has(address);
  if (expect === 'loopback') return LOOPBACK.test(address);
  return address === expect || address === `::ffff:${expect}`;
}

/** A non-loopback IPv4 address of this machine, to try reaching the server from "outside". */
function externalAddress() {
  for (const list of Object.values(networkInterfaces())) {
    for (const entry of list ?? []) if (entry.family === 'IPv4' && !entry.internal) return entry.address;
  }
  return undefined;
}
