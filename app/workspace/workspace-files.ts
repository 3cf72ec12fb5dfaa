/**
 * The one owner of the learner's files in a runtime's workspace. Run and Check both write the
 * lesson's files before they start something; each used to remember its own last write, so a
 * Check in a new lesson before any Run left the previous lesson's files behind. Now there is one
 * record per runtime, whoever writes.
 */
import type { FileMap, Runtime } from '../runtime/types.ts';

export type WorkspaceRuntime = Pick<Runtime, 'writeFiles' | 'remove'>;

export class WorkspaceFiles {
  /** The learner's files written last, so files of an earlier lesson can be removed. */
  private written = new Set<string>();

  constructor(private readonly runtime: WorkspaceRuntime) {}

  /**
   * Writes the learner's `files`, after removing what was written before and is no longer in
   * them. `ours` (the harness, check.json) is written too, but is not the learner's to track.
   */
  async write(files: FileMap, ours: FileMap = {}): Promise<void> {
    for (const path of this.written) {
      if (!(path in files)) await this.runtime.remove(path);
    }
    await this.runtime.writeFiles({ ...files, ...ours });
    this.written = new Set(Object.keys(files));
  }
}

const owners = new WeakMap<WorkspaceRuntime, WorkspaceFiles>();

/** The owner of `runtime`'s workspace files: always the same one, so Run and Check share it. */
export function workspaceFilesOf(runtime: WorkspaceRuntime): WorkspaceFiles {
  let owner = owners.get(runtime);
  if (!owner) {
    owner = new WorkspaceFiles(runtime);
    owners.set(runtime, owner);
  }
  return owner;
}
