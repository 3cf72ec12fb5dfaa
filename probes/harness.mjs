#!/usr/bin/env node
// The check harness. Run in the workspace root:  node .portside/harness.mjs .portside/check.json
// Prints one JSON object per line on stdout (see probes/README.md): start, running, result…, done.
// Exit code: 0 all rules passed, 1 some did not, 2 the check could not run (bad check.json),
// 130/143 cancelled by SIGINT/SIGTERM (everything it started is stopped first).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCheckConfig } from './check-config.mjs';
import { STATUSES } from './events.mjs';
import { loadCapabilities } from './lib/capabilities.mjs';
import { createContext } from './lib/context.mjs';
import { runRules } from './lib/orchestrate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const emit = (event) => process.stdout.write(JSON.stringify(event) + '\n');

async function main() {
  let config;
  try {
    const file = process.argv[2];
    if (!file) throw new Error('usage: node .portside/harness.mjs .portside/check.json');
    config = readCheckConfig(JSON.parse(readFileSync(resolve(file), 'utf8')));
  } catch (error) {
    emit({ type: 'error', message: error.message });
    emit({ type: 'done', passed: false });
    return 2;
  }
  // Beside the harness in a sandbox (.portside/acorn.mjs); the npm package when run from the repo.
  // @ts-ignore — ./acorn.mjs exists only in a sandbox, where it is copied beside the harness.
  const acorn = await import('./acorn.mjs').catch(() => import('acorn'));
  let ctx;
  try {
    // Measured once per runtime (kept in .portside/capabilities.json): what the mechanisms may use.
    const capabilities = await loadCapabilities({ cwd: process.cwd() });
    ctx = createContext({ config, cwd: process.cwd(), acorn, observerPath: join(here, 'observer.cjs'), capabilities });
  } catch (error) {
    emit({ type: 'error', message: `The check itself could not start: ${error.message}` });
    emit({ type: 'done', passed: false });
    return 2;
  }
  // A bug that escapes every rule must still stop what was started and end the protocol.
  process.once('uncaughtException', async (error) => {
    ctx.abort();
    await ctx.teardown();
    emit({ type: 'error', message: `The check itself failed: ${error.stack ?? error}` });
    emit({ type: 'done', passed: false });
    process.exit(2);
  });
  let cancelling = false;
  const cancel = (signal, code) => async () => {
    if (cancelling) return;
    cancelling = true;
    ctx.abort();
    await ctx.teardown();
    emit({ type: 'done', passed: false, cancelled: true, signal });
    process.exit(code);
  };
  process.once('SIGTERM', cancel('SIGTERM', 143));
  process.once('SIGINT', cancel('SIGINT', 130));
  try {
    const { passed, results } = await runRules(ctx, emit);
    await ctx.teardown();
    if (cancelling) return new Promise(() => {}); // the cancel handler exits
    emit({ type: 'done', passed, counts: count(results) });
    return passed ? 0 : 1;
  } catch (error) {
    await ctx.teardown();
    emit({ type: 'error', message: `The check itself failed: ${error.message}` });
    emit({ type: 'done', passed: false });
    return 2;
  }
}

/**
 * @param {import('./events.mjs').RuleResult[]} results
 * @returns {Record<import('./events.mjs').RuleStatus, number>}
 */
function count(results) {
  const counts = /** @type {Record<import('./events.mjs').RuleStatus, number>} */ (Object.fromEntries(STATUSES.map((status) => [status, 0])));
  for (const r of results) counts[r.status] += 1;
  return counts;
}

process.exitCode = await main();
