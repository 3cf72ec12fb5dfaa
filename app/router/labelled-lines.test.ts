import { describe, expect, it } from 'vitest';
import { LabelledLines } from './labelled-lines.ts';

function labeller() {
  const seen: string[] = [];
  return { seen, lines: new LabelledLines('[a] ', (line) => seen.push(line)) };
}

describe('LabelledLines', () => {
  it('labels each complete line', () => {
    const { lines, seen } = labeller();
    expect(lines.push('one\ntwo\n')).toBe('[a] one\n[a] two\n');
    expect(seen).toEqual(['one', 'two']);
  });

  it('keeps a half line until its end arrives, and labels it once', () => {
    const { lines, seen } = labeller();
    expect(lines.push('listen')).toBe('');
    expect(lines.push('ing on 3000\nnext')).toBe('[a] listening on 3000\n');
    expect(seen).toEqual(['listening on 3000']);
    expect(lines.flush()).toBe('[a] next\n');
    expect(lines.flush()).toBe('');
  });

  it('drops the carriage return of CRLF lines', () => {
    const { lines, seen } = labeller();
    expect(lines.push('Traceback\r\n')).toBe('[a] Traceback\n');
    expect(seen).toEqual(['Traceback']);
  });

  it('lets a very long line without a newline through instead of holding it forever', () => {
    const { lines } = labeller();
    const flood = 'x'.repeat(5000);
    expect(lines.push(flood)).toBe(`[a] ${flood}\n`);
  });

  it('keeps empty lines', () => {
    expect(new LabelledLines('> ').push('a\n\nb\n')).toBe('> a\n> \n> b\n');
  });
});
