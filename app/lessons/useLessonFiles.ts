/**
 * The learner's files for the open lesson. Edits are saved per lesson in localStorage a moment
 * after typing stops, when the page is hidden or closed, and when the learner opens another
 * lesson. Replacing the code (starter, solution) first keeps a backup for "Restore my code".
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileMap } from '../runtime/types.ts';
import type { ClientLesson } from './types.ts';
import { firstFile } from './first-file.ts';
import { dropBackup, loadBackup, loadLearnerFiles, nextBackup, sameFiles, saveBackup, saveLearnerFiles } from './saved-files.ts';

const SAVE_DELAY_MS = 400;

export type SaveStatus = { state: 'saved' } | { state: 'pending' } | { state: 'failed'; message: string };

interface State {
  lessonId: string;
  files: FileMap;
  /**
   * Counts replacements of the code from outside the editor (starter, solution, restore). The
   * editor pushes files into its models only when this changes: pushing on every edit would race
   * the learner's typing and undo keystrokes React had not rendered yet.
   */
  revision: number;
  active: string;
  backup: FileMap | undefined;
}

export interface LessonFiles extends State {
  save: SaveStatus;
  setActive(path: string): void;
  edit(path: string, content: string): void;
  /** Replaces all the learner's code, keeping what was there as the backup. */
  replaceWith(files: FileMap): void;
  restoreBackup(): void;
  /** Saves now instead of after the delay (Ctrl+S). */
  flush(): void;
  /** The files as they are this instant, including edits React has not rendered yet (for Run). */
  latestFiles(): FileMap;
}

function load(lesson: ClientLesson, storage: Storage | null): State {
  const files = loadLearnerFiles(storage, lesson.id, lesson.starter);
  const active = firstFile(lesson, Object.keys(files));
  return { lessonId: lesson.id, files, active, revision: 0, backup: loadBackup(storage, lesson.id, lesson.starter) };
}

export function useLessonFiles(lesson: ClientLesson, storage: Storage | null): LessonFiles {
  const [state, setState] = useState(() => load(lesson, storage));
  const [save, setSave] = useState<SaveStatus>({ state: 'saved' });
  const pending = useRef<{ lessonId: string; files: FileMap } | null>(null);
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
    const result = saveLearnerFiles(storage, work.lessonId, work.files);
    setSave(result.ok ? { state: 'saved' } : { state: 'failed', message: result.message });
  }, [storage]);

  const schedule = useCallback(
    (lessonId: string, files: FileMap) => {
      pending.current = { lessonId, files };
      setSave((s) => (s.state === 'failed' ? s : { state: 'pending' }));
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

  const edit = (path: string, content: string) => {
    const now = latest.current;
    if (now.files[path] === content) return;
    const files = { ...now.files, [path]: content };
    update({ ...now, files });
    schedule(now.lessonId, files);
  };

  const replaceWith = (files: FileMap) => {
    const now = latest.current;
    if (sameFiles(now.files, files)) return;
    const backup = nextBackup(now.files, files, now.backup, lesson);
    const kept = backup === now.backup ? ({ ok: true } as const) : saveBackup(storage, now.lessonId, now.files);
    update({ ...now, files, backup, revision: now.revision + 1 });
    schedule(now.lessonId, files);
    flush();
    if (!kept.ok) setSave({ state: 'failed', message: kept.message });
  };

  const restoreBackup = () => {
    const now = latest.current;
    if (!now.backup) return;
    dropBackup(storage, now.lessonId);
    update({ ...now, files: now.backup, backup: undefined, revision: now.revision + 1 });
    schedule(now.lessonId, now.backup);
    flush();
  };

  const setActive = (path: string) => update({ ...latest.current, active: path });

  const latestFiles = () => latest.current.files;

  return { ...current, save, setActive, edit, replaceWith, restoreBackup, flush, latestFiles };
}

