/**
 * `npm run grade` as a teacher runs it: a real CLI process, real submissions, exit codes, output
 * shapes — and the submission folder left exactly as it was.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const lesson = (name: string) => join(ROOT, 'lessons', '02-take-the-port', name);
const scratch = mkdtempSync(join(tmpdir(), 'portside-grade-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function grade(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [join(ROOT, 'server/grade/main.ts'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every file's path, size and content hash: enough to see any change. */
function fingerprint(dir: string): string {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => join(e.parentPath, e.name)).sort();
  return entries.map((path) => `${path} ${statSync(path).isFile() ? createHash('sha1').update(readFileSync(path)).digest('hex') : 'dir'}`).join('\n');
}

describe('npm run grade', () => {
  test('exit 2 for an unknown lesson, naming it, with usage', async () => {
    const { code, stderr } = await grade('no-such-lesson', lesson('solution'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown lesson "no-such-lesson" \(known: .*take-the-port/);
    expect(stderr).toMatch(/usage: npm run grade/);
  });

  test('exit 2 for a missing folder, naming it', async () => {
    const { code, stderr } = await grade('take-the-port', lesson('solution'), '/no/such/folder');
    expect(code).toBe(2);
    expect(stderr).toMatch(/no such folder: \/no\/such\/folder/);
  });

  test('exit 2 without arguments', async () => {
    expect((await grade()).code).toBe(2);
  });

  test('exit 0 and one JSON line when the submission passes; the folder is not modified', async () => {
    const submission = join(scratch, 'alice');
    cpSync(lesson('solution'), submission, { recursive: true });
    mkdirSync(join(submission, 'node_modules', 'left-alone'), { recursive: true });
    writeFileSync(join(submission, 'node_modules', 'left-alone', 'index.js'), 'module.exports = 1;');
    const before = fingerprint(submission);
    const { code, stdout } = await grade('02-take-the-port', submission, '--json');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!);
    expect(report).toMatchObject({ lesson: 'take-the-port', dir: submission, passed: true });
    expect(report.rules.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      ['responds-http', 'pass'],
      ['uses-env-port', 'pass'],
      ['no-hardcoded-port', 'pass'],
    ]);
    expect(fingerprint(submission)).toBe(before);
  });

  test('exit 1 when a rule fails: one JSON line per submission, in order', async () => {
    const { code, stdout } = await grade('take-the-port', lesson('starter'), lesson('solution'), '--json');
    expect(code).toBe(1);
    const reports = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(reports.map((r) => [r.dir, r.passed])).toEqual([[lesson('starter'), false], [lesson('solution'), true]]);
    const failure = reports[0].rules[0];
    expect(failure).toMatchObject({ id: 'responds-http', status: 'fail', details: { file: 'server.js', line: 9 } });
    expect(failure.details.transcript[0]).toMatch(/^\$ PORT=\d+ node server\.js$/);
  });

  test('human output: a line per rule and the first failure in detail', async () => {
    const { code, stdout } = await grade('take-the-port', lesson('starter'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ .*starter: 0 of 3 rules pass/);
    // 3000 may be free (it listens there) or taken by another test's run (it crashes): both fail.
    expect(stdout).toMatch(/✗ responds-http\s+FAIL: With PORT=\d+, your server (listened on |called listen\()3000/);
    expect(stdout).toMatch(/responds-http, in detail:\n\s+\$ PORT=\d+ node server.js\n\s+\$ curl -i http:\/\/localhost:\d+\//);
    expect(stdout).toMatch(/hint: server.js:9 passes the literal 3000 to listen\(\)/);
  });
});
