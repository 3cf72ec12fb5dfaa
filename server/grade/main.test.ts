/**
 * `npm run grade` as a teacher runs it: a real CLI process, real submissions, exit codes, output
 * shapes — and the submission folders left exactly as they were, nothing left in the temp folder.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fingerprint, gradeCli } from './grade-cli.test-helper.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const lesson = (name: string) => join(ROOT, 'lessons', '02-take-the-port', name);
const scratch = mkdtempSync(join(tmpdir(), 'portside-grade-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const grade = (args: string[]) => gradeCli(args, { scratch });

const jsonLines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line));

describe('npm run grade', () => {
  test('exit 2 for an unknown lesson, naming it, with usage', async () => {
    const { code, stderr } = await grade(['no-such-lesson', lesson('solution')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown lesson "no-such-lesson" \(known: .*take-the-port/);
    expect(stderr).toMatch(/usage: npm run -s grade/);
  });

  test('exit 2 without arguments', async () => {
    expect((await grade([])).code).toBe(2);
  });

  test('exit 0, a JSON line and a summary line when the submission passes; the folder is not modified', async () => {
    const submission = join(scratch, 'alice');
    cpSync(lesson('solution'), submission, { recursive: true });
    mkdirSync(join(submission, 'node_modules', 'left-alone'), { recursive: true });
    writeFileSync(join(submission, 'node_modules', 'left-alone', 'index.js'), 'module.exports = 1;');
    const before = fingerprint(submission);
    const { code, stdout, left } = await grade(['02-take-the-port', submission, '--json']);
    expect(code).toBe(0);
    const [report, summary, ...rest] = jsonLines(stdout);
    expect(rest).toEqual([]);
    expect(report).toMatchObject({ lesson: 'take-the-port', dir: submission, student: 'alice', verdict: 'passed', passed: true, points: 3, maxPoints: 3 });
    expect(report.rules.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      ['responds-http', 'pass'],
      ['uses-env-port', 'pass'],
      ['no-hardcoded-port', 'pass'],
    ]);
    expect(summary).toEqual({ summary: { total: 1, passed: 1, failed: 0, error: 0, attention: [], points: 3, maxPoints: 3, cancelled: false } });
    expect(fingerprint(submission)).toBe(before);
    expect(left).toEqual([]);
  });

  test('exit 1 when a rule fails: one JSON line per submission, in the order given', async () => {
    const { code, stdout } = await grade(['take-the-port', lesson('starter'), lesson('solution'), '--json', '--jobs', '2']);
    expect(code).toBe(1);
    const [starter, solution, summary] = jsonLines(stdout);
    expect([starter.dir, starter.passed, solution.dir, solution.passed]).toEqual([lesson('starter'), false, lesson('solution'), true]);
    expect(starter.rules[0]).toMatchObject({ id: 'responds-http', status: 'fail', details: { file: 'server.js', line: 9 } });
    expect(starter.rules[0].details.transcript[0]).toMatch(/^\$ PORT=\d+ node server\.js$/);
    expect(summary.summary).toMatchObject({ passed: 1, failed: 1, attention: [{ path: lesson('starter'), verdict: 'failed' }] });
  });

  test('human output: a line per rule, the first failure in detail, the summary; progress on stderr', async () => {
    const { code, stdout, stderr } = await grade(['take-the-port', lesson('starter')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ .*starter: 0 of 3 rules pass, 0\/3 points/);
    // 3000 may be free (it listens there) or taken by another test's run (it crashes): both fail.
    expect(stdout).toMatch(/✗ responds-http\s+FAIL: With PORT=\d+, your server (listened on |called listen\()3000/);
    expect(stdout).toMatch(/responds-http, in detail:\n\s+\$ PORT=\d+ node server.js\n\s+\$ curl -i http:\/\/localhost:\d+\//);
    expect(stdout).toMatch(/hint: server.js:9 passes the literal 3000 to listen\(\)/);
    expect(stdout).toMatch(/1 of 1 graded: 0 passed, 1 failed, 0 could not be checked; 0\/3 points in all\n\nto look at:\n {2}✗ .*starter \(0\/3 points\) — responds-http, uses-env-port, no-hardcoded-port/);
    expect(stderr).toContain('1/1 graded');
  });

  test('a class folder with every kind of item, at --jobs 4: a row each, the summary, JUnit and CSV, exit 3', async () => {
    const klass = join(scratch, 'class');
    const add = (name: string, from: string) => cpSync(from, join(klass, name), { recursive: true });
    add('ada', lesson('solution'));
    add('ben', lesson('starter'));
    add('cy/orders', lesson('solution'));
    mkdirSync(join(klass, 'dee'), { recursive: true });
    mkdirSync(join(klass, 'eve'));
    writeFileSync(join(klass, 'eve', 'README.md'), '# my server\n');
    mkdirSync(join(klass, 'fay'));
    cpSync(join(lesson('solution'), 'server.js'), join(klass, 'fay', 'index.js'));
    execFileSync('tar', ['-czf', join(klass, 'gus.tar.gz'), '-C', lesson('solution'), '.']);
    writeFileSync(join(klass, 'hal.zip'), 'this is no zip');
    writeFileSync(join(klass, 'ivy.rar'), 'Rar!');
    add('jon', lesson('solution'));
    writeFileSync(join(klass, 'jon', 'package.json'), JSON.stringify({ type: 'module', dependencies: { dotenv: '^16.0.0' } }));
    add('kim', lesson('solution'));
    mkdirSync(join(klass, 'kim', 'node_modules', 'broken'), { recursive: true });
    const before = fingerprint(klass);
    const reports = join(scratch, 'reports');
    mkdirSync(reports);
    const { code, stdout, left } = await grade(['02', klass, '--jobs', '4', '--json', '--junit', join(reports, 'r.xml'), '--csv', join(reports, 'r.csv')]);
    const lines = jsonLines(stdout);
    const rows = lines.slice(0, -1);
    expect(rows.map((r) => [r.student, r.verdict, r.problem ?? r.notes[0] ?? ''])).toEqual([
      ['ada', 'passed', ''],
      ['ben', 'failed', ''],
      ['cy', 'passed', 'found the project in orders/ — graded that'],
      ['dee', 'failed', 'empty folder'],
      ['eve', 'failed', 'only a README.md'],
      ['fay', 'failed', 'no server.js; found index.js'],
      ['gus', 'passed', ''],
      ['hal', 'error', expect.stringMatching(/^not a readable zip/)],
      ['ivy.rar', 'error', 'not a folder, .zip or .tar.gz'],
      ['jon', 'error', 'not available to the grader: dotenv (declared in package.json; grading is offline)'],
      ['kim', 'passed', "the node_modules/ handed in was not used; declared packages came from the grader's own install"],
    ]);
    expect(lines.at(-1).summary).toMatchObject({ total: 11, passed: 4, failed: 4, error: 3 });
    expect(code).toBe(3);
    const xml = readFileSync(join(reports, 'r.xml'), 'utf8');
    expect(xml.match(/<testsuite /g)).toHaveLength(11);
    expect(xml.match(/<testcase /g)).toHaveLength(33);
    expect(xml.match(/<property name="maxPoints" value="3"\/>/g)).toHaveLength(11);
    const csv = readFileSync(join(reports, 'r.csv'), 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('student,path,lesson,verdict,rules passed,points,max points,responds-http,uses-env-port,no-hardcoded-port,notes');
    expect(csv).toHaveLength(12);
    expect(fingerprint(klass)).toBe(before);
    expect(left).toEqual([]);
  }, 120_000);

  test('a manifest chooses the lesson per submission; an unknown lesson is that row\'s problem', async () => {
    const dir = join(scratch, 'manifest');
    cpSync(lesson('solution'), join(dir, 'ada'), { recursive: true });
    cpSync(join(ROOT, 'lessons', '13-capstone', 'solution'), join(dir, 'ben'), { recursive: true });
    cpSync(lesson('solution'), join(dir, 'cy'), { recursive: true });
    writeFileSync(join(dir, 'class.csv'), 'student,path,lesson\nAda Lovelace,ada,02\nBen,ben,capstone\nCy,cy,99\n');
    const { code, stdout } = await grade(['--manifest', join(dir, 'class.csv'), '--json', '--jobs', '2', '--csv', join(dir, 'report.csv')]);
    const rows = jsonLines(stdout).slice(0, -1);
    expect(rows.map((r) => [r.student, r.lesson, r.verdict, r.problem])).toEqual([
      ['Ada Lovelace', 'take-the-port', 'passed', undefined],
      ['Ben', 'capstone', 'passed', undefined],
      ['Cy', '', 'error', 'unknown lesson "99" (manifest line 4)'],
    ]);
    expect(code).toBe(3);
    const header = readFileSync(join(dir, 'report.csv'), 'utf8').split('\r\n')[0];
    expect(header).toMatch(/^student,path,lesson,verdict,rules passed,points,max points,responds-http,uses-env-port,no-hardcoded-port,default-port,.*multiple-instances,notes$/);
  }, 120_000);
});
