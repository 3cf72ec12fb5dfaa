/**
 * `grade --install`: the submission's own dependencies installed by npm in its temp copy, as
 * `npm ci` (or `npm install` without a lockfile) would on a platform, for machines that have the
 * registry. Runs on the host, outside the check's sandbox, so no install script ever runs
 * (`--ignore-scripts`), and `file:` packages are copied in (`--install-links`), since the sandbox
 * sees only the copy. A failure is the submission's row, never the class's.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DependencyPlan } from './dependencies.ts';

/** Long enough for a cold cache on a slow mirror; an install that takes longer is stuck. */
export const INSTALL_TIMEOUT_MS = 300_000;

export class InstallError extends Error {}

/** With --install, npm provides what is declared; the lesson's packages fill in only what it did not install. */
export function installPlan(dir: string, lessonPackages: readonly string[]): DependencyPlan {
  const handedIn = existsSync(join(dir, 'node_modules'));
  return { provide: [...lessonPackages], missing: [], notes: handedIn ? ['the node_modules/ handed in was not used; npm installed the declared packages afresh'] : [] };
}

/**
 * Installs in `dir` (a temp copy) and says with which command, or undefined when there is no
 * package.json; throws InstallError saying which command failed and npm's reason.
 */
export async function installDependencies(dir: string, signal?: AbortSignal, timeoutMs = INSTALL_TIMEOUT_MS): Promise<'npm ci' | 'npm install' | undefined> {
  if (!existsSync(join(dir, 'package.json'))) return undefined; // nothing declared, nothing to install
  const locked = existsSync(join(dir, 'package-lock.json')) || existsSync(join(dir, 'npm-shrinkwrap.json'));
  const command = locked ? 'ci' : 'install';
  const args = [command, '--ignore-scripts', '--install-links', '--no-audit', '--no-fund', '--no-update-notifier'];
  const stop = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])]);
  const { code, stderr, failure } = await run('npm', args, dir, stop);
  if (code === 0) return `npm ${command}`;
  const why = failure ?? (stop.aborted ? (signal?.aborted ? 'interrupted' : `still running after ${timeoutMs / 1000} s`) : npmReason(stderr) || `exit code ${code}`);
  throw new InstallError(`npm ${command} failed: ${why}`);
}

function run(program: string, args: string[], cwd: string, signal: AbortSignal): Promise<{ code: number | null; stderr: string; failure?: string }> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { cwd, signal, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-8000)));
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') resolve({ code: null, stderr, failure: 'npm is not on PATH' });
    });
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

/** npm's own first words about the failure, without its log-file footer. */
export function npmReason(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.match(/^npm (?:error|ERR!)\s*(.*)$/)?.[1]?.trim()).filter((line): line is string => !!line);
  const useful = lines.filter((line) => !/^(A complete log of this run|Log files were not written|You can rerun the command)/.test(line) && !/^code E/.test(line));
  return useful.slice(0, 3).join(' ');
}
