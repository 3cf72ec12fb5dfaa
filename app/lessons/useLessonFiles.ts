/**
 * The learner's files for the open lesson. Edits are saved per lesson in localStorage a moment
 * after typing stops, when the page is hidden or closed, and when the learner opens another
 * lesson. Replacing the code (starter, solution) first keeps a backup for "Restore my code".
 * The file tree creates, renames and deletes files (saved at once). Another tab's saved edits
 * arrive live (`storage` event); if this tab has unsaved edits of its own it says the files are
 * stale and lets the learner choose, keeping the version not chosen as the backup.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileMap } from '../runtime/types.ts';
import type { ClientLesson } from './types.ts';
import { firstFile } from './first-file.ts';
import { storageKey } from './learner-storage.ts';
import { dropBackup, learnerFilesKey, loadBackup, loadLearnerFiles, nextBackup, sameFiles, saveBackup, saveLearnerFiles } from './saved-files.ts';
import { deletePath, renamePath } from './file-moves.ts';

const SAVE_DELAY_MS = 400;

export type SaveStatus =
  | { state: 'saved'; fromOtherTab?: boolean }
  | { state: 'pending' }
  | { state: 'stale' }
  | { state: 'failed'; message: string };

interface State {
  lessonId: string;
  files: FileMap;
  /**
   * Counts replacements of the code from outside the editor (starter, solution, restore, the file
   * tree, another tab). The editor pushes files into its models only when this changes: pushing on
   * every edit would race the learner's typing and undo keystrokes React had not rendered yet.
   */
  revision: number;
  active: string;
  backup: FileMap | undefined;
  /** Another tab saved different files while this one had unsaved edits. */
  stale: boolean;
}

export interface LessonFiles extends State {
  save: SaveStatus;
  setActive(path: string): void;
  edit(path: string, content: string): void;
  /** Replaces all the learner's code, keeping what was there as the backup. */
  replaceWith(files: FileMap): void;
  restoreBackup(): void;
  createFile(path: string): void;
  renameFile(from: string, to: string): void;
  deleteFile(path: string): void;
  /** Stale: keep this tab's files (saved over the other tab's, which become the backup). */
  keepMine(): void;
  /** Stale: take the other tab's files (this tab's become the backup). */
  takeTheirs(): void;
  /** Saves now instead of after the delay (Ctrl+S). */
  flush(): void;
  /** The files as they are this instant, including edits React has not rendered yet (for Run). */
  latestFiles(): FileMap;
}

function load(lesson: ClientLesson, storage: Storage | null): State {
  const files = loadLearnerFiles(storage, lesson.id, lesson.starter);
  const active = firstFile(lesson, Object.keys(files));
  return { lessonId: lesson.id, files, active, revision: 0, backup: loadBackup(storage, lesson.id, lesson.starter), stale: false };
}

/** `active` if it is still one of `files`, else the lesson's first file among them. */
const stillActive = (lesson: ClientLesson, active: string, files: FileMap) => (active in files ? active : firstFile(lesson, Object.keys(files)));

