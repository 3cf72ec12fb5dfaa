/**
 * Accuracy table: every folder in probes/fixtures is a small submission with an expect.json
 * naming the status each rule must get (and, where it matters, the file and line the result must
 * point at, or words its message must contain). Run through checkFolder — the same path as
 * `npm run grade` — with real processes and sockets. Zero false passes, zero false failures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { checkFolder } from '../server/grade/check-folder.ts';
import type { RuleResult } from '../server/grade/run-harness.ts';
import { taggedProcesses } from './tagged-processes.ts';
import { semaphore } from '../test-support/semaphore.ts';

interface Expectation {
  about: string;
  command?: string;
  rules: Record<string, RuleResult['status']>;
  probe?: Record<string, unknown>;
  location?: Record<string, { file: string; line: number }>;
  message?: Record<string, string>;
}

const FIXTURES = join(import.meta.dirname, 'fixtures');
const PACKAGES = ['express', 'fastify', 'ws'];
const fixtures = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({ name: entry.name, dir: join(FIXTURES, entry.name), expect: JSON.parse(readFileSync(join(FIXTURES, entry.name, 'expect.json'), 'utf8')) as Expectation }));

/** At most this many checks at once: each starts several node processes, and CI has 2 cores. */
const slots = semaphore(3);

describe('rule accuracy on the fixture submissions', () => {
  test('there are at least 40 fixtures, covering every rule with both a pass and a non-pass', async () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    const { RULE_IDS } = await import('./catalogue.mjs');
    for (const id of RULE_IDS) {
      const statuses = fixtures.map((f) => f.expect.rules[id]).filter(Boolean);
      expect(statuses, id).toContain('pass');
      expect(statuses.some((s) => s !== 'pass'), id).toBe(true);
    }
  });

  test.concurrent.each(fixtures)('$name: $expect.about', async ({ dir, expect: want }) => {
    const tag = randomUUID();
    const outcome = await slots(() =>
      checkFolder(dir, { command: want.command ?? 'node server.js', rules: Object.keys(want.rules), probe: want.probe ?? {} }, { packages: PACKAGES, env: { PORTSIDE_TEST_TAG: tag } }),
    );
    expect(outcome.error).toBeUndefined();
    const got = Object.fromEntries(outcome.results.map((r) => [r.id, r.status]));
    const explain = outcome.results.map((r) => `${r.id}: ${r.status} — ${r.message}\n    ${r.details.transcript.join('\n    ')}`).join('\n');
    expect(got, explain).toEqual(want.rules);
    for (const r of outcome.results) {
      const location = want.location?.[r.id];
      if (location) expect({ file: r.details.file, line: r.details.line }, `${r.id} location\n${explain}`).toEqual(location);
      const words = want.message?.[r.id];
      if (words) expect(r.message, r.id).toMatch(new RegExp(words, 's'));
      expect(r.details.transcript.length, `${r.id} has a transcript`).toBeGreaterThan(0);
      const output = r.details.output;
      if (typeof output === 'string') {
        expect(Buffer.byteLength(output), 'output tail is capped at 4 KB').toBeLessThanOrEqual(4096);
        expect(output.split('\n').length, 'output tail is capped at 40 lines').toBeLessThanOrEqual(40);
      }
    }
    expect(taggedProcesses(tag), 'every process the check started is gone').toEqual([]);
  }, 60_000);

  test('a flood of output is capped, and says how much was left out', async () => {
    const flood = fixtures.find((f) => f.name === 'floods-output');
    const outcome = await slots(() => checkFolder(flood!.dir, { command: 'node server.js', rules: ['responds-http'] }));
    const details = outcome.results[0]!.details;
    expect(details.outputOmittedBytes).toBeGreaterThan(1_900_000);
    expect(details.transcript.join('\n')).toMatch(/1\.9 MB of earlier output not shown/);
  }, 60_000);
});
