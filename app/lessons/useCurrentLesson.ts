/** The open lesson, from the URL hash; remembers it so a bare URL reopens where the learner was. */
import { useEffect, useState } from 'react';
import type { ClientLesson } from './types.ts';
import { lessonForHash } from './lesson-route.ts';
import { readJson, writeJson } from './learner-storage.ts';

const LAST_OPENED = 'last-lesson';

export function useCurrentLesson(lessons: readonly ClientLesson[], storage: Storage | null): ClientLesson | undefined {
  const [lesson, setLesson] = useState(() => pickLesson(lessons, storage));

  useEffect(
    function followHash() {
      const onHashChange = () => setLesson(pickLesson(lessons, storage));
      addEventListener('hashchange', onHashChange);
      return () => removeEventListener('hashchange', onHashChange);
    },
    [lessons, storage],
  );

  useEffect(
    function rememberLesson() {
      if (lesson) writeJson(storage, LAST_OPENED, lesson.id);
    },
    [lesson, storage],
  );

  return lesson;
}

function pickLesson(lessons: readonly ClientLesson[], storage: Storage | null): ClientLesson | undefined {
  const last = readJson(storage, LAST_OPENED);
  return lessonForHash(location.hash, lessons, typeof last === 'string' ? last : null);
}
