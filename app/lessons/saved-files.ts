/**
 * The learner's files per lesson, and the one backup "Restore my code" brings back after
 * the learner replaced their code with the starter or the solution.
 */
import type { FileMap } from '../runtime/types.ts';
import { asFileMap, readJson, removeKey, writeJson, type SaveResult } from './learner-storage.ts';

const filesKey = (lessonId: string) => `files:${lessonId}`;
const backupKey = (lessonId: string) => `backup:${lessonId}`;

/** The learner's saved files over the starter: a file the learner never saved stays the starter's. */
export function loadLearnerFiles(storage: Storage | null, lessonId: string, starter: FileMap): FileMap {
  const saved = asFileMap(readJson(storage, filesKey(lessonId)), starter);
  return { ...starter, ...saved };
}

export function saveLearnerFiles(storage: Storage | null, lessonId: string, files: FileMap): SaveResult {
  return writeJson(storage, filesKey(lessonId), files);
}

export function loadBackup(storage: Storage | null, lessonId: string, starter: FileMap): FileMap | undefined {
  const backup = asFileMap(readJson(storage, backupKey(lessonId)), starter);
  return backup && { ...starter, ...backup };
}

export function saveBackup(storage: Storage | null, lessonId: string, files: FileMap): SaveResult {
  return writeJson(storage, backupKey(lessonId), files);
}

export function dropBackup(storage: Storage | null, lessonId: string): void {
  removeKey(storage, backupKey(lessonId));
}

/** True when two file maps hold the same paths with the same contents. */
export function sameFiles(a: FileMap, b: FileMap): boolean {
  const paths = Object.keys(a);
  return paths.length === Object.keys(b).length && paths.every((path) => a[path] === b[path]);
}

/**
 * The backup to keep when the learner's code is replaced by `next`. Only the learner's own code is
 * worth a backup: code that equals the starter or the solution can always be had again, and
 * backing it up would overwrite the learner's real attempt (own code → solution → starter).
 */
export function nextBackup(current: FileMap, next: FileMap, backup: FileMap | undefined, lesson: { starter: FileMap; solution: FileMap }): FileMap | undefined {
  if (sameFiles(current, next) || sameFiles(current, lesson.starter) || sameFiles(current, lesson.solution)) return backup;
  return current;
}
