import { describe, expect, it } from 'vitest';
import { urlWithRuntime } from './runtime-url.ts';

describe('urlWithRuntime', () => {
  const cases: [string, 'local' | 'webcontainer', string][] = [
    ['http://127.0.0.1:4780/', 'local', 'http://127.0.0.1:4780/?runtime=local'],
    ['http://127.0.0.1:4780/?runtime=webcontainer#/take-the-port', 'local', 'http://127.0.0.1:4780/?runtime=local#/take-the-port'],
    ['https://portside.dev/course/?x=1', 'webcontainer', 'https://portside.dev/course/?x=1&runtime=webcontainer'],
  ];
  it.each(cases)('%s → %s', (href, kind, expected) => {
    expect(urlWithRuntime(href, kind)).toBe(expected);
  });
});
