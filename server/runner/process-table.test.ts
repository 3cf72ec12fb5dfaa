import { describe, expect, it } from 'vitest';
// parseStat's table tests are in probes/lib/proc-stat.test.ts.
import { treeMembers, type ProcessInfo } from './process-table.ts';

const p = (pid: number, ppid: number, pgrp: number, session: number): ProcessInfo => ({ pid, ppid, pgrp, session, start: String(pid), dead: false });

describe('treeMembers', () => {
  const table = [
    p(1, 0, 1, 1), // init
    p(100, 1, 100, 100), // the spawned root (its own session and group)
    p(101, 100, 100, 100), // a child
    p(102, 1, 100, 100), // an orphan still in the root's group
    p(103, 101, 103, 103), // a grandchild that called setsid()
    p(104, 103, 103, 103), // its child
    p(200, 1, 200, 200), // unrelated
    p(201, 200, 200, 200), // unrelated child
  ];

  it.each([
    { roots: [100], members: [100, 101, 102, 103, 104] },
    { roots: [200], members: [200, 201] },
    { roots: [999], members: [] },
    { roots: [103], members: [103, 104] },
  ])('roots $roots', ({ roots, members }) => {
    expect(treeMembers(table, new Set(roots)).map((m) => m.pid).sort((a, b) => a - b)).toEqual(members);
  });
});
