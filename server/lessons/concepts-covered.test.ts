// The course as a whole must teach every idea of port binding: each concept tag in the schema is
// claimed by at least one lesson, and every lesson claims at least one.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLessons } from './load.ts';
import { CONCEPTS } from '../../contracts/lesson-schema.ts';

const lessons = await loadLessons(resolve(import.meta.dirname, '../../lessons'));

describe('course concept coverage', () => {
  it('covers every concept tag with at least one lesson', () => {
    const taught = new Set(lessons.flatMap((lesson) => lesson.concepts));
    const missing = CONCEPTS.filter((concept) => !taught.has(concept));
    expect(missing, `no lesson teaches: ${missing.join(', ')}`).toEqual([]);
  });

  it('numbers its lessons from 01 without gaps, at least the thirteen of the course', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(13);
    expect(lessons.map((lesson) => lesson.order)).toEqual(lessons.map((_, i) => i + 1));
  });
});
