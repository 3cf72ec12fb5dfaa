/**
 * Which lessons the learner has completed, kept in localStorage. Check (issue 3) calls
 * `markCompleted` when every rule of a lesson passes; the lesson list listens for the change.
 */
import { readJson, writeJson, type SaveResult } from './learner-storage.ts';

const KEY = 'completed';
/** Fired on `window` after this tab changes the set; other tabs hear the `storage` event. */
export const COMPLETED_EVENT = 'portside:completed';

export function readCompleted(storage: Storage | null): ReadonlySet<string> {
  const value = readJson(storage, KEY);
  return new Set(Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
}

export function markCompleted(storage: Storage | null, lessonId: string, target: EventTarget | null = globalThis.window ?? null): SaveResult {
  const completed = readCompleted(storage);
  if (completed.has(lessonId)) return { ok: true };
  const result = writeJson(storage, KEY, [...completed, lessonId].sort());
  if (result.ok) target?.dispatchEvent(new Event(COMPLETED_EVENT));
  return result;
}
