/**
 * The moment the last lesson is completed: a banner under the header, announced politely, that
 * the learner can read and dismiss; it never takes the focus or blocks the page.
 */
import { useRef, useState } from 'react';
import { Button } from './Button.tsx';

interface Props {
  finished: boolean;
  total: number;
}

export function CourseFinished({ finished, total }: Props) {
  // Only a course finished while this page is open gets the moment; a finished course reopened
  // says so in the header instead of celebrating again on every visit.
  const wasFinished = useRef(finished);
  const [dismissed, setDismissed] = useState(false);
  const show = finished && !wasFinished.current && !dismissed;
  return (
    <div role="status" className="course-finished-region">
      {show && (
        <div className="course-finished">
          <p className="course-finished__text">
            <strong>Course complete.</strong> All {total} lessons pass: your servers take their port from the
            environment, share it, and let go of it cleanly — ready for any platform.
          </p>
          <Button variant="quiet" className="button--small" onClick={() => setDismissed(true)}>
            Dismiss
          </Button>
        </div>
      )}
    </div>
  );
}
