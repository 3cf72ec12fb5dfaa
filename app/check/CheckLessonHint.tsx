/** The lesson's next hint, offered beside the first failure; revealing it here reveals it in "Stuck?" too. */
import { hintParts } from '../lessons/hint-parts.ts';
import { Button } from '../components/Button.tsx';

interface Props {
  hints: readonly string[];
  shown: number;
  onShowHint(): void;
}

export function CheckLessonHint({ hints, shown, onShowHint }: Props) {
  if (hints.length === 0) return null;
  const latest = shown > 0 ? hints[Math.min(shown, hints.length) - 1] : undefined;
  return (
    <div className="check-lesson-hint">
      {latest !== undefined && (
        <p className="check-lesson-hint__text">
          <span className="check-lesson-hint__label">
            Hint {Math.min(shown, hints.length)} of {hints.length}
          </span>{' '}
          {hintParts(latest).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : <span key={i}>{part.text}</span>))}
        </p>
      )}
      {shown < hints.length && (
        <Button variant="quiet" className="button--small" onClick={onShowHint}>
          {shown === 0 ? 'Show a hint' : 'Show the next hint'}
          <span className="button__meta">
            {' '}
            ({shown + 1} of {hints.length})
          </span>
        </Button>
      )}
    </div>
  );
}
