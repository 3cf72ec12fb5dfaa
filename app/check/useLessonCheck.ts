/**
 * Check for the open lesson, wired to the rest of the playground: the learner's files, their
 * Run (left alone where the runtime isolates checks, else stopped for the check and restored
 * after; see check-store.ts), completion, the results panel, editor markers
 * and "show this line". Results belong to one lesson: opening another cancels and forgets them.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RevealRequest } from '../editor/CodeEditor.tsx';
import type { LessonFiles } from '../lessons/useLessonFiles.ts';
import type { RunStore } from '../run/run-store.ts';
import { markCompleted } from '../lessons/completed.ts';
import type { ClientLesson } from '../lessons/types.ts';
import type { FileMap, Runtime } from '../runtime/types.ts';
import { liveMarkers, markersFor, type CheckMarker, type CodeLocation } from './check-markers.ts';
import type { CheckState } from './check-state.ts';
import type { LearnerRun } from './check-store.ts';
import { isChecking } from './check-words.ts';
import { useCheck } from './useCheck.ts';
import { runOptionsFor } from '../router/run-options.ts';
import type { RunEnvironment } from '../run/run-environment.ts';

interface Options {
  runtime: Runtime | null;
  lesson: ClientLesson;
  files: LessonFiles;
  runStore: RunStore | null;
  storage: Storage | null;
  /** What the learner's Run passes, so the Run restored after a check is the same run. */
  runEnvironment?: RunEnvironment;
}

export interface LessonCheck {
  /** The open lesson's check, or null before the first one. */
  check: CheckState | null;
  ready: boolean;
  panelOpen: boolean;
  start(): void;
  cancel(): void;
  closePanel(): void;
  markers: readonly CheckMarker[];
  reveal: RevealRequest | undefined;
  showLine(location: CodeLocation): void;
}

const NO_FILES: FileMap = {};

export function useLessonCheck({ runtime, lesson, files, runStore, storage, runEnvironment }: Options): LessonCheck {
  const { store, state } = useCheck(runtime);
  const check = state?.lessonId === lesson.id ? state : null;
  const [panelOpen, setPanelOpen] = useState(false);
  const [checked, setChecked] = useState<FileMap>(NO_FILES);
  const [reveal, setReveal] = useState<RevealRequest | undefined>(undefined);

  const shownLesson = useRef(lesson.id);
  useEffect(
    function forgetResultsOfAnotherLesson() {
      if (shownLesson.current === lesson.id) return;
      shownLesson.current = lesson.id;
      store?.reset();
      setPanelOpen(false);
      setChecked(NO_FILES);
    },
    [lesson.id, store],
  );

  const start = () => {
    if (!store || isChecking(state)) return;
    files.flush();
    const now = files.latestFiles();
    setChecked(now);
    setPanelOpen(true);
    const learnerRun: LearnerRun | undefined = runStore
      ? {
          isRunning: () => ['starting', 'running'].includes(runStore.getSnapshot().run.phase),
          stop: () => runStore.stop(),
          // The files as they are when the check ends: edits made meanwhile are the learner's latest.
          restore: () => runStore.run(files.latestFiles(), lesson.command, runOptionsFor(lesson, runEnvironment)),
        }
      : undefined;
    void store.check({ lesson, files: now, learnerRun, onPassed: () => markCompleted(storage, lesson.id) });
  };

  const found = useMemo(() => (check ? markersFor(check.rules, checked) : []), [check, checked]);
  const markers = useMemo(() => liveMarkers(found, files.files), [found, files.files]);

  return {
    check,
    ready: store !== null,
    panelOpen: panelOpen && check !== null,
    start,
    cancel: () => store?.cancel(),
    closePanel: () => setPanelOpen(false),
    markers,
    reveal,
    showLine(location) {
      files.setActive(location.path);
      setReveal({ ...location });
    },
  };
}
