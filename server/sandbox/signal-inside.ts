/**
 * SIGTERM for a sandboxed process tree. bwrap itself does not pass signals on, and dies of
 * SIGTERM — which would SIGKILL the whole sandbox at once (`--die-with-parent`) and rob a
 * learner's server of its clean shutdown (lesson 11). So Stop signals the processes inside
 * the sandbox (they are visible in the host's /proc) and leaves the two bwrap processes — the
 * outer one the runner spawned and its child, the namespace's init — for the SIGKILL that
 * follows after the grace period and takes everything left with them.
 */
import { readProcessTable, treeMembers } from '../runner/process-table.ts';

export async function signalInside(outer: number, signal: NodeJS.Signals): Promise<void> {
  const members = treeMembers(await readProcessTable(), new Set([outer]));
  for (const member of members) {
    if (member.pid === outer || member.ppid === outer) continue;
    try {
      process.kill(member.pid, signal);
    } catch {
      // Already gone.
    }
  }
}
