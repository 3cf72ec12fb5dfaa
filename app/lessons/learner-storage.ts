/**
 * Where the learner's work lives between visits: localStorage, one entry per lesson.
 * Every function takes the Storage in, so tests hand it an in-memory one, and every write
 * reports failure instead of throwing — a full or blocked storage must never lose what is
 * still in the editor, only tell the learner that it is not saved.
 */
import type { FileMap } from '../runtime/types.ts';

const PREFIX = 'portside:v1:';

export type SaveResult = { ok: true } | { ok: false; message: string };

/** The page's localStorage, or null where the browser blocks it (some private modes, iframes). */
export function browserStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    storage.getItem(PREFIX);
    return storage;
  } catch {
    return null;
  }
}

/** The full localStorage key of one of ours, e.g. to recognise it in another tab's `storage` event. */
export function storageKey(key: string): string {
  return PREFIX + key;
}

export function readJson(storage: Storage | null, key: string): unknown {
  try {
    const text = storage?.getItem(PREFIX + key);
    return text == null ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

export function writeJson(storage: Storage | null, key: string, value: unknown): SaveResult {
  if (!storage) return { ok: false, message: 'This browser does not let Portside store anything, so your edits last only until you close the tab.' };
  try {
    storage.setItem(PREFIX + key, JSON.stringify(value));
    return { ok: true };
  } catch (error) {
    if (isQuotaError(error)) {
      return { ok: false, message: "Your browser's storage for this site is full, so your latest edits are not saved. They are still in the editor — copy them somewhere safe before closing the tab." };
    }
    return { ok: false, message: `Your edits could not be saved: ${(error as Error).message}` };
  }
}

export function removeKey(storage: Storage | null, key: string): void {
  try {
    storage?.removeItem(PREFIX + key);
  } catch {
    // Nothing to lose: the entry is gone or was never readable.
  }
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

/** Keeps only string contents for the lesson's own files; anything else in storage is ignored. */
export function asFileMap(value: unknown, allowed: FileMap): FileMap | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const files: FileMap = {};
  for (const [path, content] of Object.entries(value)) {
    if (path in allowed && typeof content === 'string') files[path] = content;
  }
  return Object.keys(files).length > 0 ? files : undefined;
}
