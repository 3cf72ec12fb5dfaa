import { describe, expect, test } from 'vitest';
import { RULE_IDS } from '../../probes/catalogue.mjs';
import { hostProbeFiles } from '../../test-support/server-side.ts';
import { probeFiles } from './probe-files.ts';

describe('the harness files shipped to a sandbox', () => {
  test('the browser (Vite glob) and the host (fs) ship exactly the same files', async () => {
    const browser = await probeFiles();
    const host = await hostProbeFiles();
    expect(Object.keys(browser).sort()).toEqual(Object.keys(host).sort());
    for (const [path, text] of Object.entries(host)) expect(browser[path], path).toBe(text);
  });

  test('include the harness, the observer, acorn and every rule — and no tests or fixtures', async () => {
    const paths = Object.keys(await probeFiles());
    expect(paths).toEqual(expect.arrayContaining(['.portside/harness.mjs', '.portside/observer.cjs', '.portside/acorn.mjs', '.portside/catalogue.mjs']));
    for (const id of RULE_IDS) expect(paths).toContain(`.portside/rules/${id}.mjs`);
    expect(paths.filter((p) => /fixtures|\.test\.|\.ts$|\.md$/.test(p))).toEqual([]);
    expect(paths.every((p) => p.startsWith('.portside/'))).toBe(true);
  });
});
