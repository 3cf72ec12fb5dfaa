/**
 * The results panel (a region named "Check results"): every rule of the lesson with its status,
 * the first failure opened, and a polite live summary for screen readers. It renders state; the
 * CheckStore drives the harness.
 */
import { useEffect, useRef, useState } from 'react';
import type { CheckState } from './check-state.ts';
import { isSettled } from './check-state.ts';
import { firstProblem, summaryText } from './check-words.ts';
import { locationOf, type CodeLocation } from './check-markers.ts';
import type { FileMap } from '../runtime/types.ts';
import { Button } from '../components/Button.tsx';
import { CheckOutcome } from './CheckOutcome.tsx';
import { CheckRuleItem } from './CheckRuleItem.tsx';
import { CheckRuleDetails } from './CheckRuleDetails.tsx';
import { CheckLessonHint } from './CheckLessonHint.tsx';

interface Props {
  check: CheckState;
  /** The learner's files now: a result's file:line is a button only while that line exists. */
  files: FileMap;
  hints: readonly string[];
  hintsShown: number;
  onShowHint(): void;
  next?: { title: string; href: string };
  onReveal(location: CodeLocation): void;
  onClose(): void;
}

export function CheckResults({ check, files, hints, hintsShown, onShowHint, next, onReveal, onClose }: Props) {
  // Which rules the learner opened or closed, for this check only; a new check starts fresh.
  const [toggled, setToggled] = useState<{ run: number; open: Record<string, boolean> }>({ run: check.run, open: {} });
  const first = isSettled(check) ? firstProblem(check) : undefined;
  const isOpen = (id: string) => (toggled.run === check.run && id in toggled.open ? toggled.open[id] === true : id === first?.id);
  const body = useRef<HTMLDivElement>(null);
  const firstId = first?.id;
  useEffect(
    function showFirstProblem() {
      // Passing rules come first in lesson order; the learner should not have to scroll to what failed.
      const item = firstId ? body.current?.querySelector<HTMLElement>(`[data-rule="${CSS.escape(firstId)}"]`) : null;
      const view = body.current;
      if (view && item && item.offsetTop > view.scrollTop + view.clientHeight * 0.4) view.scrollTop = item.offsetTop - 12;
    },
    [check.run, firstId],
  );
  const pane = useRef<HTMLElement>(null);
  useEffect(
    function bringTheResultsIntoView() {
      // On a phone or at 200% zoom the panel can start below the fold; each check shows it.
      pane.current?.scrollIntoView({ block: 'nearest' });
    },
    [check.run],
  );
  const settled = isSettled(check);
  useEffect(
    function focusTheResults() {
      if (!settled) return;
      // Typing in the visible editor (Ctrl+Enter) keeps the cursor there; from anywhere else — the
      // Check button, or a hidden editor on a phone — focus goes to the results, not to <body>.
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.closest('.monaco-editor') && active.closest('.editor-pane')?.checkVisibility()) return;
      pane.current?.focus();
    },
    [settled, check.run],
  );
  const toggle = (id: string) =>
    setToggled((now) => ({ run: check.run, open: { ...(now.run === check.run ? now.open : {}), [id]: !isOpen(id) } }));

  return (
    <section className="pane check-pane" aria-labelledby="check-results-heading" ref={pane} tabIndex={-1}>
      <div className="pane__bar check-pane__bar">
        <h2 id="check-results-heading" className="pane__title">
          Check results
        </h2>
        <Button variant="quiet" className="button--small" aria-label="Close check results" onClick={onClose}>
          Close
        </Button>
      </div>
      <div className="check-pane__body" ref={body}>
        {/* What a screen reader hears when the check ends; the same facts are shown below. */}
        <p id="check-summary" className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {summaryText(check)}
        </p>
        <CheckOutcome check={check} next={next} />
        <ol className="check-rules" aria-label="Rules">
          {check.rules.map((rule) => (
            <CheckRuleItem key={rule.id} rule={rule} expanded={isOpen(rule.id)} onToggle={() => toggle(rule.id)}>
              {rule.result && (
                <CheckRuleDetails result={rule.result} location={locationOf(rule, files)} onReveal={onReveal}>
                  {rule.id === first?.id && <CheckLessonHint hints={hints} shown={hintsShown} onShowHint={onShowHint} />}
                </CheckRuleDetails>
              )}
            </CheckRuleItem>
          ))}
        </ol>
      </div>
    </section>
  );
}
