import { describe, expect, test } from 'vitest';
import { checkReducer, isSettled, progress, startCheck, OUTPUT_TAIL_LINES, type CheckAction, type CheckState } from './check-state.ts';
import type { HarnessEvent, ResultStatus, RuleResult } from './harness-events.ts';

const RULES = ['responds-http', 'uses-env-port', 'no-hardcoded-port'];

const event = (e: HarnessEvent): CheckAction => ({ type: 'event', event: e });
const result = (id: string, status: ResultStatus, details: Partial<RuleResult['details']> = {}): CheckAction =>
  event({ type: 'result', result: { id, status, message: `${id} ${status}`, details: { transcript: [], ...details } } });
const start = event({ type: 'start', rules: RULES });
const running = (id: string) => event({ type: 'running', id });
const done = (passed: boolean, cancelled?: boolean) => event({ type: 'done', passed, cancelled });

function play(actions: CheckAction[]): CheckState {
  return actions.reduce(checkReducer, startCheck('take-the-port', RULES, 1));
}
const states = (state: CheckState) => Object.fromEntries(state.rules.map((rule) => [rule.id, rule.state]));

describe('checkReducer', () => {
  test.each<[string, CheckAction[], string, Record<string, string>]>([
    ['before the harness starts, every rule waits', [], 'preparing', { 'responds-http': 'waiting', 'uses-env-port': 'waiting', 'no-hardcoded-port': 'waiting' }],
    ['rules run in parallel', [{ type: 'spawned' }, start, running('responds-http'), running('no-hardcoded-port')], 'running', { 'responds-http': 'running', 'uses-env-port': 'waiting', 'no-hardcoded-port': 'running' }],
    ['results arrive in any order', [{ type: 'spawned' }, start, result('no-hardcoded-port', 'fail'), running('responds-http')], 'running', { 'responds-http': 'running', 'uses-env-port': 'waiting', 'no-hardcoded-port': 'fail' }],
    ['a late running line does not hide a result', [{ type: 'spawned' }, result('uses-env-port', 'pass'), running('uses-env-port')], 'running', { 'uses-env-port': 'pass' }],
    ['every rule passes', [{ type: 'spawned' }, start, ...RULES.map((id) => result(id, 'pass')), done(true)], 'passed', { 'responds-http': 'pass', 'uses-env-port': 'pass', 'no-hardcoded-port': 'pass' }],
    ['one rule fails', [{ type: 'spawned' }, start, result('responds-http', 'pass'), result('uses-env-port', 'fail'), result('no-hardcoded-port', 'timeout'), done(false), { type: 'exit', code: 1 }], 'failed', { 'responds-http': 'pass', 'uses-env-port': 'fail', 'no-hardcoded-port': 'timeout' }],
    [
      'the server never started: said once, the others skipped',
      [{ type: 'spawned' }, start, result('responds-http', 'fail', { neverStarted: true, crashed: true }), result('uses-env-port', 'skipped', { blockedBy: 'responds-http' }), result('no-hardcoded-port', 'skipped', { blockedBy: 'responds-http' }), done(false)],
      'failed',
      { 'responds-http': 'fail', 'uses-env-port': 'skipped', 'no-hardcoded-port': 'skipped' },
    ],
    ['done says passed but a rule never reported: not passed', [{ type: 'spawned' }, start, result('responds-http', 'pass'), done(true)], 'failed', { 'responds-http': 'pass', 'uses-env-port': 'not-run', 'no-hardcoded-port': 'not-run' }],
    ['the check could not run (bad check.json)', [{ type: 'spawned' }, event({ type: 'error', message: 'check.json: "rules" …' }), done(false), { type: 'exit', code: 2 }], 'error', { 'responds-http': 'not-run', 'uses-env-port': 'not-run', 'no-hardcoded-port': 'not-run' }],
    ['the check could not start (spawn failed)', [{ type: 'failed', message: 'Could not start the check: no node' }], 'error', { 'responds-http': 'not-run' }],
    ['cancelled: finished results stay, the rest were not run', [{ type: 'spawned' }, start, result('responds-http', 'pass'), running('uses-env-port'), { type: 'cancel' }, done(false, true), { type: 'exit', code: 143 }], 'cancelled', { 'responds-http': 'pass', 'uses-env-port': 'not-run', 'no-hardcoded-port': 'not-run' }],
    [
      'a harness that finished just before the cancel reached it: its results count',
      [{ type: 'spawned' }, start, { type: 'cancel' }, result('responds-http', 'timeout', { neverStarted: true }), result('uses-env-port', 'skipped'), result('no-hardcoded-port', 'skipped'), done(false)],
      'failed',
      { 'responds-http': 'timeout', 'uses-env-port': 'skipped', 'no-hardcoded-port': 'skipped' },
    ],
    ['rules failed by the cancel itself are not results', [{ type: 'spawned' }, start, result('responds-http', 'pass'), { type: 'cancel' }, result('uses-env-port', 'error'), done(false, true)], 'cancelled', { 'responds-http': 'pass', 'uses-env-port': 'not-run' }],
    ['cancelled and killed before it could say done', [{ type: 'spawned' }, start, { type: 'cancel' }, { type: 'exit', code: 137 }], 'cancelled', { 'responds-http': 'not-run' }],
    ['the harness crashed without a done line', [{ type: 'spawned' }, start, result('responds-http', 'fail'), { type: 'output', line: 'TypeError: boom' }, { type: 'exit', code: 1 }], 'crashed', { 'responds-http': 'fail', 'uses-env-port': 'not-run', 'no-hardcoded-port': 'not-run' }],
    ['the harness exited 0 without a done line is still a crash', [{ type: 'spawned' }, { type: 'exit', code: 0 }], 'crashed', { 'responds-http': 'not-run' }],
    ['nothing changes once settled', [{ type: 'spawned' }, start, ...RULES.map((id) => result(id, 'pass')), done(true), result('uses-env-port', 'fail'), { type: 'exit', code: 9 }, { type: 'cancel' }], 'passed', { 'uses-env-port': 'pass' }],
  ])('%s', (_name, actions, phase, expected) => {
    const state = play(actions);
    expect(state.phase).toBe(phase);
    expect(states(state)).toMatchObject(expected);
  });

  test('a crash says the check itself failed, with the exit code, and keeps the output tail', () => {
    const lines = Array.from({ length: OUTPUT_TAIL_LINES + 5 }, (_, i) => ({ type: 'output', line: `line ${i}` }) as const);
    const state = play([{ type: 'spawned' }, ...lines, { type: 'exit', code: 7 }]);
    expect(state.problem).toMatch(/^The checker stopped \(exit code 7\).*not in your code/);
    expect(state.output).toHaveLength(OUTPUT_TAIL_LINES);
    expect(state.output.at(-1)).toBe(`line ${OUTPUT_TAIL_LINES + 4}`);
  });

  test("the harness's error message is kept for the panel", () => {
    expect(play([event({ type: 'error', message: 'check.json: "command" must be…' }), done(false)]).problem).toBe('check.json: "command" must be…');
  });

  test('a rule the lesson did not list is shown too, in the order the harness gives', () => {
    const state = play([event({ type: 'start', rules: ['uses-env-port', 'responds-http', 'extra'] })]);
    expect(state.rules.map((rule) => rule.id)).toEqual(['uses-env-port', 'responds-http', 'extra', 'no-hardcoded-port']);
  });

  test('progress counts rules with a result', () => {
    const state = play([{ type: 'spawned' }, start, result('no-hardcoded-port', 'fail'), running('responds-http'), result('uses-env-port', 'pass')]);
    expect(progress(state)).toEqual({ done: 2, total: 3 });
    expect(isSettled(state)).toBe(false);
  });
});
