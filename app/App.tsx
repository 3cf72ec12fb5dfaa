/** The course: which lesson is open, which runtime runs the code, and the page around them. */
import { useEffect, useState } from 'react';
import lessons from 'virtual:lessons';
import { browserStorage } from './lessons/learner-storage.ts';
import { useCurrentLesson } from './lessons/useCurrentLesson.ts';
import { useRuntime } from './runtime/useRuntime.ts';
import { useCompleted } from './lessons/useCompleted.ts';
import { Header } from './components/Header.tsx';
import { RuntimeBanner } from './runtime/RuntimeBanner.tsx';
import { Playground } from './Playground.tsx';
import { CourseFinished } from './components/CourseFinished.tsx';
import { courseProgress } from './lessons/progress.ts';

export function App() {
  const [storage] = useState(browserStorage);
  const lesson = useCurrentLesson(lessons, storage);
  const boot = useRuntime();
  const completed = useCompleted(storage);

  useEffect(
    function nameTheTab() {
      document.title = lesson ? `${lesson.title} — Portside` : 'Portside';
    },
    [lesson],
  );

  if (!lesson) {
    return (
      <main className="empty-course">
        <p>This course has no lessons yet. Add a folder under lessons/ (see the README).</p>
      </main>
    );
  }
  return (
    <div className="app">
      <a className="skip-link" href="#editor-panel">
        Skip to the code
      </a>
      <Header lessons={lessons} current={lesson} completed={completed} boot={boot} />
      <CourseFinished finished={courseProgress(lessons, completed).finished} total={lessons.length} />
      <RuntimeBanner boot={boot} />
      <Playground lessons={lessons} lesson={lesson} boot={boot} storage={storage} completed={completed} />
    </div>
  );
}
