// Closing a session of 300 processes: one process-table read for the whole session, read one
// /proc/<pid>/stat at a time, so it ends within 2 s and the runner's file descriptors stay
// bounded (the runner runs in this test's process, so /proc/self/fd is its own).
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, waitFor } from '../../test-support/runner-client.ts';

const COUNT = 300;
/** A sleep length no other program here uses, so its processes can be counted in /proc. */
const MARK = String(86_000 + Math.floor(Math.random() * 399));
/** Descriptors the close may open beyond what the runner held before it (one per process would be 300+). */
const FD_BOUND = 200;

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

const openDescriptors = () => readdirSync('/proc/self/fd').length;

it(`closes a session of ${COUNT} processes in under 2 s, with file descriptors bounded`, async () => {
  const runtime = await connectRuntime(playground);
  for (let i = 0; i < COUNT; i++) await runtime.spawn('sleep', [MARK]);
  await waitFor(() => sleepers() === COUNT || undefined, `${COUNT} sleeping processes`, 30_000);
  const baseline = openDescriptors();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, openDescriptors())), 2);
  const started = Date.now();
  await runtime.dispose();
  await waitFor(() => sleepers() === 0 || undefined, 'every sleeper gone', 10_000);
  const took = Date.now() - started;
  // The session's own pipes close meanwhile; wait for its workspace removal to settle too.
  await new Promise((settle) => setTimeout(settle, 500));
  clearInterval(sampler);
  console.log(`closing ${COUNT} processes: ${took} ms, file descriptors at most ${peak - baseline} above the ${baseline} before`);
  expect(took).toBeLessThan(2000);
  expect(peak - baseline).toBeLessThan(FD_BOUND);
}, 180_000);
