/**
 * Deadlines that hold under load: the capstone's reference solution, graded eight times over at
 * --jobs 4 on however few cores this machine has, passes every rule every time. (Without the
 * automatic timeout scale, the 3 s windows of rejects-bad-port and port-in-use lose to the load.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { gradeCli, ROOT } from './grade-cli.test-helper.ts';

const scratch = mkdtempSync(join(tmpdir(), 'portside-grade-parallel-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const capstone = join(ROOT, 'lessons', '13-capstone', 'solution');

test('the capstone solution passes eight times over at --jobs 4', async () => {
  const result = await gradeCli(['capstone', ...Array<string>(8).fill(capstone), '--jobs', '4', '--json'], { scratch });
  const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
  const failures = lines.slice(0, -1).flatMap((row) => row.rules.filter((r: { status: string }) => r.status !== 'pass').map((r: { id: string; message: string }) => `${r.id}: ${r.message}`));
  expect(failures).toEqual([]);
  expect(lines.at(-1).summary).toMatchObject({ total: 8, passed: 8 });
  expect(result.code).toBe(0);
  expect(result.left).toEqual([]);
}, 180_000);
