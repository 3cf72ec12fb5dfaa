import { describe, expect, it } from 'vitest';
import { FREE_PORT_RANGE, PortBook, pickFreePort } from './ports.ts';

describe('PortBook', () => {
  it('reports changes and swallows repeats', () => {
    const book = new PortBook();
    const url = 'https://x--41873.webcontainer-api.io';
    const seen = [
      book.record({ port: 41873, type: 'close', url }),
      book.record({ port: 41873, type: 'open', url }),
      book.record({ port: 41873, type: 'open', url }),
      book.record({ port: 41873, type: 'open', url: `${url}/moved` }),
      book.record({ port: 41873, type: 'close', url }),
      book.record({ port: 41873, type: 'close', url }),
    ];
    expect(seen.map((event) => event && `${event.type} ${event.url}`)).toEqual([null, `open ${url}`, null, `open ${url}/moved`, `close ${url}`, null]);
  });

  it('closes every open port at once', () => {
    const book = new PortBook();
    book.record({ port: 41000, type: 'open', url: 'a' });
    book.record({ port: 42000, type: 'open', url: 'b' });
    expect(book.closeAll()).toEqual([{ port: 41000, type: 'close', url: 'a' }, { port: 42000, type: 'close', url: 'b' }]);
    expect(book.isOpen(41000)).toBe(false);
  });
});

describe('pickFreePort', () => {
  it('skips ports that are open', () => {
    const open = new Set([FREE_PORT_RANGE.min, FREE_PORT_RANGE.min + 1]);
    expect(pickFreePort((port) => open.has(port), () => 0)).toBe(FREE_PORT_RANGE.min + 2);
  });

  it('stays inside its range, away from ports people hardcode', () => {
    for (const r of [0, 0.25, 0.5, 0.999999]) {
      const port = pickFreePort(() => false, () => r);
      expect(port).toBeGreaterThanOrEqual(FREE_PORT_RANGE.min);
      expect(port).toBeLessThanOrEqual(FREE_PORT_RANGE.max);
      expect([3000, 5000, 8080]).not.toContain(port);
    }
  });

  it('wraps around the end of the range', () => {
    const last = FREE_PORT_RANGE.max;
    expect(pickFreePort((port) => port === last, () => 0.999999)).toBe(FREE_PORT_RANGE.min);
  });

  it('says so when every port is taken', () => {
    expect(() => pickFreePort(() => true)).toThrow(/in use/);
  });
});
