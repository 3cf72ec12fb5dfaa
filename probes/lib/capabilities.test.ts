import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CAPABILITIES_FILE, CAPABILITY_MEANINGS, describeCapabilities, loadCapabilities, measureCapabilities, profileFrom, PROFILES } from './capabilities.mjs';
import { undecidable } from './rule-needs.mjs';

const workspace = mkdtempSync(join(tmpdir(), 'portside-capabilities-test-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('the capability probe, measured for real on this machine', () => {
  test.runIf(process.platform === 'linux')('Linux with node has everything a check uses', async () => {
    const record = await measureCapabilities('native');
    const missing = Object.entries(record.has).filter(([, ok]) => !ok).map(([name]) => `${name}: ${record.why[name as keyof typeof record.why]}`);
    // python3 is the one thing a machine may lack; everything else is Linux and node.
    expect(missing.filter((line) => !line.startsWith('python3'))).toEqual([]);
    expect(Object.keys(record.has).sort()).toEqual(Object.keys(CAPABILITY_MEANINGS).sort());
    expect(record.serverAddressReported).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
  }, 60_000);

  test('the webcontainer profile takes away what a WebContainer may lack, and says so', async () => {
    const record = await measureCapabilities('webcontainer');
    for (const name of PROFILES.webcontainer) {
      expect(record.has[name as keyof typeof record.has], name).toBe(false);
      expect(record.why[name as keyof typeof record.why]).toBe('taken away by PORTSIDE_SANDBOX_PROFILE=webcontainer');
    }
    expect(record.has.cliPreload && record.has.tcpLoopback && record.has.sigtermCatchable).toBe(true);
    expect(describeCapabilities(record)).toMatch(/no {3}processGroups: .* — taken away by PORTSIDE_SANDBOX_PROFILE=webcontainer/);
  }, 60_000);
});

describe('the record is kept in the workspace', () => {
  test('measured once, then read back; another profile measures afresh', async () => {
    const first = await loadCapabilities({ cwd: workspace, env: {}, fresh: true });
    const file = join(workspace, CAPABILITIES_FILE);
    expect(JSON.parse(readFileSync(file, 'utf8')).measuredAt).toBe(first.measuredAt);
    expect((await loadCapabilities({ cwd: workspace, env: {} })).measuredAt).toBe(first.measuredAt);
    const other = await loadCapabilities({ cwd: workspace, env: { PORTSIDE_SANDBOX_PROFILE: 'webcontainer' } });
    expect(other.profile).toBe('webcontainer');
    expect(other.has.processGroups).toBe(false);
  }, 60_000);

  test('a damaged record is measured again instead of trusted', async () => {
    writeFileSync(join(workspace, CAPABILITIES_FILE), '{"version":1,"profile":"native","has":{}}');
    const record = await loadCapabilities({ cwd: workspace, env: {} });
    expect(typeof record.has.tcpLoopback).toBe('boolean');
  }, 60_000);

  test('an unknown profile is refused by name', () => {
    expect(() => profileFrom({ PORTSIDE_SANDBOX_PROFILE: 'wasm' })).toThrow(/PORTSIDE_SANDBOX_PROFILE=wasm is not a sandbox profile \(known: native, webcontainer\)/);
  });
});

describe('rules a runtime cannot decide', () => {
  const has = Object.fromEntries(Object.keys(CAPABILITY_MEANINGS).map((name) => [name, true]));
  const ctx = (command: string, missing: string[]) => ({ command, capabilities: { has: { ...has, ...Object.fromEntries(missing.map((m) => [m, false])) }, why: { python3: 'taken away' } } }) as never;

  test('python3 without a python that can serve: every server rule, in words', () => {
    const reason = undecidable(ctx('python3 server.py', ['python3']), { id: 'responds-http', kind: 'main' });
    expect(reason?.capability).toBe('python3');
    expect(reason?.sentence).toMatch(/WebAssembly build that cannot listen.*local runtime/);
    expect(undecidable(ctx('node server.js', ['python3']), { id: 'responds-http', kind: 'main' })).toBeNull();
  });

  test('each rule names the capability it needs; static rules need none', () => {
    expect(undecidable(ctx('node s.js', ['sigtermCatchable']), { id: 'graceful-shutdown', kind: 'run' })?.capability).toBe('sigtermCatchable');
    expect(undecidable(ctx('node s.js', ['sigtermCatchable']), { id: 'responds-http', kind: 'main' })).toBeNull();
    expect(undecidable(ctx('node s.js', ['serverAddress']), { id: 'binds-host-from-env', kind: 'run' })?.sentence).toMatch(/^Not decided on this runtime: server.address\(\)/);
    expect(undecidable(ctx('node s.js', ['tcpLoopback']), { id: 'uses-env-port', kind: 'main' })?.capability).toBe('tcpLoopback');
    expect(undecidable(ctx('python3 s.py', ['tcpLoopback', 'python3']), { id: 'declares-server-dependency', kind: 'static' })).toBeNull();
  });
});
