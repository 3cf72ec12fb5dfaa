/**
 * The first thing the results say: still checking, all passed (and where to go next), how many
 * passed, cancelled, or — in other words and colours than a failure — that the check itself
 * could not run or failed, with what the checker printed.
 */
import type { CheckState } from './check-state.ts';
import { progress } from './check-state.ts';
import { countText, firstProblem, summaryText } from './check-words.ts';

interface Props {
  check: CheckState;
  next?: { title: string; href: string };
}

export function CheckOutcome({ check, next }: Props) {
  switch (check.phase) {
    case 'preparing':
    case 'running':
    case 'cancelling': {
      const { done, total } = progress(check);
      return <p className="check-outcome check-outcome--running">{check.phase === 'cancelling' ? 'Cancelling the check…' : `Checking your code… ${done} of ${total} rules done.`}</p>;
    }
    case 'passed':
      return (
        <div className="check-outcome check-outcome--passed">
          <p className="check-outcome__title">{summaryText(check)}</p>
          {next && (
            <a className="check-outcome__next" href={next.href}>
              Next lesson: {next.title} →
            </a>
          )}
        </div>
      );
    case 'failed': {
      if (firstProblem(check)?.result?.details.neverStarted) {
        const notRun = check.rules.filter((rule) => rule.state === 'skipped').length;
        const others = notRun === 0 ? '' : notRun === 1 ? ', so the other rule was not run' : `, so the other ${notRun} rules were not run`;
        return <p className="check-outcome check-outcome--failed">Your server never started{others}. Here is why:</p>;
      }
      return <p className="check-outcome check-outcome--failed">{countText(check)} The first problem is open below.</p>;
    }
    case 'cancelled':
      return <p className="check-outcome check-outcome--cancelled">{summaryText(check)}</p>;
    case 'error':
    case 'crashed':
      return (
        <div className={`check-outcome check-outcome--${check.phase}`}>
          <p className="check-outcome__title">{check.phase === 'error' ? 'The check could not run' : 'The check itself failed'}</p>
          <p className="check-outcome__text">{check.problem}</p>
          {check.output.length > 0 && <pre className="check-outcome__output">{check.output.join('\n')}</pre>}
        </div>
      );
  }
}
