import { describe, expect, it } from 'vitest';
import { TerminalFeed } from './terminal-feed.ts';

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

  it('keeps output again after the terminal detaches, and does not write to the old one', () => {
    const feed = new TerminalFeed();
    let first = '';
    const detach = feed.attach((text) => (first += text));
    feed.write('a');
    detach();
    feed.write('b');
    let second = '';
    feed.attach((text) => (second += text));
    expect(first).toBe('a');
    expect(second).toBe('b');
  });
});
