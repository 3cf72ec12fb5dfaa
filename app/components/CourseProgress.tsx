/** In the header: lessons completed as a bar with its words ("4 of 13 done"). */
import type { CourseProgress as Progress } from '../lessons/progress.ts';
import { progressText } from '../lessons/progress.ts';

interface Props {
  progress: Progress;
}

export function CourseProgress({ progress }: Props) {
  const percent = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <p className={`course-progress${progress.finished ? ' course-progress--finished' : ''}`}>
      <span className="course-progress__bar" aria-hidden="true">
        <span className="course-progress__fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="course-progress__text">{progressText(progress)}</span>
    </p>
  );
}
