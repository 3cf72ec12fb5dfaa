import { describe, expect, test } from 'vitest';
import { crashLocation, describeExit, errorLine, result, transcript, withDetails } from './results.mjs';

describe('results and their transcripts', () => {
  test('a transcript reads like a terminal session', () => {
    expect(transcript({
      command: 'PORT=41873 node server.js',
      steps: ['SIGTERM sent'],
      curl: 'curl -i http://localhost:41873/',
      expected: 'listen() on port 41873',
      observed: ['http server listen(3000) at server.js:9:8 → listening on [::]:3000', 'second'],
      file: 'server.js',
      line: 9,
      column: 15,
      snippet: '  server.listen(3000);',
      hint: 'Use process.env.PORT.',
      output: 'a\nb',
      outputOmittedBytes: 2048,
    })).toEqual([
      '$ PORT=41873 node server.js',
      'SIGTERM sent',
      '$ curl -i http://localhost:41873/',
      'expected: listen() on port 41873',
      'observed: http server listen(3000) at server.js:9:8 → listening on [::]:3000',
      '        : second',
      'at server.js:9:15    server.listen(3000);',
      'hint: Use process.env.PORT.',
      "--- your server's output (2.0 KB of earlier output not shown) ---",
      'a',
      'b',
    ]);
  });

  test('empty output is said, not hidden; empty fields are dropped', () => {
    const r = result('responds-http', 'fail', 'No.', { output: '', command: 'node s.js', hint: undefined, file: null });
    expect(r.details).toEqual({ command: 'node s.js', transcript: ['$ node s.js'] });
    expect(transcript({ output: '' })).toEqual(["--- your server's output ---", '(no output)']);
  });

  test('withDetails rebuilds the transcript', () => {
    const r = withDetails(result('x', 'fail', 'm', { command: 'c' }), { steps: ['s'] });
    expect(r.details.transcript).toEqual(['$ c', 's']);
  });

  test('finds the telling line of a crash', () => {
    expect(errorLine('node:events:502\n  throw er;\n\nError: listen EADDRINUSE: address already in use :::3000\n    at x')).toBe('Error: listen EADDRINUSE: address already in use :::3000');
    expect(errorLine('server.js:4\n  res.end(\n\nSyntaxError: missing ) after argument list')).toBe('SyntaxError: missing ) after argument list');
    expect(errorLine('RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0')).toMatch(/^RangeError/);
    expect(errorLine('all good')).toBeUndefined();
  });

  test("locates a crash from node's error header, in the workspace only", () => {
    expect(crashLocation('/work/space/server.js:4\n  x\n', '/work/space')).toEqual({ file: 'server.js', line: 4 });
    expect(crashLocation('file:///work/space/lib/a.mjs:12\n', '/work/space')).toEqual({ file: 'lib/a.mjs', line: 12 });
    expect(crashLocation('server.js:7\n', '/work/space')).toEqual({ file: 'server.js', line: 7 });
    expect(crashLocation('/elsewhere/node_modules/x/index.js:1\n', '/work/space')).toBeUndefined();
  });

  test('describes exits', () => {
    expect(describeExit({ code: 1, signal: null })).toBe('exited with code 1');
    expect(describeExit({ code: null, signal: 'SIGTERM' })).toBe('was stopped by SIGTERM');
    expect(describeExit(null)).toBe('is still running');
  });
});
