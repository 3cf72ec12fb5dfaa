/**
 * What a lesson's command cannot do on the runtime that will run it, said before Run rather than
 * after a confusing failure. Pure, table-tested. The sandbox facts behind it: a WebContainer's
 * python3 is a WebAssembly build with only the standard library, and it cannot listen on a port
 * (bolt.new's prompts; webcontainer-core#1346), so no Python server can run there.
 */
import { parseCommand } from '../../probes/lib/command.mjs';
import type { RuntimeKind } from '../runtime/types.ts';

const PYTHON = new Set(['python', 'python3']);

/** The notice for `command` on `kind`, or null when the runtime can run it. */
export function runtimeNoticeFor(command: string, kind: RuntimeKind): string | null {
  if (kind !== 'webcontainer') return null;
  let program: string | undefined;
  try {
    const parsed = parseCommand(command);
    program = parsed.shell ? undefined : parsed.argv[0];
  } catch {
    return null;
  }
  if (!program || !PYTHON.has(program)) return null;
  return (
    `Python needs the local runtime. This lesson runs "${command}", and the in-browser sandbox's ${program} is a ` +
    'WebAssembly build that cannot listen on a port: Run cannot serve it here, and Check reports its rules as not ' +
    'decided on this runtime. You can read and edit the code here; to run and check it, start Portside on your own ' +
    'machine (npm install && npm start).'
  );
}
