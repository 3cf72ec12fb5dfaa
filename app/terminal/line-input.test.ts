import { describe, expect, it } from 'vitest';
import { LineInput } from './line-input.ts';

describe('LineInput', () => {
  const cases: { name: string; keys: string[]; echo: string; lines: string[]; interrupt: boolean }[] = [
    { name: 'echoes typing without sending', keys: ['h', 'i'], echo: 'hi', lines: [], interrupt: false },
    { name: 'sends a line on Enter', keys: ['h', 'i', '\r'], echo: 'hi\r\n', lines: ['hi\n'], interrupt: false },
    { name: 'Backspace removes the last character', keys: ['h', 'x', '\x7f', 'i', '\r'], echo: 'hx\b \bi\r\n', lines: ['hi\n'], interrupt: false },
    { name: 'Backspace on an empty line does nothing', keys: ['\x7f', '\r'], echo: '\r\n', lines: ['\n'], interrupt: false },
    { name: 'a paste with several lines sends each', keys: ['a\rb\r'], echo: 'a\r\nb\r\n', lines: ['a\n', 'b\n'], interrupt: false },
    { name: 'arrow keys are ignored', keys: ['a', '\x1b[A', '\x1b[D', 'b', '\r'], echo: 'ab\r\n', lines: ['ab\n'], interrupt: false },
    { name: 'Ctrl+C interrupts and drops the line', keys: ['ab', '\x03', '\r'], echo: 'ab^C\r\n\r\n', lines: ['\n'], interrupt: true },
    { name: 'Backspace removes a whole emoji', keys: ['a😀', '\x7f', '\r'], echo: 'a😀\b \b\r\n', lines: ['a\n'], interrupt: false },
    { name: 'other control characters are dropped', keys: ['a\x01\x02b', '\r'], echo: 'ab\r\n', lines: ['ab\n'], interrupt: false },
  ];
  it.each(cases)('$name', ({ keys, echo, lines, interrupt }) => {
    const input = new LineInput();
    const results = keys.map((key) => input.handle(key));
    expect(results.map((r) => r.echo).join('')).toBe(echo);
    expect(results.flatMap((r) => r.lines)).toEqual(lines);
    expect(results.some((r) => r.interrupt)).toBe(interrupt);
  });
});
