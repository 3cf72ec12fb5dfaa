/**
 * The lesson's hints, from gentle to explicit, revealed one at a time at the learner's request.
 * How many are shown lives in the Playground, because Check's results offer the next one too.
 */
import { hintParts } from './hint-parts.ts';
import { Button } from '../components/Button.tsx';

interface Props {
  hints: string[];
  shown: number;
  onShowMore(): void;
}

export function Hints({ hints, shown, onShowMore }: Props) {
  const remaining = hints.length - shown;

  return (
    <div className="hints">
      {shown > 0 && (
        <ol className="hints__list" aria-label="Hints">
          {hints.slice(0, shown).map((hint, index) => (
            <li key={index} className="hints__item">
              <span className="hints__label">Hint {index + 1}</span>
              <p>
                {hintParts(hint).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : <span key={i}>{part.text}</span>))}
              </p>
            </li>
          ))}
        </ol>
      )}
      {remaining > 0 ? (
        <Button onClick={onShowMore}>
          {shown === 0 ? 'Show a hint' : 'Show another hint'}
          <span className="button__meta">
            {' '}
            ({shown + 1} of {hints.length})
          </span>
        </Button>
      ) : (
        <p className="hints__done">That was the last hint. The solution is one click away if you want to compare.</p>
      )}
    </div>
  );
}
