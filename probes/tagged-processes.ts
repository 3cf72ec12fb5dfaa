/**
 * Test support: the processes still alive that carry a tag in their environment. Tests give each
 * check a unique PORTSIDE_TEST_TAG; the harness passes it to everything it starts, so after the
 * check none may remain — the proof that teardown kills every process it started (Linux /proc).
 */
import { readdirSync, readFileSync } from 'node:fs';

export function taggedProcesses(tag: string): number[] {
  const needle = `PORTSIDE_TEST_TAG=${tag}\0`;
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'latin1').includes(needle)) found.push(Number(name));
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found;
}
