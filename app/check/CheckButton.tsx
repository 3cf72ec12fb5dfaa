/**
 * Check, in the run controls. While the harness runs it shows how far it got and becomes the
 * way to cancel it (accessible name "Cancel check"); Ctrl/Cmd+Enter does the same as a click.
 */
import type { CheckState } from './check-state.ts';
import { progress } from './check-state.ts';
import { isChecking } from './check-words.ts';
import { Button } from '../components/Button.tsx';

interface Props {
  /** The open lesson's check, if any. */
  check: CheckState | null;
  /** False until the runtime is ready. */
  ready: boolean;
  onCheck(): void;
  onCancel(): void;
}

export function CheckButton({ check, ready, onCheck, onCancel }: Props) {
  if (check && isChecking(check)) {
    const { done, total } = progress(check);
    const cancelling = check.phase === 'cancelling';
    return (
      <Button className="check-button check-button--busy" aria-label="Cancel check" unavailable={cancelling} onClick={onCancel}>
        <span className="spinner" aria-hidden="true" />
        <span className="check-button__progress">{cancelling ? 'Cancelling…' : `Checking… ${done} of ${total}`}</span>
        {!cancelling && <span className="check-button__cancel">Cancel</span>}
      </Button>
    );
  }
  return (
    <Button
      className="check-button"
      unavailable={!ready}
      onClick={onCheck}
      title="Check your code against the lesson's rules (Ctrl+Enter)"
      aria-keyshortcuts="Control+Enter Meta+Enter"
    >
      <CheckIcon /> Check
    </Button>
  );
}

const CheckIcon = () => (
  <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M3.2 8.4 6.4 11.6 12.8 4.8" fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);
