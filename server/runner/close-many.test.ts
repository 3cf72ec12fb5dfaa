// Closing a session of 300 processes: one process-table read for the whole session, so it ends
// within 2 s. (File descriptors are not bounded yet: one table read still opens every /proc/<pid>/stat at once.)
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, waitFor } from '../../test-support/runner-client.ts';

const COUNT = 300;
/** A sleep length no other program here uses, so its processes can be counted in /proc. */
const MARK = String(86_000 + Math.floor(Math.random() * 399));

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

function sleepers(): number {
  let n = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const [file = '', arg] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (/(^|\/)sleep$/.test(file) && arg === MARK) n++;
    } catch {
      // gone meanwhile
    }
  }
  return n;
}

it(`closes a session of ${COUNT} processes in under 2 s`, async () => {
  const runtime = await connectRuntime(playground);
  for (let i = 0; i < COUNT; i++) await runtime.spawn('sleep', [MARK]);
  await waitFor(() => sleepers() === COUNT || undefined, `${COUNT} sleeping processes`, 30_000);
  const started = Date.now();
  await runtime.dispose();
  await waitFor(() => sleepers() === 0 || undefined, 'every sleeper gone', 10_000);
  const took = Date.now() - started;
  expect(took).toBeLessThan(2000);
}, 180_000);
