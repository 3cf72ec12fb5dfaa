import { describe, expect, it } from 'vitest';
import { courseProgress, progressText } from './progress.ts';

const lessons = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

describe('courseProgress', () => {
  it.each([
    [[], { done: 0, total: 3, finished: false }, '0 of 3 done'],
    [['b'], { done: 1, total: 3, finished: false }, '1 of 3 done'],
    [['a', 'gone-lesson', 'c'], { done: 2, total: 3, finished: false }, '2 of 3 done'],
    [['c', 'b', 'a'], { done: 3, total: 3, finished: true }, 'All 3 lessons done'],
  ])('completed %j is %j (%s)', (ids, progress, text) => {
    const result = courseProgress(lessons, new Set(ids));
    expect(result).toEqual(progress);
    expect(progressText(result)).toBe(text);
  });

  it('an empty course is never finished', () => {
    expect(courseProgress([], new Set()).finished).toBe(false);
  });
});
