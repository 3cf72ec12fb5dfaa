import { describe, expect, test } from 'vitest';
import { allSettled, connectHost, describeServer, listeningPorts, parseLog, summarize } from './observer-log.mjs';

const lines = (...events: object[]) => events.map((e) => JSON.stringify({ t: 1, pid: 7, ...e })).join('\n') + '\n';

describe('reading the observer log', () => {
  test('skips a half-written last line and broken lines', () => {
    expect(parseLog('{"a":1}\nnot json\n{"b":2}\n{"c":')).toEqual([{ a: 1 }, { b: 2 }]);
  });

  test('folds listen, listening and errors into servers', () => {
    const summary = summarize(parseLog(lines(
      { event: 'start' },
      { event: 'listen', id: 1, kind: 'http', port: 3000, at: { file: 'server.js', line: 9, column: 8 } },
      { event: 'listen', id: 2, kind: 'express', port: 41873 },
      { event: 'error', id: 1, code: 'EADDRINUSE', message: 'listen EADDRINUSE' },
      { event: 'listening', id: 2, address: '::', family: 'IPv6', port: 41873 },
      { event: 'request', id: 2, method: 'GET', url: '/' },
    )));
    expect(summary.observed).toBe(true);
    expect(listeningPorts(summary)).toEqual([41873]);
    expect(allSettled(summary)).toBe(true);
    expect(summary.requests).toEqual([{ pid: 7, id: 2, method: 'GET', url: '/', port: 41873 }]);
    expect(summary.servers.map(describeServer)).toEqual([
      'http server listen(3000) at server.js:9:8 → failed: EADDRINUSE',
      'express server listen(41873) → listening on [::]:41873',
    ]);
  });

  test('a listen() still binding is not settled', () => {
    expect(allSettled(summarize(parseLog(lines({ event: 'start' }, { event: 'listen', id: 1, kind: 'net', port: 1 }))))).toBe(false);
  });

  test('describes pipes and random ports', () => {
    const summary = summarize(parseLog(lines(
      { event: 'listen', id: 1, kind: 'http', path: 'abc' },
      { event: 'listening', id: 1, path: 'abc' },
      { event: 'listen', id: 2, kind: 'http', port: null, host: '127.0.0.1' },
    )));
    expect(summary.servers.map(describeServer)).toEqual([
      'http server listen("abc") → listening on the pipe abc',
      'http server listen(undefined, "127.0.0.1") → still binding',
    ]);
  });

  test('connects to loopback for wildcard addresses', () => {
    expect([connectHost('::'), connectHost('0.0.0.0'), connectHost('::1'), connectHost('127.0.0.1')]).toEqual(['127.0.0.1', '127.0.0.1', '::1', '127.0.0.1']);
  });
});
