/** action.yml's pieces: the summary step on real `grade --json` output, and the file's shape. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'portside-action-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('the summary step turns grade --json into outputs and a job summary', () => {
  const graded = spawnSync('node', ['bin/portside.mjs', 'grade', '02', 'lessons/02-take-the-port/starter', 'lessons/02-take-the-port/solution', '--json'], { cwd: ROOT, encoding: 'utf8' });
  expect(graded.status).toBe(1);
  const lines = graded.stdout;
  const output = join(scratch, 'output');
  const summary = join(scratch, 'summary.md');
  execFileSync('node', ['bin/action-summary.mjs'], { cwd: ROOT, input: lines, env: { ...process.env, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary } });
  expect(readFileSync(output, 'utf8')).toBe('verdict=failed\nscore=3\nmax-score=6\n');
  expect(readFileSync(summary, 'utf8')).toMatch(/^### Portside: failed \(3\/6 points\)\n\n\| rule \| status \| message \|\n\|---\|---\|---\|\n\| responds-http \| fail \| With PORT=\d+/);
}, 60_000);

test('action.yml runs the CLI from the action checkout, inputs only through the environment', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  expect(Object.keys(action.inputs)).toEqual(['lesson', 'path', 'junit', 'timeout-scale']);
  expect(Object.keys(action.outputs)).toEqual(['verdict', 'score', 'max-score']);
  const scripts = action.runs.steps.filter((step: { run?: string }) => step.run).map((step: { run: string }) => step.run).join('\n');
  expect(scripts).not.toContain('${{');
  for (const file of ['bin/portside.mjs', 'bin/action-summary.mjs']) {
    expect(scripts).toContain(file);
    expect(existsSync(join(ROOT, file))).toBe(true);
  }
});
