/**
 * A snapshot of the machine's processes, and which of them belong to a session. Linux reads
 * /proc; elsewhere `ps`. Membership is computed by a pure function so it can be table-tested.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgrp: number;
  session: number;
  /** Start time in clock ticks since boot; tells a pid apart from a later process reusing it ('' when unknown). */
  start: string;
  /** A zombie: exited, waiting to be reaped by a parent that may never do it. Holds no ports and cannot be killed. */
  dead: boolean;
}

export async function readProcessTable(): Promise<ProcessInfo[]> {
  return process.platform === 'linux' ? readProc() : readPs();
}

/**
 * The live processes of the trees below `seeds`, found by following child links
 * (/proc/<pid>/task/<tid>/children) — much cheaper than reading every process on the machine,
 * which matters because the port watcher asks many times a second. Elsewhere: the full table.
 */
export async function readTrees(seeds: readonly number[]): Promise<ProcessInfo[]> {
  if (process.platform !== 'linux') return readPs();
  const found = new Map<number, ProcessInfo>();
  let wave = [...new Set(seeds)];
  while (wave.length > 0) {
    const infos = await Promise.all(wave.map(readStat));
    const next: number[] = [];
    for (const info of infos) {
      if (!info || info.dead || found.has(info.pid)) continue;
      found.set(info.pid, info);
      next.push(...(await childrenOf(info.pid)));
    }
    wave = next.filter((pid) => !found.has(pid));
  }
  return [...found.values()];
}

function readStat(pid: number): Promise<ProcessInfo | null> {
  return readFile(`/proc/${pid}/stat`, 'utf8').then(parseStat, () => null);
}

async function childrenOf(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(tasks.map((tid) => readFile(`/proc/${pid}/task/${tid}/children`, 'utf8').catch(() => '')));
  return lists.flatMap((list) => list.split(' ').filter(Boolean).map(Number));
}

async function readProc(): Promise<ProcessInfo[]> {
  const names = await readdir('/proc');
  const rows = await Promise.all(
    names.filter((name) => /^\d+$/.test(name)).map((name) => readFile(`/proc/${name}/stat`, 'utf8').then(parseStat, () => null)),
  );
  return rows.filter((row): row is ProcessInfo => row !== null && !row.dead);
}

/** Parses /proc/<pid>/stat; the command name sits in parentheses and may itself contain spaces and parentheses. */
export function parseStat(text: string): ProcessInfo | null {
  const close = text.lastIndexOf(')');
  const pid = Number.parseInt(text, 10);
  if (close < 0 || !Number.isInteger(pid)) return null;
  // After ")": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime priority nice threads itrealvalue starttime
  const fields = text.slice(close + 2).split(' ');
  const dead = fields[0] === 'Z' || fields[0] === 'X';
  return { pid, ppid: Number(fields[1]), pgrp: Number(fields[2]), session: Number(fields[3]), start: fields[19] ?? '', dead };
}

function readPs(): Promise<ProcessInfo[]> {
  return new Promise((resolve) => {
    execFile('ps', ['-A', '-o', 'pid=,ppid=,pgid='], (error, stdout) => {
      if (error) return resolve([]);
      const rows = stdout.trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number));
      resolve(rows.filter((r) => r.length === 3).map(([pid = 0, ppid = 0, pgrp = 0]) => ({ pid, ppid, pgrp, session: pgrp, start: '', dead: false })));
    });
  });
}

/**
 * The processes of the trees rooted at `roots` (the session's spawned processes, each the
 * leader of its own session and group): anything in a root's session or group — even after its
 * parent died and it was reparented — and any descendant by parent link, even one that left
 * the group with setsid().
 */
export function treeMembers(table: readonly ProcessInfo[], roots: ReadonlySet<number>): ProcessInfo[] {
  const members = new Map<number, ProcessInfo>();
  for (const p of table) {
    if (roots.has(p.pid) || roots.has(p.session) || roots.has(p.pgrp)) members.set(p.pid, p);
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of table) {
      if (!members.has(p.pid) && members.has(p.ppid)) {
        members.set(p.pid, p);
        grew = true;
      }
    }
  }
  return [...members.values()];
}
