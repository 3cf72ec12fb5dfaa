import { describe, expect, it } from 'vitest';
import { parseMilliseconds, settlesWithin, withDeadline } from './deadline.ts';

const never = new Promise<never>(() => {});

describe('withDeadline', () => {
  it('passes a value that arrives in time', async () => {
    await expect(withDeadline(Promise.resolve(7), 1000, () => new Error('late'))).resolves.toBe(7);
  });
  it('passes a rejection that arrives in time', async () => {
    await expect(withDeadline(Promise.reject(new Error('broken')), 1000, () => new Error('late'))).rejects.toThrow('broken');
  });
  it('rejects with its own error when the promise never settles', async () => {
    await expect(withDeadline(never, 10, () => new Error('late'))).rejects.toThrow('late');
  });
});

describe('settlesWithin', () => {
  it.each([
    ['a resolved promise', () => Promise.resolve(1), true],
    ['a rejected promise', () => Promise.reject(new Error('x')), true],
    ['a promise that never settles', () => never, false],
  ])('%s', async (_, promise, expected) => {
    expect(await settlesWithin(promise(), 10)).toBe(expected);
  });
});

describe('parseMilliseconds', () => {
  it.each([
    ['2000', 2000],
    [null, null],
    ['', null],
    ['0', null],
    ['-5', null],
    ['1.5', null],
    ['2s', null],
    ['600001', null],
  ])('%s → %s', (input, expected) => expect(parseMilliseconds(input)).toBe(expected));
});
