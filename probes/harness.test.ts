/**
 * The harness as the UI and grade drive it: `node .portside/harness.mjs .portside/check.json` in
 * a workspace, JSON lines on stdout, cancel with SIGTERM — and nothing left running afterwards.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, test } from 'vitest';
import { checkConfigFor } from './check-config.mjs';
import { CHECK_CONFIG_PATH, HARNESS_COMMAND } from './files.mjs';
import { taggedProcesses } from './tagged-processes.ts';
import { prepareWorkspace, type PreparedWorkspace } from '../server/grade/workspace.ts';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);
const workspaces: PreparedWorkspace[] = [];
afterEach(async () => Promise.all(workspaces.splice(0).map((w) => w.remove())));

async function start(name: string, rules: string[], probe: Record<string, unknown> = {}) {
  const workspace = await prepareWorkspace(fixture(name), checkConfigFor({ command: 'node server.js', rules, probe }), []);
  workspaces.push(workspace);
  const tag = randomUUID();
  const child = spawn(process.execPath, HARNESS_COMMAND.args, { cwd: workspace.dir, env: { ...process.env, PORTSIDE_TEST_TAG: tag }, stdio: ['ignore', 'pipe', 'inherit'] });
  const events: { type: string; [key: string]: unknown }[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => events.push(JSON.parse(line)));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, events, exited, tag, workspace };
}

async function until(condition: () => boolean, ms = 15000) {
  const deadline = Date.now() + ms;
  for (let delay = 10; !condition(); delay = Math.min(200, delay * 2)) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

describe('the harness protocol', () => {
  test('start, running before each result, done last; exit 0 when all pass', async () => {
    const { events, exited } = await start('env-number-esm', ['responds-http', 'uses-env-port', 'no-hardcoded-port'], { bodyPattern: 'hello' });
    expect(await exited).toBe(0);
    expect(events[0]).toEqual({ type: 'start', rules: ['responds-http', 'uses-env-port', 'no-hardcoded-port'] });
    expect(events.at(-1)).toEqual({ type: 'done', passed: true, counts: { pass: 3, fail: 0, timeout: 0, error: 0, skipped: 0 } });
    for (const event of events.filter((e) => e.type === 'result')) {
      const { id } = event.result as { id: string };
      const running = events.findIndex((e) => e.type === 'running' && e.id === id);
      expect(running, id).toBeGreaterThan(0);
      expect(running).toBeLessThan(events.indexOf(event));
    }
  });

  test('uses-env-port keeps watching after readiness while the rules after it report at once', async () => {
    const { events, exited } = await start('env-number-esm', ['uses-env-port', 'responds-http'], { bodyPattern: 'hello' });
    expect(await exited).toBe(0);
    const results = events.filter((e) => e.type === 'result').map((e) => e.result as { id: string; durationMs: number });
    // Listed first, reported last: it watched for a late port (2.5 s) while responds-http was answered.
    expect(results.map((r) => r.id)).toEqual(['responds-http', 'uses-env-port']);
    expect(results[1]!.durationMs).toBeGreaterThanOrEqual(2000);
  });

  test('exit 1 when a rule does not pass', async () => {
    const { events, exited } = await start('exits-at-once', ['responds-http', 'uses-env-port']);
    expect(await exited).toBe(1);
    const results = events.filter((e) => e.type === 'result').map((e) => e.result as { id: string; status: string; details: Record<string, unknown> });
    expect(results.map((r) => [r.id, r.status])).toEqual([['responds-http', 'fail'], ['uses-env-port', 'skipped']]);
    expect(results[0]!.details.neverStarted).toBe(true);
    expect(results[1]!.details.blockedBy).toBe('responds-http');
  });

  test('a bad check.json: one error line naming the field, exit 2', async () => {
    const workspace = await prepareWorkspace(fixture('env-number-esm'), checkConfigFor({ command: 'node server.js', rules: ['responds-http'] }), []);
    workspaces.push(workspace);
    writeFileSync(join(workspace.dir, CHECK_CONFIG_PATH), JSON.stringify({ command: 'node server.js', rules: ['no-such-rule'] }));
    const child = spawn(process.execPath, HARNESS_COMMAND.args, { cwd: workspace.dir });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { type: 'error', message: expect.stringContaining('unknown rule "no-such-rule"') },
      { type: 'done', passed: false },
    ]);
  });

  test('SIGTERM cancels: everything it started is stopped before it exits', async () => {
    const { child, events, exited, tag } = await start('slow-start', ['responds-http', 'no-hardcoded-port', 'multiple-instances']);
    await until(() => taggedProcesses(tag).length >= 3); // the harness and its runs
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(events.at(-1)).toMatchObject({ type: 'done', passed: false, cancelled: true });
    // A cancel is said once, by `done`: no rule is blamed on "the check itself failed".
    expect(events.filter((e) => e.type === 'result')).toEqual([]);
    expect(taggedProcesses(tag)).toEqual([]);
  });

  test("killed outright, it leaves nothing behind either: its runs notice it is gone", async () => {
    const { child, exited, tag } = await start('slow-start', ['responds-http', 'no-hardcoded-port']);
    await until(() => taggedProcesses(tag).length >= 3);
    child.kill('SIGKILL');
    await exited;
    await until(() => taggedProcesses(tag).length === 0, 10000);
  });
});
