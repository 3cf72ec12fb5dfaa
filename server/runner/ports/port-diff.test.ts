import { describe, expect, it } from 'vitest';
import { diffPorts, previewUrl } from './port-diff.ts';
import { listeningInodes, parseLsof } from './listening-ports.ts';

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

describe('listeningInodes', () => {
  const tcp = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:A391 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 123456 1 0000000000000000 100 0 0 10 0
   1: 0100007F:A391 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000  1000        0 123457 1 0000000000000000 20 4 30 10 -1`;
  const tcp6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 654321 1 0000000000000000 100 0 0 10 0`;

  it('keeps only LISTEN sockets, by inode', () => {
    expect(listeningInodes(`${tcp}\n${tcp6}`)).toEqual(new Map([['123456', 0xa391], ['654321', 8080]]));
  });
});

describe('parseLsof', () => {
  it('reads ports from lsof -F pn output', () => {
    expect(parseLsof('p1234\nn127.0.0.1:41873\nn*:8080\np99\nn[::1]:41874\n')).toEqual(new Set([41873, 8080, 41874]));
  });
});
