/**
 * Workspace paths and the record of the learner's files. A WebContainer stuck in a hot loop can
 * only be recovered by tearing it down, which loses its file system; the journal is what lets
 * a fresh container get the learner's files back.
 */
import type { FileMap } from '../types.ts';

/** A path the workspace refuses: absolute, empty, or climbing out with `..`. */
export class WorkspacePathError extends Error {}

/** `./src//app.js` → `src/app.js`; refuses paths that would leave the workspace. */
export function normalisePath(path: string): string {
  const parts = path.replaceAll('\\', '/').split('/').filter((part) => part !== '' && part !== '.');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) {
    throw new WorkspacePathError(`"${path}" is an absolute path; use a path inside the workspace, like "server.js".`);
  }
  if (parts.includes('..')) {
    throw new WorkspacePathError(`"${path}" climbs out of the workspace with "..", which is not allowed.`);
  }
  if (parts.length === 0) throw new WorkspacePathError('An empty path names no file.');
  return parts.join('/');
}

/** Folders that must exist before `path` can be written: `a/b/c.js` → `['a', 'a/b']`. */
export function parentFolders(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

/** Every file written and not removed since the workspace was created, newest contents. */
export class FileJournal {
  private readonly files = new Map<string, string>();

  write(files: FileMap): void {
    for (const [path, contents] of Object.entries(files)) this.files.set(normalisePath(path), contents);
  }

  /** Forgets `path` and, when it is a folder, everything under it. */
  remove(path: string): void {
    const target = normalisePath(path);
    for (const known of [...this.files.keys()]) {
      if (known === target || known.startsWith(`${target}/`)) this.files.delete(known);
    }
  }

  snapshot(): FileMap {
    return Object.fromEntries(this.files);
  }
}
