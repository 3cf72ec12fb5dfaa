import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { parseStat, readAllStats, readAllStatsSync, readStat, readStatSync } from './proc-stat.mjs';

// The fields after the name, as the kernel prints them: state ppid pgrp session … starttime (20th) …
const tail = (state: string, start: number) => `${state} 4200 4242 4241 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 11 0 ${start} 0 0`;

describe('parseStat', () => {
  it.each([
    { name: 'node', start: 98765 },
    { name: 'node (my) server', start: 98765 },
    { name: 'a) b (c', start: 111 },
    { name: 'x) 5 S 1 2 3 4', start: 222 },
    { name: ') ', start: 333 },
    { name: ')', start: 444 },
    { name: '', start: 555 },
  ])('reads the fields after a command named "$name"', ({ name, start }) => {
    expect(parseStat(`4242 (${name}) ${tail('S', start)}`)).toEqual({ pid: 4242, name, state: 'S', ppid: 4200, pgrp: 4242, session: 4241, start: String(start), dead: false });
  });

  it.each([
    { state: 'Z', dead: true },
    { state: 'X', dead: true },
    { state: 'R', dead: false },
    { state: 'D', dead: false },
  ])('state $state: dead is $dead', ({ state, dead }) => {
    expect(parseStat(`7 (sh) ${tail(state, 5)}`)?.dead).toBe(dead);
  });

  it('tolerates the trailing newline the kernel prints', () => {
    expect(parseStat(`7 (sh) ${tail('S', 5)}\n`)?.start).toBe('5');
  });

  it.each(['', 'garbage', '7 sh S 1 2 3', '7 (sh)', 'x (sh) S 1 2 3', `7 (sh) ${tail('S', 5).split(' ').slice(0, 10).join(' ')}`])('refuses %j', (text) => {
    expect(parseStat(text)).toBeNull();
  });
});

describe.runIf(existsSync('/proc/self/stat'))('reading /proc', () => {
  it('reads this process, sync and async, and finds it in the whole table', async () => {
    const own = readStatSync(process.pid);
    expect(own).toMatchObject({ pid: process.pid, ppid: process.ppid, dead: false });
    // The run state (R, S…) changes between two reads; the rest of the line does not.
    expect({ ...(await readStat(process.pid)), state: own?.state }).toEqual(own);
    expect(readAllStatsSync()?.some((stat) => stat.pid === process.pid)).toBe(true);
    expect((await readAllStats()).some((stat) => stat.pid === process.pid)).toBe(true);
  });

  it('answers null for a process that does not exist', async () => {
    expect(readStatSync(2 ** 30)).toBeNull();
    expect(await readStat(2 ** 30)).toBeNull();
  });
});
