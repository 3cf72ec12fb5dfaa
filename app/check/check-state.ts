/**
 * One check of one lesson as a pure state machine: the store feeds it the harness's events, its
 * stray output and its exit, and the results panel renders what comes out. Every way a check can
 * end — done, cancelled, "could not run", or a harness that died without saying `done` — ends in
 * a settled phase, so the UI never waits forever.
 */
import type { HarnessEvent, ResultStatus, RuleResult } from './harness-events.ts';

/** Where a rule stands: not reached yet, being checked, its result, or never checked at all. */
export type RuleState = 'waiting' | 'running' | ResultStatus | 'not-run';

export interface RuleView {
  id: string;
  state: RuleState;
  result?: RuleResult;
}

export type CheckPhase =
  /** Stopping the learner's Run and writing the files. */
  | 'preparing'
  | 'running'
  /** Cancel was asked for; waiting for the harness to tear down and exit. */
  | 'cancelling'
  | 'passed'
  | 'failed'
  | 'cancelled'
  /** The check could not run (bad check.json, could not write files or start node). */
  | 'error'
  /** The harness ended without its `done` line: the check itself failed. */
  | 'crashed';

export interface CheckState {
  lessonId: string;
  /** Counts checks, so a view can tell a new check from an update of the same one. */
  run: number;
  phase: CheckPhase;
  rules: RuleView[];
  /** Why the check could not run or did not finish, in words for the learner. */
  problem?: string;
  /** Lines the harness printed that were not events (a crash's stack trace), the last few. */
  output: string[];
  /** Results that arrived after Cancel; they count only if the harness then finishes normally. */
  held?: RuleResult[];
}

export type CheckAction =
  | { type: 'spawned' }
  | { type: 'event'; event: HarnessEvent }
  | { type: 'output'; line: string }
  | { type: 'exit'; code: number }
  | { type: 'cancel' }
  | { type: 'failed'; message: string };

/** How many stray output lines to keep for "the check itself failed". */
export const OUTPUT_TAIL_LINES = 20;

const SETTLED: readonly CheckPhase[] = ['passed', 'failed', 'cancelled', 'error', 'crashed'];

export function isSettled(state: CheckState): boolean {
  return SETTLED.includes(state.phase);
}

export function startCheck(lessonId: string, rules: readonly string[], run: number): CheckState {
  return { lessonId, run, phase: 'preparing', rules: rules.map((id) => ({ id, state: 'waiting' })), output: [] };
}

export function checkReducer(state: CheckState, action: CheckAction): CheckState {
  if (isSettled(state)) return state;
  switch (action.type) {
    case 'spawned':
      return state.phase === 'preparing' ? { ...state, phase: 'running' } : state;
    case 'cancel':
      return { ...state, phase: 'cancelling' };
    case 'output':
      return { ...state, output: [...state.output, action.line].slice(-OUTPUT_TAIL_LINES) };
    case 'failed':
      return settle({ ...state, problem: action.message }, 'error');
    case 'exit':
      return exited(state, action.code);
    case 'event':
      return applyEvent(state, action.event);
  }
}

function applyEvent(state: CheckState, event: HarnessEvent): CheckState {
  switch (event.type) {
    case 'start':
      return { ...state, rules: mergeRules(state.rules, event.rules) };
    case 'running':
      return updateRule(state, event.id, (rule) => (rule.state === 'waiting' ? { ...rule, state: 'running' } : rule));
    case 'result':
      // After Cancel the harness fails the rules it was in the middle of with "cancelled"; those
      // say nothing about the learner's code. But the harness may have finished just before the
      // signal arrived, and then they are real: hold them until `done` says which it was.
      if (state.phase === 'cancelling') return { ...state, held: [...(state.held ?? []), event.result] };
      return withResult(state, event.result);
    case 'error':
      return { ...state, problem: event.message };
    case 'done': {
      if (event.cancelled) return settle(state, 'cancelled');
      if (state.held) return applyEvent({ ...(state.held.reduce(withResult, state)), held: undefined }, event);
      if (state.problem !== undefined) return settle(state, 'error');
      const allPass = event.passed && state.rules.every((rule) => rule.state === 'pass');
      return settle(state, allPass ? 'passed' : 'failed');
    }
  }
}

/** The harness ended. Without a `done` first, that is a crash (or a cancel that had to kill it). */
function exited(state: CheckState, code: number): CheckState {
  if (state.phase === 'cancelling') return settle(state, 'cancelled');
  const problem = `The checker stopped (exit code ${code}) before it finished. This is a problem in Portside, not in your code.`;
  return settle({ ...state, problem }, 'crashed');
}

function withResult(state: CheckState, result: RuleResult): CheckState {
  return updateRule(state, result.id, (rule) => ({ ...rule, state: result.status, result }));
}

function settle(state: CheckState, phase: CheckPhase): CheckState {
  const rules = state.rules.map((rule) => (rule.result ? rule : { ...rule, state: 'not-run' as const }));
  return { ...state, phase, rules, held: undefined };
}

function updateRule(state: CheckState, id: string, change: (rule: RuleView) => RuleView): CheckState {
  const known = state.rules.some((rule) => rule.id === id);
  const rules = known ? state.rules : [...state.rules, { id, state: 'waiting' as const }];
  return { ...state, rules: rules.map((rule) => (rule.id === id ? change(rule) : rule)) };
}

/** The harness's list wins on order; a rule it will not report is kept so it shows as not run. */
function mergeRules(current: readonly RuleView[], reported: readonly string[]): RuleView[] {
  const byId = new Map(current.map((rule) => [rule.id, rule]));
  const ordered = reported.map((id) => byId.get(id) ?? { id, state: 'waiting' as const });
  return [...ordered, ...current.filter((rule) => !reported.includes(rule.id))];
}

/** Rules with a result, out of all; drives "Checking… 2 of 5". */
export function progress(state: CheckState): { done: number; total: number } {
  return { done: state.rules.filter((rule) => rule.result).length, total: state.rules.length };
}
