import { describe, expect, it } from 'vitest';
import { formatDeltaMs, formatKb, formatMs, formatRatio, median, quantile, table, verdict } from './stats.ts';

describe('quantile', () => {
  it.each([
    [[5], 50, 5],
    [[3, 1, 2], 50, 2],
    [[4, 1, 3, 2], 50, 2.5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10],
    [[10, 20], 90, 19],
    [[7, 1, 9], 0, 1],
    [[7, 1, 9], 100, 9],
  ])('of %j at p%d is %d', (values, p, expected) => {
    expect(quantile(values, p)).toBeCloseTo(expected, 10);
  });

  it('does not reorder the sample it was given', () => {
    const sample = [3, 1, 2];
    median(sample);
    expect(sample).toEqual([3, 1, 2]);
  });

  it('refuses an empty sample and a p outside 0–100', () => {
    expect(() => median([])).toThrow('empty sample');
    expect(() => quantile([1], 101)).toThrow('outside');
  });
});

describe('formatting', () => {
  it('prints milliseconds with a decimal only below 10', () => {
    expect(formatMs(4.26)).toBe('4.3 ms');
    expect(formatMs(123.6)).toBe('124 ms');
  });

  it('signs differences', () => {
    expect(formatDeltaMs(42.4)).toBe('+42 ms');
    expect(formatDeltaMs(-3)).toBe('−3.0 ms');
  });

  it('prints ratios against a baseline, and n/a without one', () => {
    expect(formatRatio(150, 100)).toBe('1.50×');
    expect(formatRatio(150, 0)).toBe('n/a');
  });

  it('prints kilobytes of 1000 bytes and PASS/MISS', () => {
    expect(formatKb(123_456)).toBe('123.5 KB');
    expect(verdict(true)).toBe('PASS');
    expect(verdict(false)).toBe('MISS');
  });

  it('aligns names left and numbers right', () => {
    expect(table([['file', 'from', 'KB'], ['a.js', 'index.html', '1.0'], ['bb.js', 'x', '12.5']], 2)).toBe(
      ['file   from          KB', 'a.js   index.html   1.0', 'bb.js  x           12.5'].join('\n'),
    );
  });

  it('aligns table columns: first left, the rest right', () => {
    expect(table([['name', 'ms'], ['baseline', '9'], ['x', '1234']])).toBe(['name        ms', 'baseline     9', 'x         1234'].join('\n'));
  });
});
