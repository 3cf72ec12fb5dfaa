/**
 * `npm run check-lesson` as an author runs it, on a course of copied lessons in a temp folder:
 * one lesson proven in seconds, a broken sibling named but not in the way, a lesson whose
 * solution is wrong caught, a YAML mistake reported at its line of lesson.md. And `grade` still
 * grades a lesson when another one is broken.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const course = mkdtempSync(join(tmpdir(), 'portside-check-lesson-'));
afterAll(() => rmSync(course, { recursive: true, force: true }));
cpSync(join(ROOT, 'lessons', '02-take-the-port'), join(course, '01-take-the-port'), { recursive: true });
cpSync(join(ROOT, 'lessons', '02-take-the-port'), join(course, '02-broken'), { recursive: true });
const brokenFile = join(course, '02-broken', 'lesson.md');
writeFileSync(brokenFile, readFileSync(brokenFile, 'utf8').replace(/^rules: \[(.*)\]$/m, 'rules: [$1'));
cpSync(join(ROOT, 'lessons', '02-take-the-port'), join(course, '03-wrong-solution'), { recursive: true });
cpSync(join(ROOT, 'lessons', '02-take-the-port', 'starter', 'server.js'), join(course, '03-wrong-solution', 'solution', 'server.js'));
const rulesLine = readFileSync(brokenFile, 'utf8').split('\n').findIndex((line) => line.startsWith('rules:')) + 1;

function start(script: string, args: string[], lessons = course) {
  const child = spawn('node', ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, PORTSIDE_LESSONS_DIR: lessons } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done, stdout: () => stdout };
}
const run = (script: string, args: string[]) => start(script, args).done;

async function until(condition: () => boolean, ms = 30_000): Promise<void> {
  for (const deadline = Date.now() + ms; !condition(); await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (Date.now() > deadline) throw new Error('not in time');
  }
}
const checkLesson = (...args: string[]) => run('server/lessons/check-lesson.ts', args);

describe('npm run check-lesson', () => {
  test('proves one lesson, and names the broken sibling without being stopped by it', async () => {
    const { code, stdout } = await checkLesson('01');
    expect(stdout).toContain('✓ 01-take-the-port is proven');
    expect(stdout).toContain(`note: another lesson is broken: ${brokenFile}:`);
    expect(code).toBe(0);
  }, 60_000);

  test('a YAML mistake is named with its folder, file and line of lesson.md', async () => {
    const { code, stdout } = await checkLesson('broken');
    const line = Number(/lesson\.md:(\d+): frontmatter is not valid YAML/.exec(stdout)?.[1]);
    expect(stdout).toContain(`✗ ${brokenFile}:`);
    // The parser notices an unclosed list on its line or the next one; never inside-the-frontmatter numbering.
    expect([rulesLine, rulesLine + 1]).toContain(line);
    expect(code).toBe(1);
  }, 60_000);

  test('a solution that fails is caught, naming the side and the rule', async () => {
    const { code, stdout } = await checkLesson('03-wrong-solution');
    expect(stdout).toMatch(/✗ solution: responds-http should pass but is fail: /);
    expect(stdout).toContain('✗ 03-wrong-solution is not proven');
    expect(code).toBe(1);
  }, 60_000);

  test('--watch checks again after a real change, reports a broken edit, and stops on Ctrl+C', async () => {
    const own = mkdtempSync(join(tmpdir(), 'portside-check-lesson-watch-'));
    cpSync(join(ROOT, 'lessons', '02-take-the-port'), join(own, '01-take-the-port'), { recursive: true });
    try {
      const watching = start('server/lessons/check-lesson.ts', ['01', '--watch'], own);
      await until(() => watching.stdout().includes('watching lessons/'));
      const lessonFile = join(own, '01-take-the-port', 'lesson.md');
      writeFileSync(lessonFile, readFileSync(lessonFile, 'utf8').replace(/^title: .*$/m, 'title:'));
      await until(() => watching.stdout().includes(`✗ ${lessonFile}:2: field "title"`));
      watching.child.kill('SIGINT');
      const { code, stdout } = await watching.done;
      expect(stdout.match(/is proven/g)).toHaveLength(1); // the first round only: reads are not changes
      expect(code).toBe(0);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 60_000);

  test('an unknown lesson is bad usage', async () => {
    const { code, stderr } = await checkLesson('99');
    expect(stderr).toMatch(/no lesson "99" \(known: 01-take-the-port, 03-wrong-solution\)/);
    expect(code).toBe(2);
  });

  test('grade grades a lesson while another is broken, and names the broken one when asked for it', async () => {
    const good = await run('server/grade/main.ts', ['01', join(course, '01-take-the-port', 'solution'), '--json']);
    expect(good.code).toBe(0);
    const broken = await run('server/grade/main.ts', ['02', join(course, '01-take-the-port', 'solution')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`lesson "02" cannot be loaded: ${brokenFile}:`);
  }, 60_000);
});
