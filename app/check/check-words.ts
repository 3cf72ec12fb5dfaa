/**
 * The words the results panel uses. "Your code crashed", "timed out" and "the check itself
 * failed" are different things and never share words; the messages themselves come from the
 * harness and are shown as they are.
 */
import type { CheckState, RuleView } from './check-state.ts';
import { isSettled } from './check-state.ts';

/** How a rule's row looks: its words, and a tone the stylesheet colours and gives an icon. */
export type Tone = 'pass' | 'fail' | 'crash' | 'timeout' | 'error' | 'running' | 'muted';

export function ruleWords(rule: RuleView): { label: string; tone: Tone } {
  const details = rule.result?.details;
  switch (rule.state) {
    case 'waiting':
      return { label: 'waiting', tone: 'muted' };
    case 'running':
      return { label: 'checking…', tone: 'running' };
    case 'pass':
      return { label: 'passed', tone: 'pass' };
    case 'fail':
      if (details?.neverStarted) return { label: 'never started', tone: details.crashed ? 'crash' : 'fail' };
      return details?.crashed ? { label: 'your code crashed', tone: 'crash' } : { label: 'failed', tone: 'fail' };
    case 'timeout':
      return { label: 'timed out', tone: 'timeout' };
    case 'error':
      return { label: 'the check itself failed', tone: 'error' };
    case 'skipped':
    case 'not-run':
      return { label: 'not run', tone: 'muted' };
  }
}

/** The first rule, in lesson order, that did not pass and was not merely skipped. */
export function firstProblem(state: CheckState): RuleView | undefined {
  return state.rules.find((rule) => rule.state === 'fail' || rule.state === 'timeout' || rule.state === 'error');
}

/** One or two sentences for the live region: what a screen reader hears when a check ends. */
export function summaryText(state: CheckState): string {
  const total = state.rules.length;
  switch (state.phase) {
    case 'preparing':
    case 'running':
      return 'Checking your code…';
    case 'cancelling':
      return 'Cancelling the check…';
    case 'cancelled':
      return 'Check cancelled. Press Check to run it again.';
    case 'error':
      return /^The check itself/.test(state.problem ?? '') ? (state.problem ?? '') : `The check could not run: ${state.problem ?? 'unknown problem'}`;
    case 'crashed':
      return `The check itself failed: ${state.problem ?? 'the checker stopped before it finished.'}`;
    case 'passed':
      return total === 1 ? 'The rule passes. Lesson complete.' : `All ${total} rules pass. Lesson complete.`;
    case 'failed': {
      const count = countText(state);
      const problem = firstProblem(state);
      return problem ? `${count} ${problemSentence(problem)}` : count;
    }
  }
}

/** "1 of 3 rules pass." */
export function countText(state: CheckState): string {
  const total = state.rules.length;
  const passing = state.rules.filter((rule) => rule.state === 'pass').length;
  return `${passing} of ${total} ${total === 1 ? 'rule passes' : 'rules pass'}.`;
}

function problemSentence(rule: RuleView): string {
  const message = rule.result?.message ?? '';
  if (rule.result?.details.neverStarted) return message;
  const verb = rule.state === 'timeout' ? 'timed out' : rule.state === 'error' ? 'could not be checked' : 'failed';
  return `${rule.id} ${verb}: ${message}`;
}

/** True while the harness may still change the results. */
export function isChecking(state: CheckState | null): boolean {
  return state !== null && !isSettled(state);
}
