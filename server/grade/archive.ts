/**
 * Unpacks a submission handed in as a `.zip` or `.tar.gz` into a folder, with the system's own
 * `unzip` and `tar` (no dependency to carry). The listing is read first and any entry that would
 * land outside the folder (an absolute path, a `..` step, a link pointing out) refuses the whole
 * archive: a submission must never write beside itself.
 */
import { execFile } from 'node:child_process';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type ArchiveKind = 'zip' | 'tar.gz';

/** The archive kind a file name says, or undefined for anything else. */
export function archiveKind(path: string): ArchiveKind | undefined {
  const name = path.toLowerCase();
  if (name.endsWith('.zip')) return 'zip';
  if (name.endsWith('.tar.gz') || name.endsWith('.tgz')) return 'tar.gz';
  return undefined;
}

/** `alice.tar.gz` → `alice`: the submission's name without the archive's extension. */
export function withoutArchiveExtension(name: string): string {
  return name.replace(/\.(zip|tar\.gz|tgz)$/i, '');
}

/** A refused or unreadable archive; the message is for the teacher's report. */
export class ArchiveError extends Error {}

/** True for an entry name that would be written outside the folder it is unpacked into. */
export function escapes(entry: string): boolean {
  const name = entry.replaceAll('\\', '/');
  return isAbsolute(name) || /^[a-z]:/i.test(name) || name.split('/').includes('..');
}

export async function unpackArchive(file: string, into: string, signal?: AbortSignal): Promise<void> {
  const kind = archiveKind(file);
  if (!kind) throw new ArchiveError(`${file} is not a .zip or .tar.gz`);
  const names = await list(file, kind, signal);
  const outside = names.find(escapes);
  if (outside) throw new ArchiveError(`refused: the archive writes outside its folder ("${outside}")`);
  try {
    if (kind === 'zip') await run('unzip', ['-qq', '-o', file, '-d', into], { signal });
    else await run('tar', ['-xzf', file, '-C', into, '--no-same-owner', '--no-same-permissions'], { signal });
  } catch (error) {
    throw new ArchiveError(`the ${kind} could not be unpacked: ${firstLine(error)}`);
  }
  const link = await linkOutside(into);
  if (link) throw new ArchiveError(`refused: the archive holds a link pointing outside its folder (${link})`);
}

async function list(file: string, kind: ArchiveKind, signal?: AbortSignal): Promise<string[]> {
  try {
    const { stdout } = kind === 'zip' ? await run('unzip', ['-Z1', file], { signal }) : await run('tar', ['-tzf', file], { signal });
    return stdout.split('\n').filter(Boolean);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ArchiveError(`not a readable ${kind}: ${firstLine(error)}`);
  }
}

/** The first symlink under `root` whose target resolves outside it (relative to root), if any. */
async function linkOutside(root: string): Promise<string | undefined> {
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!(await lstat(path)).isSymbolicLink()) continue;
    const target = resolve(dirname(path), await readlink(path));
    if (relative(root, target).startsWith('..') || isAbsolute(relative(root, target))) return relative(root, path);
  }
  return undefined;
}

function firstLine(error: unknown): string {
  const text = String((error as { stderr?: string }).stderr || (error as Error).message);
  return text.trim().split('\n')[0] ?? '';
}
