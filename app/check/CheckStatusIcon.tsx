/** A small icon per tone, so pass, fail, "your code crashed", "timed out" and "the check itself failed" differ by shape, not only by colour. */
import type { ReactElement } from 'react';
import type { Tone } from './check-words.ts';

interface Props {
  tone: Tone;
}

export function CheckStatusIcon({ tone }: Props) {
  if (tone === 'running') return <span className="spinner check-icon" aria-hidden="true" />;
  return (
    <svg className={`check-icon check-icon--${tone}`} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {SHAPES[tone]}
    </svg>
  );
}

const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.7, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

const SHAPES: Record<Exclude<Tone, 'running'>, ReactElement> = {
  pass: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M4.8 8.2 7 10.4l4.2-4.6" {...stroke} stroke="#fff" />
    </>
  ),
  fail: (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8" {...stroke} stroke="#fff" />
    </>
  ),
  // A burst: the learner's program itself fell over.
  crash: <path d="M8 1.2 9.5 5l3.9-1.4-2 3.6L15 9l-4 .9.6 4.1L8 11.6 4.4 14l.6-4.1L1 9l3.6-1.8-2-3.6L6.5 5Z" fill="currentColor" />,
  timeout: (
    <>
      <circle cx="8" cy="8.5" r="6" {...stroke} />
      <path d="M8 5.5v3.2l2 1.3M6.5 1.2h3" {...stroke} />
    </>
  ),
  // A warning triangle: something in Portside, not in the learner's code.
  error: (
    <>
      <path d="M8 1.8 15 14H1Z" {...stroke} />
      <path d="M8 6.3v3.4M8 11.8v.1" {...stroke} />
    </>
  ),
  muted: <circle cx="8" cy="8" r="5.5" {...stroke} strokeDasharray="2.2 2.2" />,
};
