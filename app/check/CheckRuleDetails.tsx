/** The opened part of a result: the line it blames (a button to show it), the hint, and the transcript. */
import type { ReactNode } from 'react';
import type { CodeLocation } from './check-markers.ts';
import type { RuleResult } from './harness-events.ts';
import { CheckTranscript } from './CheckTranscript.tsx';

interface Props {
  result: RuleResult;
  location?: CodeLocation;
  onReveal(location: CodeLocation): void;
  /** More help below the transcript (the lesson's hints, for the first failure). */
  children?: ReactNode;
}

export function CheckRuleDetails({ result, location, onReveal, children }: Props) {
  const { details } = result;
  return (
    <>
      {location && (
        <p className="check-location">
          <button type="button" className="check-location__button" title="Show this line in the editor" onClick={() => onReveal(location)}>
            {location.path}:{location.line}
          </button>
          {details.snippet && <code className="check-location__snippet">{details.snippet.trim()}</code>}
        </p>
      )}
      {details.hint && (
        <p className="check-hint">
          <span className="check-hint__label">What to look at</span> {details.hint}
        </p>
      )}
      <CheckTranscript ruleId={result.id} lines={details.transcript} curl={details.curl} />
      {children}
    </>
  );
}
