import { describe, expect, test } from 'vitest';
import { checkConfigFor, readCheckConfig } from './check-config.mjs';

describe('check.json', () => {
  test('is built from a lesson', () => {
    expect(checkConfigFor({ command: 'node server.js', rules: ['responds-http'], probe: { path: '/' }, namedPorts: [3000] })).toEqual({
      command: 'node server.js',
      rules: ['responds-http'],
      probe: { path: '/' },
      avoidPorts: [3000],
    });
  });

  test('is read back with defaults', () => {
    expect(readCheckConfig({ command: ' node s.js ', rules: ['uses-env-port', 'uses-env-port'] })).toEqual({
      command: 'node s.js',
      rules: ['uses-env-port'],
      probe: { path: '/', readyTimeoutMs: 10000 },
      avoidPorts: [],
    });
  });

  test.each([
    [null, /JSON object/],
    [{ rules: ['responds-http'] }, /"command"/],
    [{ command: 'x', rules: [] }, /"rules"/],
    [{ command: 'x', rules: ['nope'] }, /unknown rule "nope"/],
    [{ command: 'x', rules: ['responds-http'], avoidPorts: ['3000'] }, /"avoidPorts"/],
    [{ command: 'x', rules: ['responds-http'], probe: { readyTimeoutMs: -1 } }, /readyTimeoutMs/],
  ])('rejects %j naming the field', (raw, message) => {
    expect(() => readCheckConfig(raw)).toThrow(message);
  });
});
