import { describe, expect, test } from 'vitest';
import { LineSplitter, parseHarnessLine } from './harness-events.ts';

const result = { id: 'uses-env-port', status: 'fail', message: 'listened on 3000', details: { line: 9, transcript: ['$ PORT=1 node server.js'] } };

describe('parseHarnessLine', () => {
  test.each([
    ['start', '{"type":"start","rules":["responds-http","uses-env-port"]}', { type: 'start', rules: ['responds-http', 'uses-env-port'] }],
    ['running', '{"type":"running","id":"responds-http"}', { type: 'running', id: 'responds-http' }],
    ['result', JSON.stringify({ type: 'result', result }), { type: 'result', result }],
    ['error', '{"type":"error","message":"check.json: \\"rules\\" must be a list"}', { type: 'error', message: 'check.json: "rules" must be a list' }],
    ['done', '{"type":"done","passed":true,"counts":{"pass":3}}', { type: 'done', passed: true }],
    ['cancelled done', '{"type":"done","passed":false,"cancelled":true,"signal":"SIGTERM"}', { type: 'done', passed: false, cancelled: true }],
    ['surrounding spaces and \\r', '  {"type":"running","id":"a"}\r', { type: 'running', id: 'a' }],
  ])('reads a %s line', (_name, line, expected) => {
    expect(parseHarnessLine(line)).toMatchObject(expected);
  });

  test.each([
    ['plain text', 'orders service listening on port 3000'],
    ['a stack trace line', '    at file:///w/.portside/harness.mjs:12:3'],
    ['broken JSON', '{"type":"result","result":{'],
    ['a JSON list', '[1,2]'],
    ['an unknown type', '{"type":"progress","n":1}'],
    ['start without rules', '{"type":"start"}'],
    ['a result with an unknown status', JSON.stringify({ type: 'result', result: { ...result, status: 'maybe' } })],
    ['a result without a message', JSON.stringify({ type: 'result', result: { id: 'x', status: 'pass' } })],
    ['done without passed', '{"type":"done"}'],
    ['empty', ''],
  ])('ignores %s', (_name, line) => {
    expect(parseHarnessLine(line)).toBeNull();
  });

  test('a result without details still gets an (empty) transcript to show', () => {
    const event = parseHarnessLine(JSON.stringify({ type: 'result', result: { id: 'x', status: 'pass', message: 'ok' } }));
    expect(event).toEqual({ type: 'result', result: { id: 'x', status: 'pass', message: 'ok', details: { transcript: [] } } });
  });
});

describe('LineSplitter', () => {
  test.each([
    ['whole lines in one chunk', ['a\nb\n'], ['a', 'b'], []],
    ['a line split across chunks', ['{"ty', 'pe":"x"}\n'], ['{"type":"x"}'], []],
    ['many chunks, one line', ['a', 'b', 'c', '\n'], ['abc'], []],
    ['\\r\\n split between chunks', ['a\r', '\nb\r\n'], ['a', 'b'], []],
    ['an unfinished last line', ['a\nhalf'], ['a'], ['half']],
    ['empty lines', ['\n\n'], ['', ''], []],
  ])('%s', (_name, chunks, lines, rest) => {
    const splitter = new LineSplitter();
    expect(chunks.flatMap((chunk) => splitter.push(chunk))).toEqual(lines);
    expect(splitter.end()).toEqual(rest);
    expect(splitter.end()).toEqual([]);
  });
});
