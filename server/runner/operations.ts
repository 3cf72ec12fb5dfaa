/** What each protocol operation does in a connection. Throwing here becomes an error result. */
import type { ClientMessage } from '../../contracts/runner-protocol.ts';
import { baseEnv, resolveCommand, resolveCwd } from './command-env.ts';
import { readText, removePath, writeFiles } from './file-ops.ts';
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
      return writeFiles(root, message.files);
    case 'readFile':
      return readText(root, message.path);
    case 'remove':
      return removePath(root, message.path);
    case 'spawn': {
      const cwd = await resolveCwd(root, message.cwd);
      const env = { ...baseEnv(root), ...message.env };
      const file = await resolveCommand(message.command, cwd, root, env.PATH ?? '');
      return { proc: await connection.start({ file, args: message.args, cwd, env }) };
    }
    case 'input':
      connection.process(message.proc).write(message.data);
      return undefined;
    case 'kill':
      await connection.process(message.proc).stop();
      return undefined;
    case 'freePort':
      return freePort([connection.serverPort]);
  }
}
