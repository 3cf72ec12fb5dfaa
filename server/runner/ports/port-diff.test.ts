import { describe, expect, it } from 'vitest';
import { diffPorts, previewUrl } from './port-diff.ts';
// The /proc socket tables are table-tested in probes/lib/proc-sockets.test.ts.
import { parseLsof } from './listening-ports.ts';

describe('diffPorts', () => {
  it.each([
    { before: [], after: [], changes: [] },
    { before: [], after: [41873], changes: [{ port: 41873, event: 'open' }] },
    { before: [41873], after: [], changes: [{ port: 41873, event: 'close' }] },
    { before: [41873], after: [41873], changes: [] },
    {
      before: [5000, 41873],
      after: [41873, 41874, 3000],
      changes: [
        { port: 5000, event: 'close' },
        { port: 3000, event: 'open' },
        { port: 41874, event: 'open' },
      ],
    },
  ])('$before → $after', ({ before, after, changes }) => {
    expect(diffPorts(new Set(before), new Set(after))).toEqual(changes);
  });

  it('builds preview urls on the playground port', () => {
    expect(previewUrl(41873, 4780)).toBe('http://41873.localhost:4780/');
  });
});

describe('parseLsof', () => {
  it('reads ports from lsof -F pn output', () => {
    expect(parseLsof('p1234\nn127.0.0.1:41873\nn*:8080\np99\nn[::1]:41874\n')).toEqual(new Set([41873, 8080, 41874]));
  });
});
