/**
 * The harness under PORTSIDE_SANDBOX_PROFILE=webcontainer: no process groups, no /proc, no
 * /bin/sh, no preload through NODE_OPTIONS, no python3 that can serve (probes/lib/capabilities.mjs).
 * Every accuracy fixture must get exactly its expected verdicts, and every lesson must verify
 * (starter fails exactly starterFails, solution passes) — except rules the profile makes
 * undecidable, which must be `skipped` with `details.unsupported` and a sentence saying why. Both
 * through checkFolder, the code path of `npm run grade`, with real processes; none may be left.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFolder, type CheckSpec } from '../server/grade/check-folder.ts';
import { prepareWorkspace } from '../server/grade/workspace.ts';
import { checkConfigFor } from './check-config.mjs';
import { HARNESS_COMMAND } from './files.mjs';
import type { HarnessOutcome, RuleResult } from '../server/grade/run-harness.ts';
import { loadLessons } from '../server/lessons/load.ts';
import { lessonPackages } from '../server/lessons/packages.ts';
import { semaphore } from '../test-support/semaphore.ts';
import { effectiveTimeoutScale } from '../server/grade/args.ts';
import { PROFILE_ENV } from './lib/capabilities.mjs';
import { taggedProcesses } from './tagged-processes.ts';

const PROFILE = { [PROFILE_ENV]: 'webcontainer' };
/**
 * One check at a time. Without process groups nothing is detached, so every process of every
 * check here shares one session, and so one slice of the CPU (the kernel's autogroup), while the
 * native suites beside it get a slice per run: two checks at once starved each other on a loaded
 * 2-core machine until a 3 s window ran out.
 */
const slots = semaphore(1);
const FIXTURES = join(import.meta.dirname, 'fixtures');
const LESSONS = join(import.meta.dirname, '..', 'lessons');

interface Expectation {
  about: string;
  command?: string;
  rules: Record<string, RuleResult['status']>;
  probe?: Record<string, unknown>;
  /** The verdicts under this profile where they must differ: what a WebContainer cannot see is `error`, said so. */
  webcontainer?: Record<string, RuleResult['status']>;
}

const fixtures = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({ name: entry.name, dir: join(FIXTURES, entry.name), expect: JSON.parse(readFileSync(join(FIXTURES, entry.name, 'expect.json'), 'utf8')) as Expectation }));
const lessons = await loadLessons(LESSONS);
const lessonPackageNames = lessonPackages(lessons);

function explain(outcome: HarnessOutcome): string {
  return outcome.results.map((r) => `${r.id}: ${r.status} — ${r.message}\n    ${r.details.transcript.join('\n    ')}`).join('\n');
}

async function checkUnderProfile(dir: string, spec: CheckSpec, packages: readonly string[]): Promise<HarnessOutcome> {
  const tag = randomUUID();
  // Deadlines scaled by the machine's load, as grade and the lesson tests scale them.
  const timeoutScale = effectiveTimeoutScale(undefined, 2);
  const outcome = await slots(() => checkFolder(dir, { timeoutScale, ...spec }, { packages, env: { ...PROFILE, PORTSIDE_TEST_TAG: tag } }));
  expect(outcome.error, explain(outcome)).toBeUndefined();
  expect(taggedProcesses(tag), 'every process the check started is gone, without process groups').toEqual([]);
  return outcome;
}

/** Rules the profile made undecidable: skipped, naming the capability, in words. */
function undecided(outcome: HarnessOutcome): RuleResult[] {
  const found = outcome.results.filter((r) => r.details.unsupported !== undefined);
  for (const r of found) {
    expect(r.status, `${r.id} undecidable is reported as skipped`).toBe('skipped');
    expect(r.message, r.id).toMatch(/this runtime|on this runtime/i);
  }
  return found;
}

