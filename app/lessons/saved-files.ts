/**
 * The learner's files per lesson, and the one backup "Restore my code" brings back after
 * the learner replaced their code with the starter or the solution.
 *
 * Saved as `{ files, created, removed }`: files the learner made in the file tree are kept, the
 * starter's files they deleted stay deleted, and any other starter file (one a course update
 * added) still appears. An older entry is a plain map of files, read over the starter.
 */
import type { FileMap } from '../runtime/types.ts';
import { asFileMap, readJson, removeKey, writeJson, type SaveResult } from './learner-storage.ts';
import { isLearnerPath } from './file-paths.ts';

interface SavedFiles {
  files: FileMap;
  created: string[];
  removed: string[];
}

function encode(files: FileMap, starter: FileMap): SavedFiles {
  return {
    files,
    created: Object.keys(files).filter((path) => !(path in starter)),
    removed: Object.keys(starter).filter((path) => !(path in files)),
  };
}

function decode(value: unknown, starter: FileMap): FileMap | undefined {
  if (!isSaved(value)) {
    const saved = asFileMap(value, starter);
    return saved && { ...starter, ...saved };
  }
  const created = value.created.filter(isLearnerPath);
  const allowed: FileMap = { ...starter, ...Object.fromEntries(created.map((path) => [path, ''])) };
  const kept = Object.fromEntries(Object.entries(starter).filter(([path]) => !value.removed.includes(path)));
  const files = { ...kept, ...asFileMap(value.files, allowed) };
  // A lesson always has a file to show: a tree emptied by deletes comes back as the starter.
  return Object.keys(files).length > 0 ? files : undefined;
}

function isSaved(value: unknown): value is SavedFiles {
  if (typeof value !== 'object' || value === null) return false;
  const { created, removed } = value as Partial<SavedFiles>;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  return 'files' in value && strings(created) && strings(removed);
}

const filesKey = (lessonId: string) => `files:${lessonId}`;
const backupKey = (lessonId: string) => `backup:${lessonId}`;

/** The learner's saved files over the starter: a file the learner never saved stays the starter's. */
export function loadLearnerFiles(storage: Storage | null, lessonId: string, starter: FileMap): FileMap {
  return decode(readJson(storage, filesKey(lessonId)), starter) ?? starter;
}

export function saveLearnerFiles(storage: Storage | null, lessonId: string, files: FileMap, starter: FileMap): SaveResult {
  return writeJson(storage, filesKey(lessonId), encode(files, starter));
}

export function loadBackup(storage: Storage | null, lessonId: string, starter: FileMap): FileMap | undefined {
  return decode(readJson(storage, backupKey(lessonId)), starter);
}

export function saveBackup(storage: Storage | null, lessonId: string, files: FileMap, starter: FileMap): SaveResult {
  return writeJson(storage, backupKey(lessonId), encode(files, starter));
}

/** The storage key of a lesson's files, so another tab's change to them can be recognised. */
export function learnerFilesKey(lessonId: string): string {
  return filesKey(lessonId);
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
