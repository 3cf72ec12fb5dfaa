/**
 * What a spawned command sees: the program found on PATH (or inside the workspace), and a
 * minimal environment. Never the server's own environment — it must not leak the runner token
 * or the user's secrets into code the browser sent.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { confine } from './confine.ts';

/** PATH for learner processes: the Node running Portside first, so `node`/`npm` are the ones we know work. */
export function learnerPath(): string {
  return [dirname(process.execPath), process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'].join(delimiter);
}

export function baseEnv(workspace: string): Record<string, string> {
  return {
    PATH: learnerPath(),
    LANG: process.env.LANG || 'C.UTF-8',
    TERM: 'xterm-256color',
    FORCE_COLOR: '1',
    HOME: workspace,
    ...sandboxProfileEnv(),
  };
}

/** Not a secret: the sandbox profile the check harness should assume (probes/lib/capabilities.mjs), passed on when set. */
export function sandboxProfileEnv(): Record<string, string> {
  const profile = process.env.PORTSIDE_SANDBOX_PROFILE;
  return profile ? { PORTSIDE_SANDBOX_PROFILE: profile } : {};
}

/**
 * The executable to run. Bare names come from PATH, absolute paths are taken as they are (no
 * more power than PATH gives), and `./run.sh`-style paths must stay inside the workspace.
 */
export async function resolveCommand(command: string, cwd: string, root: string, path: string): Promise<string> {
  if (isAbsolute(command)) return executable(command, command);
  if (command.includes('/')) return executable(await confine(root, relative(root, resolve(cwd, command))), command);
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command);
    if (await isExecutable(candidate)) return candidate;
  }
  throw new Error(`Command not found: "${command}". Is it installed and on PATH?`);
}

async function executable(file: string, command: string): Promise<string> {
  if (await isExecutable(file)) return file;
  throw new Error(`Cannot run "${command}": no such executable file`);
}

function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(() => stat(file).then((s) => s.isFile()), () => false);
}

/** The working directory, confined to the workspace and required to be an existing folder. */
export async function resolveCwd(root: string, cwd: string | undefined): Promise<string> {
  if (!cwd) return root;
  const dir = await confine(root, cwd);
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new Error(`Working folder "${cwd}" does not exist in the workspace`);
  return dir;
}
