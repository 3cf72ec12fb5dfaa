/**
 * The learner's "Restart on save" choice (off by default, persisted for every lesson: it is how
 * they like to work, not part of a lesson) and the `saved` callback the editor and the file tree
 * call. The restart is decided when the debounce is over, from the Run as it is then.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { readJson, writeJson } from '../lessons/learner-storage.ts';
import type { RunSnapshot } from './run-store.ts';
import { restartDecision, SaveRestart } from './save-restart.ts';

const KEY = 'restart-on-save';

interface Options {
  storage: Storage | null;
  snapshot: RunSnapshot;
  /** A check stopped the Run and will give it back. */
  checkHoldsRun: boolean;
  /** Starts the Run again with the files as they are now. */
  restart(): void;
}

export interface RestartOnSave {
  enabled: boolean;
  setEnabled(enabled: boolean): void;
  /** The learner saved (Ctrl/Cmd+S, a file tree change). */
  saved(): void;
}

export function useRestartOnSave({ storage, snapshot, checkHoldsRun, restart }: Options): RestartOnSave {
  const [enabled, setState] = useState(() => readJson(storage, KEY) === true);
  // The debounce fires later than this render: it reads the Run as it is by then.
  const latest = useRef({ enabled, snapshot, checkHoldsRun, restart });
  latest.current = { enabled, snapshot, checkHoldsRun, restart };
  const [saves] = useState(
    () =>
      new SaveRestart(
        () => (latest.current.enabled ? restartDecision(latest.current.snapshot, latest.current.checkHoldsRun) : 'skip'),
        () => latest.current.restart(),
      ),
  );
  useEffect(() => () => saves.cancel(), [saves]);

  const setEnabled = useCallback(
    (next: boolean) => {
      setState(next);
      if (!next) saves.cancel();
      // A storage that refuses only forgets the choice on reload.
      writeJson(storage, KEY, next);
    },
    [storage, saves],
  );
  const saved = useCallback(() => {
    if (latest.current.enabled) saves.saved();
  }, [saves]);
  return { enabled, setEnabled, saved };
}