export function useLessonFiles(lesson: ClientLesson, storage: Storage | null): LessonFiles {
  const [state, setState] = useState(() => load(lesson, storage));
  const [save, setSave] = useState<SaveStatus>({ state: 'saved' });
  const pending = useRef<{ lessonId: string; files: FileMap; starter: FileMap } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  let current = state;
  if (state.lessonId !== lesson.id) {
    // Another lesson opened: show its files in this same render (React's "adjust state on prop change").
    current = load(lesson, storage);
    setState(current);
  }
  // Monaco can report several edits before React renders again; each must build on the last.
  const latest = useRef(current);
  latest.current = current;
  const update = (next: State) => {
    latest.current = next;
    setState(next);
  };

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const work = pending.current;
    if (!work) return;
    pending.current = null;
    if (latest.current.stale && latest.current.lessonId === work.lessonId) {
      // Not over the other tab's files: this tab's edits wait in the backup until the learner chooses.
      const kept = saveBackup(storage, work.lessonId, work.files, work.starter);
      setSave(kept.ok ? { state: 'stale' } : { state: 'failed', message: kept.message });
      return;
    }
    const result = saveLearnerFiles(storage, work.lessonId, work.files, work.starter);
    setSave(result.ok ? { state: 'saved' } : { state: 'failed', message: result.message });
  }, [storage]);

  const schedule = useCallback(
    (lessonId: string, files: FileMap, starter: FileMap) => {
      pending.current = { lessonId, files, starter };
      setSave((s) => (s.state === 'failed' || s.state === 'stale' ? s : { state: 'pending' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(
    function saveWhenLeaving() {
      // pagehide is not always fired on mobile; a hidden page may be discarded without another event.
      const onHidden = () => document.visibilityState === 'hidden' && flush();
      addEventListener('pagehide', flush);
      document.addEventListener('visibilitychange', onHidden);
      return () => {
        removeEventListener('pagehide', flush);
        document.removeEventListener('visibilitychange', onHidden);
        flush();
      };
    },
    [flush, lesson.id],
  );

  useEffect(
    function followOtherTabs() {
      const key = storageKey(learnerFilesKey(lesson.id));
      // Fired only in the other tabs of this origin, after a tab saved (key null: storage cleared).
      const onStorage = (event: StorageEvent) => {
        if (event.key !== key && event.key !== null) return;
        const theirs = loadLearnerFiles(storage, lesson.id, lesson.starter);
        const now = latest.current;
        if (now.lessonId !== lesson.id || sameFiles(theirs, now.files)) return;
        if (pending.current) {
          update({ ...now, stale: true });
          setSave({ state: 'stale' });
          return;
        }
        const backup = loadBackup(storage, lesson.id, lesson.starter);
        update({ ...now, files: theirs, active: stillActive(lesson, now.active, theirs), revision: now.revision + 1, backup, stale: false });
        setSave({ state: 'saved', fromOtherTab: true });
      };
      addEventListener('storage', onStorage);
      return () => removeEventListener('storage', onStorage);
    },
    [storage, lesson],
  );

  /** A change to the set of files (or to all of them) from outside the editor, saved at once. */
  const replaceNow = (next: State) => {
    update({ ...next, active: stillActive(lesson, next.active, next.files), revision: next.revision + 1 });
    schedule(next.lessonId, next.files, lesson.starter);
    flush();
  };

  const edit = (path: string, content: string) => {
    const now = latest.current;
    if (now.files[path] === content) return;
    const files = { ...now.files, [path]: content };
    update({ ...now, files });
    schedule(now.lessonId, files, lesson.starter);
  };

  const replaceWith = (files: FileMap) => {
    const now = latest.current;
    if (sameFiles(now.files, files)) return;
    const backup = nextBackup(now.files, files, now.backup, lesson);
    const kept = backup === now.backup ? ({ ok: true } as const) : saveBackup(storage, now.lessonId, now.files, lesson.starter);
    replaceNow({ ...now, files, backup });
    if (!kept.ok) setSave({ state: 'failed', message: kept.message });
  };

  const restoreBackup = () => {
    const now = latest.current;
    if (!now.backup) return;
    dropBackup(storage, now.lessonId);
    replaceNow({ ...now, files: now.backup, backup: undefined });
  };

  const createFile = (path: string) => {
    const now = latest.current;
    if (path in now.files) return;
    replaceNow({ ...now, files: { ...now.files, [path]: '' }, active: path });
  };

  const renameFile = (from: string, to: string) => {
    const now = latest.current;
    if (!(from in now.files) || to in now.files) return;
    replaceNow({ ...now, files: renamePath(now.files, from, to), active: now.active === from ? to : now.active });
  };

  const deleteFile = (path: string) => {
    const now = latest.current;
    const files = deletePath(now.files, path);
    if (files !== now.files) replaceNow({ ...now, files });
  };

  const keepMine = () => {
    const now = latest.current;
    const theirs = loadLearnerFiles(storage, now.lessonId, lesson.starter);
    saveBackup(storage, now.lessonId, theirs, lesson.starter);
    update({ ...now, stale: false, backup: theirs });
    pending.current = { lessonId: now.lessonId, files: now.files, starter: lesson.starter };
    flush();
  };

  const takeTheirs = () => {
    clearTimeout(timer.current);
    pending.current = null;
    const now = latest.current;
    const theirs = loadLearnerFiles(storage, now.lessonId, lesson.starter);
    const kept = saveBackup(storage, now.lessonId, now.files, lesson.starter);
    update({ ...now, files: theirs, active: stillActive(lesson, now.active, theirs), backup: now.files, stale: false, revision: now.revision + 1 });
    setSave(kept.ok ? { state: 'saved' } : { state: 'failed', message: kept.message });
  };

  const setActive = (path: string) => update({ ...latest.current, active: path });

  const latestFiles = () => latest.current.files;

  return { ...current, save, setActive, edit, replaceWith, restoreBackup, createFile, renameFile, deleteFile, keepMine, takeTheirs, flush, latestFiles };
}