async function until(condition: () => boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (let delay = 10; !condition(); delay = Math.min(200, delay * 2)) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

describe('cancel under the webcontainer profile', () => {
  // The harness started directly, as the browser starts it: outside the host's kernel sandbox,
  // whose PID namespace would end everything anyway, so this proves the harness's own teardown.
  test('without process groups, SIGTERM to the harness still stops every process it started', async () => {
    const tag = randomUUID();
    const config = checkConfigFor({ command: 'node server.js', rules: ['responds-http', 'no-hardcoded-port', 'multiple-instances'] });
    const workspace = await prepareWorkspace(join(FIXTURES, 'slow-start'), config, []);
    try {
      const harness = spawn(process.execPath, HARNESS_COMMAND.args, { cwd: workspace.dir, env: { ...process.env, ...PROFILE, PORTSIDE_TEST_TAG: tag }, stdio: ['ignore', 'pipe', 'inherit'] });
      const lines: string[] = [];
      harness.stdout.setEncoding('utf8').on('data', (text: string) => lines.push(...text.split('\n').filter(Boolean)));
      const exited = new Promise<number | null>((resolve) => harness.once('close', resolve));
      await until(() => taggedProcesses(tag).length >= 3); // the harness and its runs
      harness.kill('SIGTERM');
      expect(await exited).toBe(143);
      expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ type: 'done', cancelled: true });
      expect(taggedProcesses(tag)).toEqual([]);
    } finally {
      await workspace.remove();
    }
  }, 60_000);
});

describe('accuracy fixtures under the webcontainer profile', () => {
  test.concurrent.each(fixtures)('$name: $expect.about', async ({ dir, expect: want }) => {
    const command = want.command ?? 'node server.js';
    const outcome = await checkUnderProfile(dir, { command, rules: Object.keys(want.rules), probe: want.probe ?? {} }, ['express', 'fastify', 'ws']);
    if (/^python3?\s/.test(command)) {
      // A WebContainer's python3 cannot listen: every rule says so instead of judging.
      expect(undecided(outcome).map((r) => r.id), explain(outcome)).toEqual(Object.keys(want.rules));
      return;
    }
    // A node program: the profile leaves all of its rules decidable, or they say they cannot see.
    expect(undecided(outcome).map((r) => r.id), explain(outcome)).toEqual([]);
    expect(Object.fromEntries(outcome.results.map((r) => [r.id, r.status])), explain(outcome)).toEqual(want.webcontainer ?? want.rules);
    for (const r of outcome.results.filter((r) => r.status === 'error')) expect(r.message, r.id).toMatch(/limit of (the environment|Portside)/);
  }, 120_000);
});

describe('lesson verification under the webcontainer profile', () => {
  const FAILING = ['fail', 'timeout', 'skipped'];
  describe.concurrent.each(lessons)('lesson $folder', (lesson) => {
    const python = /^python3?\s/.test(lesson.command);

    test('the starter fails exactly its starterFails, or says the runtime cannot decide', async () => {
      const outcome = await checkUnderProfile(join(LESSONS, lesson.folder, 'starter'), lesson, lessonPackageNames);
      expect(outcome.results.map((r) => r.id)).toEqual(lesson.rules);
      const skippedForRuntime = undecided(outcome);
      if (python) {
        // A WebContainer's python3 cannot listen: every server rule says so, and points to the local runtime.
        expect(skippedForRuntime.map((r) => r.id)).toEqual(lesson.rules);
        for (const r of skippedForRuntime) expect(r.message).toMatch(/python3 .*cannot listen on a port: use the local runtime/);
        return;
      }
      expect(skippedForRuntime.map((r) => r.id), explain(outcome)).toEqual([]);
      for (const r of outcome.results) {
        if (lesson.starterFails.includes(r.id)) expect(FAILING, `${r.id} should fail\n${explain(outcome)}`).toContain(r.status);
        else expect(r.status, `${r.id} should pass\n${explain(outcome)}`).toBe('pass');
      }
    }, 180_000);

    test('the solution passes every rule, or says the runtime cannot decide', async () => {
      const outcome = await checkUnderProfile(join(LESSONS, lesson.folder, 'solution'), lesson, lessonPackageNames);
      const skippedForRuntime = undecided(outcome);
      expect(skippedForRuntime.map((r) => r.id)).toEqual(python ? lesson.rules : []);
      expect(outcome.results.filter((r) => r.status !== 'pass' && r.details.unsupported === undefined), explain(outcome)).toEqual([]);
      // Undecided is never passed.
      expect(outcome.passed).toBe(!python);
    }, 180_000);
  });
});
