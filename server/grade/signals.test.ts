/**
 * Stopping grade for real: Ctrl+C to the whole `npm run grade` process group, and SIGTERM to
 * npm alone, stop every check it started and remove every temp copy; and `npm run -s grade
 * --json` stays pure JSON. Real processes, real signals, capstone solutions (the slowest checks).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { taggedProcesses } from '../../probes/tagged-processes.ts';
import { pollUntil } from '../../probes/lib/poll.mjs';
import { gradeCli, leftovers, ROOT, type GradeRun } from './grade-cli.test-helper.ts';

const scratch = mkdtempSync(join(tmpdir(), 'portside-grade-signals-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const capstone = join(ROOT, 'lessons', '13-capstone', 'solution');
const NPM_GRADE = ['npm', 'run', '-s', 'grade', '--'];

function runsHarness(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('harness.mjs');
  } catch {
    return false; // gone already
  }
}

/** Starts grading four capstones under npm and resolves once checks are really running. */
async function gradingUnderNpm(tag: string) {
  const run = gradeCli(['capstone', capstone, capstone, capstone, capstone, '--jobs', '2'], { scratch, program: NPM_GRADE, env: { PORTSIDE_TEST_TAG: tag }, detached: true, privateTmp: true });
  // The harness's own temp folders are inside each sandboxed copy now: watch for its process.
  const started = await pollUntil(() => (taggedProcesses(tag).some(runsHarness) ? true : undefined), { timeoutMs: 30_000, signal: undefined });
  expect(started.timedOut, 'a harness started').toBeUndefined();
  return { run }; // wrapped: an async function would wait for a returned promise to settle
}

async function expectNothingLeft(run: GradeRun, tag: string) {
  expect(run.left, 'no temp copy, observer log or port lock left').toEqual([]);
  const gone = await pollUntil(() => (taggedProcesses(tag).length === 0 ? true : undefined), { timeoutMs: 5000, signal: undefined });
  expect(gone.timedOut, `processes left: ${taggedProcesses(tag).join(', ')}`).toBeUndefined();
}

test('Ctrl+C (SIGINT to the process group) stops the checks and removes every copy', async () => {
  const tag = randomUUID();
  const { run } = await gradingUnderNpm(tag);
  process.kill(-run.child.pid!, 'SIGINT');
  const result = await run;
  expect(result.stderr).toContain('SIGINT received; stopping the checks');
  expect(result.stdout).toMatch(/graded \(interrupted\)/);
  await expectNothingLeft(result, tag);
}, 60_000);

test('SIGTERM to npm alone reaches grade, which stops everything and exits', async () => {
  const tag = randomUUID();
  const { run } = await gradingUnderNpm(tag);
  process.kill(run.child.pid!, 'SIGTERM');
  const result = await run;
  expect(result.code ?? result.signal).not.toBe(0);
  expect(result.stderr).toMatch(/(SIGTERM received|the program that started grade \(npm\?\) has gone); stopping the checks/);
  await expectNothingLeft(result, tag);
}, 60_000);

test('npm run -s grade --json prints only JSON lines on stdout', async () => {
  const result = await gradeCli(['take-the-port', join(ROOT, 'lessons', '02-take-the-port', 'solution'), '--json'], { scratch, program: NPM_GRADE });
  const lines = result.stdout.trim().split('\n');
  expect(lines.map((line) => Object.keys(JSON.parse(line))[0])).toEqual(['student', 'summary']);
  expect(result.code).toBe(0);
}, 60_000);

test('copies left by a grade killed outright (SIGKILL) are removed by the next grade', async () => {
  const tag = randomUUID();
  const killed = gradeCli(['capstone', capstone, '--jobs', '1'], { scratch, env: { PORTSIDE_TEST_TAG: tag }, privateTmp: true });
  const started = await pollUntil(() => (leftovers(killed.tmp).some((name) => name.startsWith('portside-grade-')) ? true : undefined), { timeoutMs: 30_000, signal: undefined });
  expect(started.timedOut, 'a copy was made').toBeUndefined();
  killed.child.kill('SIGKILL');
  await killed;
  // Its copy (and the capability probe's own workspace, when it was measuring) stay behind.
  expect(leftovers(killed.tmp).filter((name) => name.startsWith('portside-grade-')).length).toBeGreaterThanOrEqual(1);
  // Its harness outlives it for a moment (the sandbox's die-with-parent ends that where it runs).
  await pollUntil(() => (taggedProcesses(tag).length === 0 ? true : undefined), { timeoutMs: 30_000, signal: undefined });
  const next = await gradeCli(['take-the-port', join(ROOT, 'lessons', '02-take-the-port', 'solution')], { scratch, privateTmp: killed.tmp });
  expect(next.code).toBe(0);
  expect(next.left.filter((name) => name.startsWith('portside-grade-'))).toEqual([]);
}, 90_000);
