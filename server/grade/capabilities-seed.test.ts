import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CAPABILITIES_FILE } from '../../probes/lib/capabilities.mjs';
import { seedCapabilities } from './capabilities-seed.ts';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'portside-seed-test-'));
  folders.push(dir);
  await mkdir(join(dir, '.portside'));
  return dir;
}

const record = async (dir: string) => JSON.parse(await readFile(join(dir, CAPABILITIES_FILE), 'utf8'));

describe('the capability record for checks on this host', () => {
  test('is measured once per profile, in the sandbox, and written into each workspace', async () => {
    const [first, second, profiled] = [await workspace(), await workspace(), await workspace()];
    await seedCapabilities(first, {});
    await seedCapabilities(second, {});
    await seedCapabilities(profiled, { PORTSIDE_SANDBOX_PROFILE: 'webcontainer' });
    const [a, b, c] = [await record(first), await record(second), await record(profiled)];
    expect(a.profile).toBe('native');
    expect(a.has.tcpLoopback).toBe(true);
    expect(b.measuredAt).toBe(a.measuredAt); // the same measurement, not a second one
    expect(c.profile).toBe('webcontainer');
    expect(c.has.processGroups).toBe(false);
  }, 60_000);
});
