import { describe, expect, it } from 'vitest';
import { FloodGate, formatBytes } from './flood-gate.ts';

describe('FloodGate', () => {
  it('lets a quiet process through untouched', () => {
    const gate = new FloodGate(1000, 1000);
    expect([gate.admit(400, 0), gate.admit(400, 10), gate.admit(400, 1200)]).toEqual([true, true, true]);
    expect(gate.takeNote(5000, true)).toBeNull();
  });

  it('drops what exceeds the budget and reports it once the window is over', () => {
    const gate = new FloodGate(1000, 1000);
    expect(gate.admit(800, 0)).toBe(true);
    expect(gate.admit(800, 100)).toBe(false);
    expect(gate.admit(1_500_000, 200)).toBe(false);
    expect(gate.takeNote(500)).toBeNull(); // the window is still open
    expect(gate.takeNote(1000)).toBe('\r\n[portside: output is flooding — skipped 1.5 MB]\r\n');
    expect(gate.takeNote(3000)).toBeNull(); // reported once
    expect(gate.admit(800, 1000)).toBe(true); // a new window
  });

  it('always admits the first chunk of a window, however large', () => {
    const gate = new FloodGate(1000, 1000);
    expect(gate.admit(5000, 0)).toBe(true);
    expect(gate.admit(1, 1)).toBe(false);
  });

  it('reports at once when the process ends', () => {
    const gate = new FloodGate(10, 1000);
    gate.admit(10, 0);
    gate.admit(2048, 1);
    expect(gate.takeNote(2, true)).toBe('\r\n[portside: output is flooding — skipped 2.0 KB]\r\n');
  });
});

describe('formatBytes', () => {
  it.each([
    [12, '12 bytes'],
    [12_300, '12.3 KB'],
    [12_345_678, '12.3 MB'],
  ])('%d → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
