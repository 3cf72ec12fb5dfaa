import { describe, expect, test } from 'vitest';
import { checkReducer, startCheck, type CheckAction, type CheckState, type RuleView } from './check-state.ts';
import type { ResultDetails, ResultStatus } from './harness-events.ts';
import { firstProblem, ruleWords, summaryText } from './check-words.ts';

const view = (state: RuleView['state'], details: Partial<ResultDetails> = {}): RuleView => ({
  id: 'r',
  state,
  result: state === 'waiting' || state === 'running' || state === 'not-run' ? undefined : { id: 'r', status: state, message: 'm', details: { transcript: [], ...details } },
});

describe('ruleWords', () => {
  test.each<[string, RuleView, string, string]>([
    ['waiting', view('waiting'), 'waiting', 'muted'],
    ['running', view('running'), 'checking…', 'running'],
    ['pass', view('pass'), 'passed', 'pass'],
    ['a wrong result', view('fail'), 'failed', 'fail'],
    ['a crash of the learner’s code', view('fail', { crashed: true }), 'your code crashed', 'crash'],
    ['a server that crashed before listening', view('fail', { neverStarted: true, crashed: true }), 'never started', 'crash'],
    ['a server that exited 0 before listening', view('fail', { neverStarted: true }), 'never started', 'fail'],
    ['timeout', view('timeout'), 'timed out', 'timeout'],
    ['the check itself failing', view('error'), 'the check itself failed', 'error'],
    ['skipped', view('skipped'), 'not run', 'muted'],
    ['never reached', view('not-run'), 'not run', 'muted'],
  ])('%s', (_name, rule, label, tone) => {
    expect(ruleWords(rule)).toEqual({ label, tone });
  });

  test('crashed, timed out and the check itself failing never share words', () => {
    const labels = [view('fail', { crashed: true }), view('timeout'), view('error')].map((rule) => ruleWords(rule).label);
    expect(new Set(labels).size).toBe(3);
  });
});

const RULES = ['responds-http', 'uses-env-port', 'no-hardcoded-port', 'default-port', 'rejects-bad-port'];
function ended(statuses: Record<string, [ResultStatus, string, Partial<ResultDetails>?]>, actions: CheckAction[] = []): CheckState {
  const results: CheckAction[] = Object.entries(statuses).map(([id, [status, message, details]]) => ({
    type: 'event',
    event: { type: 'result', result: { id, status, message, details: { transcript: [], ...details } } },
  }));
  const passed = Object.values(statuses).every(([status]) => status === 'pass');
  return [{ type: 'spawned' } as CheckAction, ...results, ...actions, { type: 'event', event: { type: 'done', passed } } as CheckAction].reduce(
    checkReducer,
    startCheck('lesson', Object.keys(statuses).length ? Object.keys(statuses) : RULES, 1),
  );
}

describe('summaryText', () => {
  test.each<[string, CheckState, string]>([
    ['all pass', ended(Object.fromEntries(RULES.map((id) => [id, ['pass', 'ok']]))), 'All 5 rules pass. Lesson complete.'],
    ['one rule, passing', ended({ 'responds-http': ['pass', 'ok'] }), 'The rule passes. Lesson complete.'],
    [
      'names the first failure in lesson order, with its message',
      ended({ 'responds-http': ['pass', 'ok'], 'uses-env-port': ['fail', 'With PORT=41873, your server listened on 3000 instead of 41873.'], 'no-hardcoded-port': ['fail', 'later'] }),
      '1 of 3 rules pass. uses-env-port failed: With PORT=41873, your server listened on 3000 instead of 41873.',
    ],
    ['a timeout says timed out', ended({ 'responds-http': ['timeout', 'had not called listen() after 10 s, so it was stopped.'] }), '0 of 1 rule passes. responds-http timed out: had not called listen() after 10 s, so it was stopped.'],
    ['an error says it could not be checked', ended({ 'default-port': ['error', 'Port 5000 is held by another program.'] }), '0 of 1 rule passes. default-port could not be checked: Port 5000 is held by another program.'],
    [
      'a server that never started is said once, in its own words',
      ended({ 'responds-http': ['fail', 'Your server never started: it crashed — exited with code 1 before it called listen().', { neverStarted: true, crashed: true }], 'uses-env-port': ['skipped', 'Not run'] }),
      '0 of 2 rules pass. Your server never started: it crashed — exited with code 1 before it called listen().',
    ],
  ])('%s', (_name, state, text) => {
    expect(summaryText(state)).toBe(text);
  });

  test.each<[string, CheckAction[], string | RegExp]>([
    ['while checking', [{ type: 'spawned' }], 'Checking your code…'],
    ['while cancelling', [{ type: 'spawned' }, { type: 'cancel' }], 'Cancelling the check…'],
    ['cancelled', [{ type: 'spawned' }, { type: 'cancel' }, { type: 'exit', code: 143 }], 'Check cancelled. Press Check to run it again.'],
    ['could not run', [{ type: 'event', event: { type: 'error', message: 'check.json: bad' } }, { type: 'event', event: { type: 'done', passed: false } }], 'The check could not run: check.json: bad'],
    ['the check itself failed (harness words)', [{ type: 'event', event: { type: 'error', message: 'The check itself failed: boom' } }, { type: 'event', event: { type: 'done', passed: false } }], 'The check itself failed: boom'],
    ['crashed', [{ type: 'spawned' }, { type: 'exit', code: 1 }], /^The check itself failed: .*exit code 1/],
  ])('%s', (_name, actions, text) => {
    expect(summaryText(actions.reduce(checkReducer, startCheck('lesson', RULES, 1)))).toMatch(text);
  });

  test('firstProblem skips passes and skipped rules', () => {
    const state = ended({ 'responds-http': ['pass', 'ok'], 'uses-env-port': ['skipped', 'no'], 'no-hardcoded-port': ['timeout', 'slow'] });
    expect(firstProblem(state)?.id).toBe('no-hardcoded-port');
  });
});
