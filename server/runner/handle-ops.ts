/**
 * File access that a learner program racing the runner cannot redirect. Checking a path and
 * then using it by name is a race: between the two, a folder can become a symlink to anywhere.
 * So on Linux every step is taken from an open folder handle, never by name from the root:
 * each folder is opened with O_NOFOLLOW|O_DIRECTORY relative to its parent's handle (through
 * /proc/self/fd/<n>/<name>, Node's stand-in for openat), and the file itself with O_NOFOLLOW
 * and O_NONBLOCK — a FIFO planted in place of server.js cannot wedge a libuv thread — then
 * checked on the handle (fstat) to be a regular file before anything is read or written.
 */
import { constants } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { MAX_MESSAGE_BYTES } from '../../contracts/runner-protocol.ts';
import { PathRefusedError } from './confine.ts';

const { O_RDONLY, O_WRONLY, O_CREAT, O_DIRECTORY, O_NOFOLLOW, O_NONBLOCK } = constants;

/** True where the handle-relative walk works (it needs /proc/self/fd). */
export const HANDLE_OPS = process.platform === 'linux';

/** As large as a message the page may send: what can be written can be read back, no more. */
const MAX_READ_BYTES = MAX_MESSAGE_BYTES;

const viaHandle = (dir: FileHandle, name: string) => `/proc/self/fd/${dir.fd}/${name}`;

function refuse(path: string, why: string): PathRefusedError {
  return new PathRefusedError(`Refused path "${path}": ${why}`);
}

/** Opens the folder that holds `relative` (a confined, `/`-separated path), creating folders when asked. */
async function openParent(root: string, relative: string, create: boolean): Promise<{ dir: FileHandle; name: string }> {
  const parts = relative.split('/').filter((part) => part !== '' && part !== '.');
  const name = parts.pop();
  if (name === undefined) throw refuse(relative, 'it names the workspace itself');
  let dir = await open(root, O_RDONLY | O_DIRECTORY);
  try {
    for (const part of parts) {
      if (create) await mkdirUnlessThere(viaHandle(dir, part));
      const next = await open(viaHandle(dir, part), O_RDONLY | O_DIRECTORY | O_NOFOLLOW).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ELOOP' || error.code === 'ENOTDIR') throw refuse(relative, `"${part}" is not a folder (a symlink is never followed)`);
        if (error.code === 'ENOENT') throw Object.assign(new Error(`No file "${relative}" in the workspace`), { code: 'ENOENT' });
        throw error;
      });
      await dir.close();
      dir = next;
    }
    return { dir, name };
  } catch (error) {
    await dir.close();
    throw error;
  }
}

async function mkdirUnlessThere(path: string): Promise<void> {
  try {
    await mkdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Opens the file itself, never through a symlink, without blocking, and only if it is a regular file. */
async function openFile(dir: FileHandle, name: string, relative: string, flags: number): Promise<FileHandle> {
  const file = await open(viaHandle(dir, name), flags | O_NOFOLLOW | O_NONBLOCK).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ELOOP') throw refuse(relative, 'it is a symlink');
    if (error.code === 'ENXIO') throw refuse(relative, 'it is not a regular file'); // a FIFO nobody reads
    if (error.code === 'EISDIR') throw new Error(`"${relative}" is a folder, not a file`);
    if (error.code === 'ENOENT') throw new Error(`No file "${relative}" in the workspace`);
    throw error;
  });
  const info = await file.stat();
  if (!info.isFile()) {
    await file.close();
    throw info.isDirectory() ? new Error(`"${relative}" is a folder, not a file`) : refuse(relative, 'it is not a regular file');
  }
  return file;
}

export async function writeByHandle(root: string, relative: string, text: string): Promise<void> {
  const { dir, name } = await openParent(root, relative, true);
  try {
    // No O_TRUNC: truncating comes after the handle is known to be a regular file.
    const file = await openFile(dir, name, relative, O_WRONLY | O_CREAT);
    try {
      await file.truncate(0);
      await file.writeFile(text);
    } finally {
      await file.close();
    }
  } finally {
    await dir.close();
  }
}

export async function readByHandle(root: string, relative: string): Promise<string> {
  const { dir, name } = await openParent(root, relative, false).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new Error(`No file "${relative}" in the workspace`);
    throw error;
  });
  try {
    const file = await openFile(dir, name, relative, O_RDONLY);
    try {
      // Checked on the handle: a learner program cannot make the runner hold a huge file (or /dev/zero).
      const { size } = await file.stat();
      if (size > MAX_READ_BYTES) throw new Error(`"${relative}" is too large to open here (${(size / 1024 / 1024).toFixed(1)} MB; the limit is 4 MB)`);
      return await file.readFile('utf8');
    } finally {
      await file.close();
    }
  } finally {
    await dir.close();
  }
}
