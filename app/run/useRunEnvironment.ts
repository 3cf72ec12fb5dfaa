/** The learner's run environment for one lesson, persisted per lesson beside their files. */
import { useCallback, useState } from 'react';
import { readJson, writeJson } from '../lessons/learner-storage.ts';
import { runEnvironmentFrom, type RunEnvironment } from './run-environment.ts';

const keyFor = (lessonId: string) => `run-env:${lessonId}`;

export function useRunEnvironment(lessonId: string, storage: Storage | null): [RunEnvironment, (next: RunEnvironment) => void] {
  const [state, setState] = useState(() => ({ lessonId, env: runEnvironmentFrom(readJson(storage, keyFor(lessonId))) }));
  // Another lesson reads its own choice (during render, so the first Run there already uses it).
  const current = state.lessonId === lessonId ? state : { lessonId, env: runEnvironmentFrom(readJson(storage, keyFor(lessonId))) };
  if (current !== state) setState(current);
  const change = useCallback(
    (env: RunEnvironment) => {
      setState({ lessonId, env });
      // A storage that refuses only loses the choice on reload; the run still uses it now.
      writeJson(storage, keyFor(lessonId), env);
    },
    [lessonId, storage],
  );
  return [current.env, change];
}
