import { describe, expect, it } from 'vitest';
import { hashFor, lessonForHash } from './lesson-route.ts';

const lessons = [
  { id: 'your-program-is-the-server', folder: '01-your-program-is-the-server' },
  { id: 'take-the-port', folder: '02-take-the-port' },
];

describe('lessonForHash', () => {
  const cases: { hash: string; last?: string; id: string }[] = [
    { hash: '', id: 'your-program-is-the-server' },
    { hash: '#/take-the-port', id: 'take-the-port' },
    { hash: '#take-the-port', id: 'take-the-port' },
    { hash: '#/02-take-the-port', id: 'take-the-port' },
    { hash: '#/no-such-lesson', id: 'your-program-is-the-server' },
    { hash: '', last: 'take-the-port', id: 'take-the-port' },
    { hash: '#/your-program-is-the-server', last: 'take-the-port', id: 'your-program-is-the-server' },
    { hash: '#/%74ake-the-port', id: 'take-the-port' },
  ];
  it.each(cases)('hash "$hash", last opened $last → $id', ({ hash, last, id }) => {
    expect(lessonForHash(hash, lessons, last)?.id).toBe(id);
  });

  it('gives nothing when there are no lessons', () => {
    expect(lessonForHash('#/x', [])).toBeUndefined();
  });

  it('round-trips through hashFor', () => {
    for (const lesson of lessons) expect(lessonForHash(hashFor(lesson), lessons)).toBe(lesson);
  });
});
