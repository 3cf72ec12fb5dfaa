import { describe, expect, test } from 'vitest';
import { OutputTail, formatBytes } from './output-tail.mjs';

describe('the output tail', () => {
  test('keeps everything when it is short', () => {
    const tail = new OutputTail();
    tail.push('one\n');
    tail.push('two\n');
    expect(tail.read()).toEqual({ text: 'one\ntwo', omittedBytes: 0, totalBytes: 8 });
  });

  test('keeps the last 40 lines of a long output and counts the rest', () => {
    const tail = new OutputTail();
    for (let i = 1; i <= 100; i += 1) tail.push(`line ${i}\n`);
    const { text, omittedBytes } = tail.read();
    expect(text.split('\n')).toHaveLength(40);
    expect(text.split('\n')[0]).toBe('line 61');
    expect(omittedBytes).toBe(Buffer.byteLength(Array.from({ length: 60 }, (_, i) => `line ${i + 1}\n`).join('')));
  });

  test('keeps at most 4 KB of a flood, cut at a line boundary', () => {
    const tail = new OutputTail();
    for (let i = 0; i < 50000; i += 1) tail.push(`${'x'.repeat(99)}\n`);
    const { text, omittedBytes, totalBytes } = tail.read();
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(4096);
    expect(text.split('\n').every((line) => line.length === 99)).toBe(true);
    expect(totalBytes).toBe(5_000_000);
    expect(omittedBytes).toBeGreaterThan(4_990_000);
  });

  test('keeps the end of one enormous line', () => {
    const tail = new OutputTail();
    tail.push('a'.repeat(10000) + 'END');
    expect(tail.read().text.endsWith('END')).toBe(true);
    expect(tail.read().text.length).toBeLessThanOrEqual(4096);
  });

  test('formats sizes for people', () => {
    expect([formatBytes(12), formatBytes(2048), formatBytes(5_000_000)]).toEqual(['12 bytes', '2.0 KB', '4.8 MB']);
  });
});

test('remembers error lines even when a flood pushes them out of the tail', () => {
  const tail = new OutputTail();
  tail.push('/app/server.js:3\nthrow new Error(\n\nError: out of ');
  tail.push('ideas\n    at Object.<anonymous> (/app/server.js:3:7)\n');
  for (let i = 0; i < 100; i += 1) tail.push('flood\n');
  expect(tail.read().text).not.toContain('out of ideas');
  expect(tail.notable).toEqual(['/app/server.js:3', 'Error: out of ideas']);
});

test('removes colour codes and hides Portside\'s own frames, keeping the learner\'s', () => {
  const tail = new OutputTail();
  tail.push("listening on { address: \x1b[32m'::'\x1b[39m, port: \x1b[33m4000\x1b[39m }\n");
  tail.push('/work/.portside/observer.cjs:115\n      throw error;\n      ^\n\n');
  tail.push('RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536.\n');
  tail.push('    at Server.listen (/work/.portside/observer.cjs:115:25)\n    at Object.<anonymous> (/work/server.js:5:8)\n');
  expect(tail.read().text).toBe(["listening on { address: '::', port: 4000 }", '', 'RangeError [ERR_SOCKET_BAD_PORT]: options.port should be >= 0 and < 65536.', '    at Object.<anonymous> (/work/server.js:5:8)'].join('\n'));
  expect(tail.read().omittedBytes).toBe(0);
});
