import { describe, expect, it } from 'vitest';
import { hintParts } from './hint-parts.ts';

describe('hintParts', () => {
  const cases: { hint: string; parts: { code: boolean; text: string }[] }[] = [
    { hint: 'plain words', parts: [{ code: false, text: 'plain words' }] },
    {
      hint: 'Call `server.listen(process.env.PORT)` now.',
      parts: [
        { code: false, text: 'Call ' },
        { code: true, text: 'server.listen(process.env.PORT)' },
        { code: false, text: ' now.' },
      ],
    },
    { hint: '`process.env`', parts: [{ code: true, text: 'process.env' }] },
    { hint: 'an unmatched ` backtick', parts: [{ code: false, text: 'an unmatched ' }, { code: false, text: '` backtick' }] },
    { hint: '<b>not html</b>', parts: [{ code: false, text: '<b>not html</b>' }] },
  ];
  it.each(cases)('$hint', ({ hint, parts }) => {
    expect(hintParts(hint)).toEqual(parts);
  });
});
