import { describe, expect, it } from 'vitest';
import { FULL_RESET, TerminalFeed } from './terminal-feed.ts';

describe('TerminalFeed', () => {
  it('keeps output written before a terminal attaches and replays it in order', () => {
    const feed = new TerminalFeed();
    feed.write('one ');
    feed.write('two ');
    const seen: string[] = [];
    feed.attach((text) => seen.push(text));
    feed.write('three');
    expect(seen.join('')).toBe('one two three');
  });

  it('keeps only the newest output when a flood arrives before attaching', () => {
    const feed = new TerminalFeed(10);
    for (let i = 0; i < 100; i += 1) feed.write(`${i % 10}`.repeat(5));
    let seen = '';
    feed.attach((text) => (seen += text));
    expect(seen.length).toBeLessThanOrEqual(10);
    expect(seen.endsWith('99999')).toBe(true);
  });

  it('shows a terminal that replaces another (StrictMode mounts twice) the same screen, the intro line too', () => {
    const feed = new TerminalFeed();
    feed.write('intro\n');
    // StrictMode in development: mount, clean up, mount again, each with a fresh xterm.
    let first = '';
    const detach = feed.attach((text) => (first += text));
    detach();
    let second = '';
    feed.attach((text) => (second += text));
    feed.write('later');
    expect(first).toBe('intro\n');
    expect(second).toBe('intro\nlater');
  });

  it('writes to the attached terminal only, and a later one gets everything since', () => {
    const feed = new TerminalFeed();
    let first = '';
    const detach = feed.attach((text) => (first += text));
    feed.write('a');
    detach();
    feed.write('b');
    let second = '';
    feed.attach((text) => (second += text));
    expect(first).toBe('a');
    expect(second).toBe('ab');
  });

  it('forgets what a full reset cleared (Clear, or a program clearing the screen)', () => {
    const feed = new TerminalFeed();
    feed.write('old output\n');
    feed.clear();
    feed.write('before\x1bcafter');
    let seen = '';
    feed.attach((text) => (seen += text));
    expect(seen).toBe(`${FULL_RESET}after`);
  });
});
