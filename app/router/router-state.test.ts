import { describe, expect, it } from 'vitest';
import { applyRouterEvent, initialRouterState, MAX_REQUESTS, portTakenIn, type RouterEvent, type RouterState } from './router-state.ts';
import { instanceSentence, routerSentence } from './router-words.ts';

const ROUTER = 41000;
const A = 41001;
const B = 41002;

function run(events: RouterEvent[]): RouterState {
  return events.reduce(applyRouterEvent, initialRouterState(ROUTER, [A, B]));
}
const words = (state: RouterState) => state.instances.map((i) => instanceSentence(state, i).text);

const bothListening: RouterEvent[] = [
  { type: 'instance-spawned', index: 0 },
  { type: 'port', port: A, open: true },
  { type: 'instance-spawned', index: 1 },
  { type: 'port', port: B, open: true },
  { type: 'router-spawned' },
  { type: 'router-line', line: `router listening on port ${ROUTER} → instances :${A}, :${B}` },
];

/** Lesson 10's starter: both instances call listen(3000). */
const hardcoded: RouterEvent[] = [
  { type: 'instance-spawned', index: 0 },
  { type: 'port', port: 3000, open: true },
  { type: 'instance-spawned', index: 1 },
  { type: 'instance-line', index: 1, line: 'node:events:497' },
  { type: 'instance-line', index: 1, line: 'Error: listen EADDRINUSE: address already in use :::3000' },
  { type: 'instance-line', index: 1, line: '  port: 3000' },
  { type: 'instance-exited', index: 1, code: 1 },
  { type: 'router-spawned' },
  { type: 'port', port: ROUTER, open: true },
];

describe('applyRouterEvent', () => {
  it('follows two instances on their PORTs and the router in front of them', () => {
    const state = run(bothListening);
    expect(state.listening).toBe(true);
    expect(state.instances.map((i) => i.listening)).toEqual([[A], [B]]);
    expect(words(state)).toEqual([`Instance 1 listens on its PORT, ${A}`, `Instance 2 listens on its PORT, ${B}`]);
    expect(routerSentence(state).text).toBe(`The router listens on ${ROUTER} and sends each request to the next instance in turn: :${A} and :${B}`);
  });

  it('lists requests newest first and counts what each instance served', () => {
    const state = run([
      ...bothListening,
      { type: 'router-line', line: `GET / → instance :${A} (200)` },
      { type: 'router-line', line: `GET / → instance :${B} (200)` },
      { type: 'router-line', line: `GET /x → instance :${A} (404)` },
      { type: 'router-line', line: 'sessions instance listening on port 1' },
    ]);
    expect(state.requests.map((r) => [r.id, r.kind, r.path, r.kind === 'served' ? r.instance : null])).toEqual([
      [3, 'served', '/x', A],
      [2, 'served', '/', B],
      [1, 'served', '/', A],
    ]);
    expect(state.instances.map((i) => i.served)).toEqual([2, 1]);
    expect(state.total).toBe(3);
  });

  it(`keeps only the latest ${MAX_REQUESTS} requests, and counts them all`, () => {
    const lines: RouterEvent[] = Array.from({ length: MAX_REQUESTS + 5 }, (_, i) => ({ type: 'router-line', line: `GET /${i} → instance :${A} (200)` }));
    const state = run([...bothListening, ...lines]);
    expect(state.requests).toHaveLength(MAX_REQUESTS);
    expect(state.requests[0]?.path).toBe(`/${MAX_REQUESTS + 4}`);
    expect(state.total).toBe(MAX_REQUESTS + 5);
    expect(state.instances[0]?.served).toBe(MAX_REQUESTS + 5);
  });

  it('says plainly why the second instance of a hardcoded port cannot start', () => {
    const state = run(hardcoded);
    expect(state.instances[1]).toMatchObject({ phase: 'exited', code: 1, portTaken: 3000 });
    expect(words(state)).toEqual([
      `Instance 1 listens on 3000, not on its PORT ${A}: the router sends its requests to ${A}, where nobody answers`,
      'Instance 2 could not start: port 3000 was already taken by instance 1 — a hardcoded port cannot run twice',
    ]);
  });

  it('blames another program when no instance holds the port', () => {
    const state = run([
      { type: 'instance-spawned', index: 0 },
      { type: 'instance-line', index: 0, line: 'Error: listen EADDRINUSE: address already in use 127.0.0.1:3000' },
      { type: 'instance-exited', index: 0, code: 1 },
    ]);
    expect(words(state)[0]).toBe(`Instance 1 could not start: port 3000 was already taken by another program — and 3000 is not its PORT (${A})`);
    expect(words(state)[1]).toBe(`Instance 2 waits to start on PORT ${B}`);
  });

  it('tells a crash before listening from an exit after it, and a Stop from both', () => {
    const crashed = run([{ type: 'instance-spawned', index: 0 }, { type: 'instance-exited', index: 0, code: 1 }]);
    expect(words(crashed)[0]).toBe('Instance 1 exited with code 1 before it listened');
    const later = run([...bothListening, { type: 'port', port: B, open: false }, { type: 'instance-exited', index: 1, code: 3 }]);
    expect(words(later)[1]).toBe('Instance 2 exited with code 3');
    const stopped = run([...bothListening, { type: 'stopping' }, { type: 'instance-exited', index: 0, code: 143 }, { type: 'router-exited', code: 0 }]);
    expect(words(stopped)[0]).toBe('Instance 1 stopped');
    expect(routerSentence(stopped).text).toBe('The router stopped');
    const routerCrashed = run([...bothListening, { type: 'router-exited', code: 1 }, { type: 'stopping' }]);
    expect(routerSentence(routerCrashed).text).toBe('The router exited with code 1');
    const failedThenStopped = run([...hardcoded, { type: 'stopping' }, { type: 'instance-exited', index: 0, code: 143 }]);
    expect(words(failedThenStopped)).toEqual(['Instance 1 stopped', 'Instance 2 could not start: port 3000 was already taken by instance 1 — a hardcoded port cannot run twice']);
  });

  it('ignores repeated port events and closes of ports nobody held', () => {
    const once = run(bothListening);
    expect(applyRouterEvent(once, { type: 'port', port: A, open: true })).toBe(once);
    expect(applyRouterEvent(once, { type: 'port', port: 9, open: false })).toBe(once);
    expect(applyRouterEvent(once, { type: 'port', port: ROUTER, open: true })).toBe(once);
  });

  it('keeps the port an error named when a later line only says the address is in use', () => {
    const state = run([
      { type: 'instance-spawned', index: 0 },
      { type: 'instance-line', index: 0, line: 'Error: listen EADDRINUSE: address already in use :::3000' },
      { type: 'instance-line', index: 0, line: "  code: 'EADDRINUSE'," },
    ]);
    expect(state.instances[0]?.portTaken).toBe(3000);
  });
});

describe('portTakenIn', () => {
  it.each([
    ['Error: listen EADDRINUSE: address already in use :::3000', 3000],
    ['Error: listen EADDRINUSE: address already in use 127.0.0.1:8080', 8080],
    ['Port 5000 is already in use; stop the other process or choose another PORT.', 5000],
    ['OSError: [Errno 98] Address already in use', 'unnamed'],
    ["  code: 'EADDRINUSE',", 'unnamed'],
    ['sessions instance listening on port 3000', null],
  ] as const)('%s', (line, expected) => {
    expect(portTakenIn(line)).toBe(expected);
  });
});
