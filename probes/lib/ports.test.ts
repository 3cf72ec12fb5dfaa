import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ALWAYS_AVOIDED, PortAllocator, RANGE, isFree } from './ports.mjs';

const folders: string[] = [];
const lockDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'portside-locks-test-'));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('port allocation', () => {
  test('hands out free ports in the range, never avoided ones, never twice', async () => {
    const dir = lockDir();
    const a = new PortAllocator([RANGE.min + 1], dir);
    const b = new PortAllocator([], dir);
    const ports = [];
    for (let i = 0; i < 30; i += 1) ports.push(await a.allocate(), await b.allocate());
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(RANGE.min);
      expect(port).toBeLessThanOrEqual(RANGE.max);
      expect(ALWAYS_AVOIDED).not.toContain(port);
    }
    a.releaseAll();
    b.releaseAll();
  });

  test("a fixed port waits for another check's lock, and a dead owner's lock is reclaimed", async () => {
    const dir = lockDir();
    const first = new PortAllocator([], dir);
    const second = new PortAllocator([], dir);
    expect(await first.lockFixed(5000)).toBe(true);
    expect(await second.lockFixed(5000, { timeoutMs: 100 })).toBe(false);
    setTimeout(() => first.release(5000), 50);
    expect(await second.lockFixed(5000, { timeoutMs: 5000 })).toBe(true);
    second.releaseAll();
    writeFileSync(join(dir, '5001'), '999999999'); // a pid that cannot exist
    expect(await second.lockFixed(5001, { timeoutMs: 100 })).toBe(true);
  });

  test('a port something listens on is not free', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const { port } = server.address() as { port: number };
    expect(await isFree(port)).toBe(false);
    await new Promise((resolve) => server.close(resolve));
    expect(await isFree(port)).toBe(true);
  });
});
