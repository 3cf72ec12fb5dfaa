import { expect, test } from 'vitest';
import { readEvent } from './events.mjs';

test('reads protocol lines and refuses anything else', () => {
  expect(readEvent('{"type":"start","rules":["responds-http"]}')).toEqual({ type: 'start', rules: ['responds-http'] });
  const result = { id: 'responds-http', status: 'pass', message: 'ok', details: { transcript: [] } };
  expect(readEvent(JSON.stringify({ type: 'result', result }))).toEqual({ type: 'result', result });
  for (const line of ['', 'listening on 3000', '{"type":"other"}', '[1]', JSON.stringify({ type: 'result', result: { ...result, status: 'maybe' } })]) {
    expect(readEvent(line), line).toBeNull();
  }
});

test('a result without a transcript still gets an (empty) one to show', () => {
  const result = { id: 'responds-http', status: 'pass', message: 'ok' };
  expect(readEvent(JSON.stringify({ type: 'result', result: { ...result, details: {} } }))).toEqual({ type: 'result', result: { ...result, details: { transcript: [] } } });
});
