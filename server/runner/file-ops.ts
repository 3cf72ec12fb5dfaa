/**
 * The file operations of the protocol, every path confined to the workspace first (confine.ts
 * names what is refused), then — on Linux — read and written through handles that no symlink
 * swapped in meanwhile can redirect (handle-ops.ts); removals run inside the sandbox.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import { confine, PathRefusedError } from './confine.ts';
import { HANDLE_OPS, readByHandle, writeByHandle } from './handle-ops.ts';
import { removeInside } from '../sandbox/remove-inside.ts';
import { sandboxStatus } from '../sandbox/sandbox.ts';

const inWorkspace = (root: string, target: string) => relative(root, target).split(sep).join('/');

export async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  // Check every path before writing any, so a refused batch changes nothing.
  const targets = await Promise.all(Object.entries(files).map(async ([path, text]) => [await confine(root, path), text] as const));
  for (const [target, text] of targets) {
    if (HANDLE_OPS) {
      await writeByHandle(root, inWorkspace(root, target), text);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
  }
}

export async function readText(root: string, path: string): Promise<string> {
  const target = await confine(root, path);
  if (HANDLE_OPS) return readByHandle(root, inWorkspace(root, target));
  return readFile(target, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new Error(`No file "${path}" in the workspace`);
    if (error.code === 'EISDIR') throw new Error(`"${path}" is a folder, not a file`);
    throw error;
  });
}

/** Removes a file or folder recursively; a missing path is not an error. */
export async function removePath(root: string, path: string): Promise<void> {
  const target = await confine(root, path);
  if (target === root) throw new PathRefusedError(`Refused path "${path}": that is the whole workspace`);
  const sandbox = await sandboxStatus();
  if (sandbox.kind === 'bubblewrap') return removeInside(sandbox.bwrap, root, target);
  await rm(target, { recursive: true, force: true });
}
