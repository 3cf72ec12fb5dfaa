/**
 * When the evidence is missing, rules say so — never pass by default — and what they say agrees
 * with the program's own output. The runs here are stand-ins whose evidence is set by hand: what
 * a runtime without an observer in the process and without a socket table would show.
 */
import { describe, expect, test } from 'vitest';
import usesEnvPort from './uses-env-port.mjs';
import { neverStartedResult } from '../lib/main-run.mjs';
import { summarize } from '../lib/observer-log.mjs';

const PORT = 24123;

function fakeRun({ servers = [] as object[], observed = false, osTable = false, output = '' } = {}) {
  const summary = { ...summarize([]), observed, osTable, servers };
  return {
    display: `PORT=${PORT} node server.js`,
    env: { PORT: String(PORT) },
    summary: () => summary,
    output: () => ({ text: output, omittedBytes: 0 }),
    tail: { notable: [] },
    livesOn: () => false,
  };
}

const ctx = { readyTimeoutMs: 10000, config: { timeoutScale: 0.001 }, scaled: (ms: number) => Math.round(ms * 0.001), signal: new AbortController().signal, analysis: { literalPorts: [], portChoices: [], envReads: [] }, sources: {}, command: 'node server.js' };
const osServer = (port: number, protocol = 'tcp') => ({ pid: 1234, id: `os:${protocol}:${port}`, kind: 'process', protocol, seenIn: 'os', requested: { port }, listening: { address: '0.0.0.0', port }, error: null, closed: false });

describe('uses-env-port without an observer', () => {
  const check = (run: ReturnType<typeof fakeRun>) => usesEnvPort.check(ctx, { run, port: PORT, ready: { state: 'listening', server: null, summary: run.summary() }, readyAt: Date.now() });

  test('with nothing to observe (no observer in the process, no socket table) it is an error that says why, not a pass', async () => {
    const res = await check(fakeRun());
    expect(res.status).toBe('error');
    expect(res.message).toMatch(/could not see which ports your program opened/);
    expect(res.message).toMatch(/no socket table/);
  });

  test("the system's socket table alone decides it: another port there fails, PORT alone passes", async () => {
    expect((await check(fakeRun({ osTable: true, servers: [osServer(PORT)] }))).status).toBe('pass');
    const other = await check(fakeRun({ osTable: true, servers: [osServer(PORT), osServer(5353, 'udp')] }));
    expect(other.status).toBe('fail');
    expect(other.message).toMatch(/also on UDP port 5353/);
  });
});

describe('a server that never started, in words that agree with its output', () => {
  const timedOut = (run: ReturnType<typeof fakeRun>) => neverStartedResult(ctx, 'responds-http', { run, port: PORT, ready: { state: 'timeout', summary: run.summary() } });

  test('a program that printed "listening" is not called stuck in a loop', () => {
    const seen = timedOut(fakeRun({ observed: true, osTable: true, output: 'supervisor up\napp listening on 26883' }));
    expect(seen.status).toBe('timeout');
    expect(seen.message).toMatch(/printed "app listening on 26883"/);
    expect(seen.message).not.toMatch(/stuck in a loop/);
    const blind = timedOut(fakeRun({ output: 'app listening on 26883' }));
    expect(blind.status).toBe('error');
    expect(blind.message).toMatch(new RegExp(`nothing answered on PORT=${PORT}.*could not be checked`));
  });

  test('a silent program that never listened may well be stuck', () => {
    expect(timedOut(fakeRun({ observed: true, osTable: true })).message).toMatch(/stuck in a loop/);
  });
});
