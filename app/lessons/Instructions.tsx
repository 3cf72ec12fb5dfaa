/**
 * The lesson itself: where it sits in the course, its text (markdown rendered to HTML at build
 * time from our own lesson files, so it is trusted), hints, the solution, and the way on.
 */
import 'highlight.js/styles/github.css';
import { useEffect, useRef, useState } from 'react';
import type { ClientLesson } from './types.ts';
import { hashFor } from './lesson-route.ts';
import { Hints } from './Hints.tsx';
import { Button } from '../components/Button.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';

interface Props {
  lesson: ClientLesson;
  position: number;
  total: number;
  previous?: ClientLesson;
  next?: ClientLesson;
  completed: boolean;
  showingSolution: boolean;
  onShowSolution(): void;
  /** How many hints the learner has revealed (here or in Check's results). */
  hintsShown: number;
  onShowHint(): void;
}

export function Instructions({ lesson, position, total, previous, next, completed, showingSolution, onShowSolution, hintsShown, onShowHint }: Props) {
  const [confirming, setConfirming] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  useEffect(
    function letWideCodeBlocksScrollFromTheKeyboard() {
      // A code block that scrolls sideways must be reachable by Tab, or keyboard users cannot see its
      // end (axe: scrollable-region-focusable). Measured on resize too: the pane's width changes.
      const blocks = [...(body.current?.querySelectorAll('pre') ?? [])];
      const mark = () => {
        for (const pre of blocks) {
          if (pre.scrollWidth > pre.clientWidth) pre.tabIndex = 0;
          else pre.removeAttribute('tabindex');
        }
      };
      mark();
      const resize = new ResizeObserver(mark);
      for (const pre of blocks) resize.observe(pre);
      return () => resize.disconnect();
    },
    [lesson.html],
  );

  return (
    <article className="instructions" aria-label={lesson.title}>
      <p className="instructions__eyebrow">
        Lesson {position} of {total}
        {completed && <span className="instructions__done">Completed</span>}
      </p>
      <div className="lesson-body" ref={body} dangerouslySetInnerHTML={{ __html: lesson.html }} />

      <section className="stuck" aria-labelledby="stuck-heading">
        <h2 id="stuck-heading">Stuck?</h2>
        <Hints hints={lesson.hints} shown={hintsShown} onShowMore={onShowHint} />
        <div className="stuck__solution">
          <Button variant="quiet" unavailable={showingSolution} onClick={() => setConfirming(true)}>
            Show solution
          </Button>
          {showingSolution && <span className="stuck__note">The editor shows the solution.</span>}
        </div>
      </section>

      <nav className="pager" aria-label="Lesson order">
        {previous ? (
          <a className="pager__link" href={hashFor(previous)}>
            <span className="pager__direction">Previous</span>
            {previous.title}
          </a>
        ) : (
          <span />
        )}
        {next && (
          <a className="pager__link pager__link--next" href={hashFor(next)}>
            <span className="pager__direction">Next</span>
            {next.title}
          </a>
        )}
      </nav>

      <ConfirmDialog
        open={confirming}
        title="Replace your code with the solution?"
        confirmLabel="Show solution"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onShowSolution();
        }}
      >
        <p>The editor will show the lesson's solution instead of your code.</p>
        <p>Your code is kept: “Restore my code” below the editor brings it back.</p>
      </ConfirmDialog>
    </article>
  );
}

