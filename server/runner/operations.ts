/**
 * What each protocol operation does in a connection. Throwing here becomes an error result. File
 * operations have a deadline (deadline.ts), so none holds the connection's queue for good.
 */
import type { ClientMessage } from '../../contracts/runner-protocol.ts';
import { baseEnv, resolveCommand, resolveCwd } from './command-env.ts';
import { readText, removePath, writeFiles } from './file-ops.ts';
import { withinDeadline } from './deadline.ts';
import { freePort } from './free-port.ts';
import type { LearnerProcess, SpawnRequest } from './spawn-process.ts';

/** What the operations need of the connection they run in (declared here so neither imports the other). */
export interface OperationTarget {
  readonly workspace: string;
  readonly serverPort: number;
  start(request: Omit<SpawnRequest, 'workspace'>): Promise<number>;
  process(proc: number): LearnerProcess;
}

export async function perform(connection: OperationTarget, message: ClientMessage): Promise<unknown> {
  const root = connection.workspace;
  switch (message.op) {
    case 'writeFiles':
      return withinDeadline(writeFiles(root, message.files), 'Writing the files');
    case 'readFile':
      return withinDeadline(readText(root, message.path), `Reading "${message.path}"`);
    case 'remove':
      return withinDeadline(removePath(root, message.path), `Removing "${message.path}"`);
    case 'spawn': {
      const cwd = await resolveCwd(root, message.cwd);
      const env = { ...baseEnv(root), ...message.env };
      const file = await resolveCommand(message.command, cwd, root, env.PATH ?? '');
      return { proc: await connection.start({ file, args: message.args, cwd, env, pty: message.terminal }) };
    }
    case 'input':
      connection.process(message.proc).write(message.data);
      return undefined;
    case 'resize':
      connection.process(message.proc).resize({ cols: message.cols, rows: message.rows });
      return undefined;
    case 'kill':
      await connection.process(message.proc).stop();
      return undefined;
    case 'freePort':
      return freePort([connection.serverPort]);
  }
}
