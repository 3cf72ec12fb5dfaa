/**
 * Checks one folder of code against a lesson's rules, exactly as `npm run grade` does: copy to a
 * temp workspace, add the harness, run it with the host's node, remove the copy. Tests and the
 * bench call this too, so every result they see came through the same path.
 */
import { checkConfigFor } from '../../probes/check-config.mjs';
import { runHarness, type HarnessOutcome, type RunHarnessOptions } from './run-harness.ts';
import { prepareWorkspace } from './workspace.ts';
import type { ProbeOptions } from '../../contracts/lesson-schema.ts';

/** What is checked: a lesson, or anything shaped like one (test fixtures). */
export interface CheckSpec {
  command: string;
  rules: readonly string[];
  probe?: Partial<ProbeOptions>;
  namedPorts?: readonly number[];
  /** Multiplies every deadline of the checks (check.json's timeoutScale); 1 when absent. */
  timeoutScale?: number;
}

export interface CheckFolderOptions extends RunHarnessOptions {
  /** Packages linked into node_modules from Portside's own install (the lessons' packages). */
  packages?: readonly string[];
  /** Runs in the temp copy before the check (grade --install); what it throws ends the check. */
  prepare?: (dir: string) => Promise<void>;
}

export async function checkFolder(dir: string, spec: CheckSpec, options: CheckFolderOptions = {}): Promise<HarnessOutcome> {
  const workspace = await prepareWorkspace(dir, checkConfigFor({ ...spec, rules: [...spec.rules] }), options.packages ?? [], undefined, options.prepare);
  try {
    return await runHarness(workspace.dir, options);
  } finally {
    await workspace.remove();
  }
}
