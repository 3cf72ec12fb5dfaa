import { describe, expect, it } from 'vitest';
import { isCheckShortcut } from '../check/useCheckShortcut.ts';
import { isRunShortcut } from './run-shortcut.ts';

const key = (init: Partial<KeyboardEvent>) => ({ key: 'Enter', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init });

describe('isRunShortcut', () => {
  it.each([
    [key({ altKey: true }), true],
    [key({}), false],
    [key({ altKey: true, shiftKey: true }), false],
    [key({ altKey: true, ctrlKey: true }), false],
    [key({ key: 'r', altKey: true }), false],
  ])('%j is Run: %s', (event, expected) => {
    expect(isRunShortcut(event)).toBe(expected);
  });

  it('never collides with Check', () => {
    for (const event of [key({ altKey: true }), key({ ctrlKey: true }), key({ metaKey: true })]) {
      expect(isRunShortcut(event) && isCheckShortcut(event)).toBe(false);
    }
  });
});
