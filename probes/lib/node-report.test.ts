import { describe, expect, test } from 'vitest';
import { splitNodeReport } from './node-report.mjs';

const NODE_CRASH = [
  'config: PORT=abc',
  'node:net:1904',
  '    throw new ERR_SOCKET_BAD_PORT(name, port, allowZero);',
  '    ^',
  '',
  'RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536. Received type number (NaN).',
  '    at Server.listen (node:net:2059:5)',
  '    at Object.<anonymous> (server.js:5:8) {',
  "  code: 'ERR_SOCKET_BAD_PORT'",
  '}',
  '',
  'Node.js v20.20.2',
].join('\n');

describe("telling the program's own words from node's crash report", () => {
  test("node's report, its quoted source line included, is not the program's", () => {
    const { own, crash } = splitNodeReport(NODE_CRASH);
    expect(own).toEqual(['config: PORT=abc']);
    expect(crash).toMatchObject({ name: 'RangeError', code: 'ERR_SOCKET_BAD_PORT', internal: true });
  });

  test("an error the program threw itself keeps its message, and the source line is not counted", () => {
    const text = ['server.js:4', "  throw new Error('PORT must be a number');", '  ^', '', 'Error: PORT must be a number', '    at portFrom (server.js:4:9)', '', 'Node.js v20.20.2'].join('\n');
    const { own, crash } = splitNodeReport(text);
    expect(own).toEqual([]);
    expect(crash).toMatchObject({ name: 'Error', message: 'PORT must be a number', internal: false });
  });

  test('a report without its header (hidden Portside frame) is found by its error line and frames; later output is kept', () => {
    const text = ['starting', 'RangeError [ERR_SOCKET_BAD_PORT]: bad', '    at Server.listen (node:net:2059:5)', '    at main (server.js:3:1)', 'after the report'].join('\n');
    const { own, crash } = splitNodeReport(text);
    expect(own).toEqual(['starting', 'after the report']);
    expect(crash).toMatchObject({ code: 'ERR_SOCKET_BAD_PORT', internal: true });
  });

  test('plain output has no report', () => {
    expect(splitNodeReport('PORT must be 1-65535, got "abc"\n')).toEqual({ own: ['PORT must be 1-65535, got "abc"', ''], crash: null });
  });
});
