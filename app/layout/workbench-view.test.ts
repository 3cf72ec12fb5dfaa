import { describe, expect, it } from 'vitest';
import { panelProps, viewForKey } from './workbench-view.ts';

describe('viewForKey', () => {
  it.each([
    ['lesson', 'ArrowRight', 'code'],
    ['output', 'ArrowRight', 'lesson'],
    ['lesson', 'ArrowLeft', 'output'],
    ['output', 'Home', 'lesson'],
    ['lesson', 'End', 'output'],
    ['code', 'Enter', undefined],
  ] as const)('from %s, %s goes to %s', (from, key, to) => {
    expect(viewForKey(from, key)).toBe(to);
  });
});

describe('panelProps', () => {
  it('is a plain container on a wide screen, never hidden', () => {
    expect(panelProps('code', false, 'lesson')).toEqual({ id: 'workbench-code' });
  });

  it('is a tab panel on a narrow screen, hidden unless shown', () => {
    expect(panelProps('code', true, 'lesson')).toEqual({ id: 'workbench-code', role: 'tabpanel', 'aria-labelledby': 'workbench-tab-code', hidden: true });
    expect(panelProps('code', true, 'code').hidden).toBe(false);
  });
});
