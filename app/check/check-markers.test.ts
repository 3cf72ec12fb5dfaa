import { describe, expect, test } from 'vitest';
import type { RuleView } from './check-state.ts';
import type { ResultDetails, ResultStatus } from './harness-events.ts';
import { liveMarkers, locationOf, markersFor } from './check-markers.ts';

const SERVER = "import http from 'node:http';\nconst server = http.createServer();\nserver.listen(3000, () => {\n});\n";
const files = { 'server.js': SERVER, 'package.json': '{}' };

function rule(id: string, status: ResultStatus, message: string, details: Partial<ResultDetails> = {}): RuleView {
  return { id, state: status, result: { id, status, message, details: { transcript: [], ...details } } };
}

describe('markersFor', () => {
  test.each<[string, RuleView[], object[]]>([
    ['a failure with file, line and column', [rule('uses-env-port', 'fail', 'listened on 3000', { file: 'server.js', line: 3, column: 15 })], [{ path: 'server.js', line: 3, column: 15, message: 'listened on 3000', severity: 'error', lineText: 'server.listen(3000, () => {' }]],
    ['a failure with a line but no column marks the line', [rule('a', 'fail', 'm', { file: 'server.js', line: 1 })], [{ path: 'server.js', line: 1, column: undefined, message: 'm' }]],
    ['a ./ path', [rule('a', 'timeout', 'm', { file: './server.js', line: 2 })], [{ path: 'server.js', line: 2 }]],
    ['an error result points at code too', [rule('a', 'error', 'm', { file: 'server.js', line: 2 })], [{ path: 'server.js', line: 2 }]],
    ['a column past the end of the line is dropped', [rule('a', 'fail', 'm', { file: 'server.js', line: 4, column: 40 })], [{ path: 'server.js', line: 4, column: undefined }]],
    ['passing and skipped results mark nothing', [rule('a', 'pass', 'ok', { file: 'server.js', line: 3 }), rule('b', 'skipped', 'not run', { file: 'server.js', line: 3 })], []],
    ['no file or line, nothing to mark', [rule('a', 'fail', 'm'), rule('b', 'fail', 'm', { file: 'server.js' })], []],
    ['a file the learner does not have', [rule('a', 'fail', 'm', { file: '.portside/harness.mjs', line: 3 })], []],
    ['a line past the end of the file', [rule('a', 'fail', 'm', { file: 'server.js', line: 99 })], []],
    ['line 0 is not a line', [rule('a', 'fail', 'm', { file: 'server.js', line: 0 })], []],
    ['the same words on the same line once', [rule('a', 'fail', 'same', { file: 'server.js', line: 3 }), rule('b', 'fail', 'same', { file: 'server.js', line: 3 })], [{ line: 3, message: 'same' }]],
    ['different words on the same line each', [rule('a', 'fail', 'one', { file: 'server.js', line: 3 }), rule('b', 'fail', 'two', { file: 'server.js', line: 3 })], [{ message: 'one' }, { message: 'two' }]],
  ])('%s', (_name, rules, expected) => {
    const markers = markersFor(rules, files);
    expect(markers).toHaveLength(expected.length);
    expected.forEach((shape, i) => expect(markers[i]).toMatchObject(shape));
  });

  test('a rule without a result has no location', () => {
    expect(locationOf({ id: 'a', state: 'running' }, files)).toBeUndefined();
  });
});

describe('liveMarkers', () => {
  const [marker] = markersFor([rule('a', 'fail', 'listened on 3000', { file: 'server.js', line: 3, column: 15 })], files);
  const markers = marker ? [marker] : [];

  test.each([
    ['unchanged code keeps the marker', SERVER, 1],
    ['an edit on another line keeps it', SERVER.replace('createServer()', 'createServer(handler)'), 1],
    ['an edit on the marked line removes it', SERVER.replace('3000', 'process.env.PORT'), 0],
    ['a line inserted above moves the code, so the marker goes', '// note\n' + SERVER, 0],
    ['the file gone', null, 0],
  ])('%s', (_name, text, count) => {
    const now = text === null ? {} : { ...files, 'server.js': text };
    expect(liveMarkers(markers, now)).toHaveLength(count);
  });

  test('returns the same array when nothing changed, so the editor is not asked to redraw', () => {
    expect(liveMarkers(markers, files)).toBe(markers);
  });
});
