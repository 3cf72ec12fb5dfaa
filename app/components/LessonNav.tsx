/** The course's lessons as links: title, summary, and a mark on the ones completed. */
import type { ClientLesson } from '../lessons/types.ts';
import { hashFor } from '../lessons/lesson-route.ts';

interface Props {
  id: string;
  lessons: readonly ClientLesson[];
  currentId: string;
  completed: ReadonlySet<string>;
  onNavigate(): void;
}

export function LessonNav({ id, lessons, currentId, completed, onNavigate }: Props) {
  return (
    <nav id={id} className="lesson-nav" aria-label="Lessons">
      <ol>
        {lessons.map((lesson, index) => {
          const done = completed.has(lesson.id);
          return (
            <li key={lesson.id}>
              <a
                href={hashFor(lesson)}
                className="lesson-nav__link"
                aria-current={lesson.id === currentId ? 'page' : undefined}
                onClick={onNavigate}
              >
                <span className={`lesson-nav__number${done ? ' lesson-nav__number--done' : ''}`} aria-hidden="true">
                  {done ? '✓' : index + 1}
                </span>
                <span className="lesson-nav__text">
                  <span className="lesson-nav__title">
                    {lesson.title}
                    {done && <span className="visually-hidden"> (completed)</span>}
                  </span>
                  <span className="lesson-nav__summary">{lesson.summary}</span>
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
