import { describe, expect, it } from 'vitest';
import { RUNTIMES, isRuntimeKind } from './registry.ts';

describe('the runtime registry', () => {
  it.each(Object.entries(RUNTIMES))('lists %s under its own kind, with a label and an offer', (key, entry) => {
    expect(entry.kind).toBe(key);
    expect(entry.label).not.toBe('');
    expect(entry.offer).toContain('instead');
  });

  it.each([
    ['local', true],
    ['webcontainer', true],
    ['docker', false],
    ['toString', false], // inherited from Object.prototype, not an entry
    [null, false],
  ] as const)('knows whether %s is a runtime', (value, known) => {
    expect(isRuntimeKind(value)).toBe(known);
  });
});
