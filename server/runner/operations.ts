/** What each protocol operation does in a session. Throwing here becomes an error result. */
import type { ClientMessage } from '../../contracts/runner-protocol.ts';
import { baseEnv, resolveCommand, resolveCwd } from './command-env.ts';
import { readText, removePath, writeFiles } from './file-ops.ts';
import { freePort } from './free-port.ts';
import type { Session } from './session.ts';

export async function perform(session: Session, message: ClientMessage): Promise<unknown> {
  const root = session.workspace;
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
      return { proc: await session.start({ file, args: message.args, cwd, env }) };
    }
    case 'input':
      session.process(message.proc).write(message.data);
      return undefined;
    case 'kill':
      await session.process(message.proc).stop();
      return undefined;
    case 'freePort':
      return freePort([session.serverPort]);
  }
}
