/**
 * The capability record (probes/lib/capabilities.mjs) for checks run on this host. Each check
 * runs in a fresh sandboxed workspace with its own TMPDIR, so the harness's own cache never
 * carries over, and measuring costs about a second. So the record is measured once per profile
 * and process — in the same sandbox, in a workspace that holds no learner code (a submission must
 * not be able to write the record the next one is checked with) — and written into every
 * workspace before its harness starts. The harness still validates it and measures afresh if it
 * does not match its runtime.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAPABILITIES_FILE, PROFILE_ENV } from '../../probes/lib/capabilities.mjs';
import { spawnHarness } from '../sandbox/harness-spawn.ts';
import { prepareWorkspace } from './workspace.ts';

const measured = new Map<string, Promise<string | null>>();

/** Writes this host's record for the profile in `env` into `workspace` (measuring it the first time). */
export async function seedCapabilities(workspace: string, env: Record<string, string>): Promise<void> {
  const profile = env[PROFILE_ENV] ?? process.env[PROFILE_ENV] ?? 'native';
  let record = measured.get(profile);
  if (!record) {
    record = measure(env);
    measured.set(profile, record);
  }
  const text = await record;
  if (text) await writeFile(join(workspace, CAPABILITIES_FILE), text);
}

/** Runs `node .portside/capabilities.mjs` in the sandbox, in an empty workspace; the record, or null. */
async function measure(env: Record<string, string>): Promise<string | null> {
  const empty = await mkdtemp(join(tmpdir(), 'portside-capabilities-source-'));
  const workspace = await prepareWorkspace(empty, { command: 'node server.js', rules: [], probe: {}, avoidPorts: [] }, []);
  try {
    const child = await spawnHarness(workspace.dir, ['.portside/capabilities.mjs', '--fresh'], env);
    child.stdout.resume();
    child.stderr.resume();
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    return code === 0 ? await readFile(join(workspace.dir, CAPABILITIES_FILE), 'utf8') : null;
  } catch {
    return null; // the harness measures for itself
  } finally {
    await workspace.remove();
    await rm(empty, { recursive: true, force: true });
  }
}
