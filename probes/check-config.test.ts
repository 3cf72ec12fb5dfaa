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
      timeoutScale: 1,
    });
  });

  test('carries a grader\'s timeoutScale through', () => {
    const config = checkConfigFor({ command: 'node s.js', rules: ['responds-http'], timeoutScale: 2.5 });
    expect(readCheckConfig(JSON.parse(JSON.stringify(config))).timeoutScale).toBe(2.5);
  });

  test.each([
    [null, /JSON object/],
    [{ rules: ['responds-http'] }, /"command"/],
    [{ command: 'x', rules: [] }, /"rules"/],
    [{ command: 'x', rules: ['nope'] }, /unknown rule "nope"/],
    [{ command: 'x', rules: ['responds-http'], avoidPorts: ['3000'] }, /"avoidPorts"/],
    [{ command: 'x', rules: ['responds-http'], probe: { readyTimeoutMs: -1 } }, /readyTimeoutMs/],
    [{ command: 'x', rules: ['responds-http'], timeoutScale: 0 }, /"timeoutScale"/],
    [{ command: 'x', rules: ['responds-http'], timeoutScale: '2' }, /"timeoutScale"/],
  ])('rejects %j naming the field', (raw, message) => {
    expect(() => readCheckConfig(raw)).toThrow(message);
  });
});
