/**
 * `grade --install`: the submission's own dependencies installed by npm in its temp copy, as
 * `npm ci` (or `npm install` without a lockfile) would on a platform, for machines that have the
 * registry. Runs on the host, outside the check's sandbox, so no install script ever runs
 * (`--ignore-scripts`), and `file:` packages are copied in (`--install-links`), since the sandbox
 * sees only the copy. A failure is the submission's row, never the class's. A relative `file:`
 * package outside the submission folder is refused before npm runs: a platform's clean checkout
 * has only the folder, and resolving it from the original folder would let one submission install
 * another's code (`file:../classmate`).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, posix } from 'node:path';
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
  const lockFile = ['npm-shrinkwrap.json', 'package-lock.json'].find((name) => existsSync(join(dir, name)));
  const outside = packagesOutside(readJson(join(dir, 'package.json')), lockFile && readJson(join(dir, lockFile)), lockFile);
  if (outside.length > 0) throw new InstallError(`cannot install: ${outside.join('; ')}, outside the project folder, and a clean checkout has only that folder; move the package into it or depend on a published version`);
  const locked = lockFile !== undefined;
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

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

/**
 * The local packages a package.json or its lockfile names by a relative path that leaves the
 * project folder ("package.json takes shared from file:../shared"). Absolute paths are left to
 * npm: they name the same place from the copy as from the original. Anything unreadable is left
 * to npm too, which says what is wrong with it.
 */
export function packagesOutside(packageJson: unknown, lock?: unknown, lockName = 'package-lock.json'): string[] {
  const found: string[] = [];
  const pkg = asRecord(packageJson);
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, spec] of Object.entries(asRecord(pkg[field]))) {
      if (typeof spec === 'string' && leavesFolder(spec)) found.push(`package.json takes ${name} from ${spec}`);
    }
  }
  for (const [key, entry] of Object.entries(asRecord(asRecord(lock).packages))) {
    const resolved = asRecord(entry).resolved;
    // A link's target is an entry keyed by its path ("../shared"); an installed copy says where it came from.
    if (key !== '' && !key.split('/').includes('node_modules') && leavesFolder(key)) found.push(`${lockName} links ${key}`);
    else if (typeof resolved === 'string' && resolved.startsWith('file:') && leavesFolder(resolved)) found.push(`${lockName} resolves ${key.replace(/^.*node_modules\//, '')} from ${resolved}`);
  }
  return [...new Set(found)];
}

/** npm reads `file:x`, `./x`, `../x` as paths from the project folder (npm-package-arg). */
function leavesFolder(spec: string): boolean {
  const path = spec.startsWith('file:') ? spec.slice('file:'.length) : /^\.\.?(\/|$)/.test(spec) ? spec : undefined;
  if (path === undefined || path.startsWith('//') || path.startsWith('~') || isAbsolute(path)) return false;
  const normal = posix.normalize(path);
  return normal === '..' || normal.startsWith('../');
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // npm reports a broken file in its own words
  }
}

/** npm's own first words about the failure, without its log-file footer. */
export function npmReason(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.match(/^npm (?:error|ERR!)\s*(.*)$/)?.[1]?.trim()).filter((line): line is string => !!line);
  const useful = lines.filter((line) => !/^(A complete log of this run|Log files were not written|You can rerun the command)/.test(line) && !/^code E/.test(line));
  return useful.slice(0, 3).join(' ');
}
