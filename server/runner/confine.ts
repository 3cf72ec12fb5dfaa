/**
 * Confines browser-supplied paths to a session's workspace. Refused: absolute paths, NUL bytes,
 * `..` escapes, and paths whose real location (after following symlinks — in existing parent
 * folders or in the target itself) lies outside the workspace, such as the lesson-package links
 * in node_modules. The learner's own processes can of course touch anything their user can;
 * this keeps the *protocol* from being a way to write outside the workspace.
 */
import { lstat, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

export class PathRefusedError extends Error {}

/** The absolute path for `path` inside `root` (a real path), or a PathRefusedError naming `path`. */
export async function confine(root: string, path: string): Promise<string> {
  const refuse = (why: string) => new PathRefusedError(`Refused path "${path}": ${why}`);
  if (path.includes('\0')) throw refuse('it contains a NUL byte');
  if (isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\')) {
    throw refuse('absolute paths are not allowed; use a path relative to the workspace');
  }
  const target = resolve(root, path);
  if (!inside(root, target)) throw refuse('it leads outside the workspace');
  const real = await realLocation(target);
  if (real === null) throw refuse('it is a symlink whose target does not exist');
  if (!inside(root, real)) throw refuse('it resolves (through a symlink) outside the workspace');
  return target;
}

/** Where `target` really is: its own real path when it exists, else its nearest existing parent's. */
async function realLocation(target: string): Promise<string | null> {
  let current = target;
  let rest = '';
  for (;;) {
    const exists = await lstat(current).then(() => true, () => false);
    if (exists) {
      // realpath follows a symlink at `current` too; a dangling one fails (null).
      const real = await realpath(current).catch(() => null);
      return real !== null && rest ? resolve(real, rest) : real;
    }
    const parent = dirname(current);
    if (parent === current) return target;
    rest = rest ? `${current.slice(parent.length + 1)}${sep}${rest}` : current.slice(parent.length + 1);
    current = parent;
  }
}

export function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
