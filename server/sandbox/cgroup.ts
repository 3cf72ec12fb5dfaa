/**
 * Hard limits from the kernel's control groups, where the machine lets us create them (as root,
 * or in a delegated cgroup v2 subtree). Unlike prlimit they hold for root too and count a whole
 * group of processes, not one:
 *
 * - a group per session (a tab's Run and terminal together), per Check and per graded
 *   submission, nested under this server's own cgroup: `portside-<pid>-<n>`, with a memory limit
 *   for everything in it;
 * - inside it a leaf per started command (`run-<n>`) with `pids.max`: the kernel refuses the
 *   513th process or thread of one Run at once, however fast a fork bomb forks.
 *
 * Works with cgroup v1 (separate `pids/` and `memory/` hierarchies) and v2 (one hierarchy whose
 * controllers we may enable). Nothing is assumed: a probe group is created and removed first,
 * and where that fails `cgroupStatus()` says why and the runner's own count stays the limit.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../../probes/lib/ports.mjs';
import { LIMITS } from './limits.ts';

/** One hierarchy we may create groups in: our own cgroup's folder there, and what it limits. */
interface Hierarchy {
  dir: string;
  v2: boolean;
  pids: boolean;
  memory: boolean;
}

export type CgroupStatus = { kind: 'cgroup'; hierarchies: Hierarchy[] } | { kind: 'none'; reason: string };

const PREFIX = `portside-${process.pid}-`;
let nextGroup = 1;
let probed: CgroupStatus | null = null;
/** Groups not removed yet: removed synchronously if this process exits first. */
const live = new Set<LimitGroup>();
let exitHooked = false;

/** Whether pids and memory groups can be made here: probed (and stale groups swept) once per process. */
export function cgroupStatus(env: Record<string, string | undefined> = process.env): CgroupStatus {
  probed ??= probe(env.PORTSIDE_CGROUP_ROOT || '/sys/fs/cgroup');
  return probed;
}

/** For tests: forget the probe (e.g. to point PORTSIDE_CGROUP_ROOT at an empty folder). */
export function resetCgroupProbe(): void {
  probed = null;
}

/** A new group with the session memory limit, or null where cgroups are not available. */
export function createLimitGroup(): LimitGroup | null {
  const status = cgroupStatus();
  if (status.kind !== 'cgroup') return null;
  try {
    return new LimitGroup(status.hierarchies, `${PREFIX}${nextGroup++}`);
  } catch {
    return null; // e.g. the hierarchy's group count is exhausted: the runner's count still holds
  }
}

export interface Leaf {
  /** The `cgroup.procs` files the started command writes its own pid to before it execs. */
  readonly procsFiles: string[];
  /** True once the kernel refused a fork or thread at `pids.max`. */
  tasksRefused(): boolean;
  remove(): Promise<void>;
}

export class LimitGroup {
  private readonly dirs: string[];
  private nextLeaf = 1;
  private readonly leaves = new Set<string>();
  /** OOM kills counted by v1 leaves already removed. */
  private removedLeavesOom = 0;

  constructor(private readonly hierarchies: Hierarchy[], readonly name: string) {
    this.dirs = [];
    try {
      for (const h of hierarchies) {
        const dir = join(h.dir, name);
        mkdirSync(dir);
        this.dirs.push(dir);
        if (!existsSync(join(dir, 'cgroup.procs'))) throw new Error(`${h.dir} is not a cgroup (no cgroup.procs in a new folder)`);
        if (h.v2) writeControl(join(dir, 'cgroup.subtree_control'), [h.pids && '+pids', h.memory && '+memory'].filter(Boolean).join(' '));
        if (h.memory) setMemoryLimit(dir, h.v2);
      }
    } catch (error) {
      this.removeSync();
      throw error;
    }
    live.add(this);
    if (!exitHooked) process.once('exit', removeAllSync);
    exitHooked = true;
  }

  /**
   * Times the kernel's OOM killer stopped a process of this group. v2 counts up the hierarchy;
   * v1 counts a kill only in the victim's own cgroup, so there its leaves are added, and what
   * removed leaves had counted.
   */
  oomKills(): number {
    const index = this.hierarchies.findIndex((h) => h.memory);
    const h = this.hierarchies[index];
    const dir = this.dirs[index];
    if (!h || !dir) return 0;
    if (h.v2) return oomCount(dir, true);
    return this.removedLeavesOom + oomCount(dir, false) + [...this.leaves].reduce((sum, name) => sum + oomCount(join(dir, name), false), 0);
  }

  /** A leaf for one command, limited to LIMITS.tasks processes and threads. */
  leaf(): Leaf {
    const name = `run-${this.nextLeaf++}`;
    const dirs = this.dirs.map((dir) => join(dir, name));
    const pidsDirs = dirs.filter((_, i) => this.hierarchies[i]?.pids);
    const memoryDir = dirs.find((_, i) => this.hierarchies[i]?.memory && !this.hierarchies[i]?.v2);
    try {
      for (const dir of dirs) mkdirSync(dir);
      for (const dir of pidsDirs) writeControl(join(dir, 'pids.max'), String(LIMITS.tasks));
    } catch (error) {
      for (const dir of dirs) tryRemove(dir);
      throw error;
    }
    this.leaves.add(name);
    return {
      procsFiles: dirs.map((dir) => join(dir, 'cgroup.procs')),
      tasksRefused: () => pidsDirs.some((dir) => tasksRefused(dir)),
      remove: async () => {
        if (!this.leaves.has(name)) return;
        const kills = memoryDir ? oomCount(memoryDir, false) : 0;
        await removeDirs(dirs);
        this.leaves.delete(name);
        this.removedLeavesOom += kills;
      },
    };
  }

  /** A leaf, or none if it cannot be made (the runner's count then holds). */
  tryLeaf(): Leaf | undefined {
    try {
      return this.leaf();
    } catch {
      return undefined;
    }
  }

  /** Kills whatever is still inside and removes the group (and its leaves). */
  async remove(): Promise<void> {
    for (const name of [...this.leaves]) {
      await removeDirs(this.dirs.map((dir) => join(dir, name)));
      this.leaves.delete(name);
    }
    await removeDirs(this.dirs);
    live.delete(this);
  }

  /** The same, synchronously: for the server's exit. */
  removeSync(): void {
    for (const dir of this.dirs) removeTreeSync(dir);
    live.delete(this);
  }
}

/** The command that joins `leaf` and then runs `file args`: the shell writes its own pid, then execs, so nothing forks outside. */
export function joinLeafCommand(leaf: Leaf, file: string, args: string[]): { file: string; args: string[] } {
  const join = 'while [ "$1" != -- ]; do echo $$ > "$1" || exit 125; shift; done; shift; exec "$@"';
  return { file: '/bin/sh', args: ['-c', join, 'portside-cgroup', ...leaf.procsFiles, '--', file, ...args] };
}

/** One line for start-up and grade output. */
export function describeCgroupLimits(status: CgroupStatus): string {
  if (status.kind !== 'cgroup') return `no cgroup limits (${status.reason})`;
  return `cgroup pids ${LIMITS.tasks} per run, memory ${LIMITS.dataBytes / 1024 ** 3} GB per session`;
}

function probe(root: string): CgroupStatus {
  let ours: string;
  try {
    ours = readFileSync('/proc/self/cgroup', 'utf8');
  } catch {
    return { kind: 'none', reason: 'no /proc/self/cgroup' };
  }
  const candidates: Hierarchy[] = [];
  for (const line of ours.split('\n')) {
    const [, controllers = '', path = ''] = line.match(/^\d+:([^:]*):(.*)$/) ?? [];
    if (!path) continue;
    const names = controllers.split(',');
    if (controllers === '') {
      // v2: `0::/path`, mounted at the root itself or (hybrid) at unified/.
      const mount = [root, join(root, 'unified')].find((dir) => existsSync(join(dir, 'cgroup.controllers')));
      if (!mount) continue;
      const dir = join(mount, path);
      // What our own children may have: the controllers enabled in our subtree.
      const enabled = readText(join(dir, 'cgroup.subtree_control')).split(/\s+/);
      candidates.push({ dir, v2: true, pids: enabled.includes('pids'), memory: enabled.includes('memory') });
    } else if (names.includes('pids') || names.includes('memory')) {
      candidates.push({ dir: join(root, controllers, path), v2: false, pids: names.includes('pids'), memory: names.includes('memory') });
    }
  }
  // Prefer v1's controllers where both offer one (a hybrid's v2 rarely has them).
  const pick = (kind: 'pids' | 'memory') => candidates.filter((h) => h[kind]).sort((a, b) => Number(a.v2) - Number(b.v2))[0];
  const chosen = [...new Set([pick('pids'), pick('memory')].filter((h): h is Hierarchy => h !== undefined))]
    .map((h) => ({ ...h, pids: h === pick('pids'), memory: h === pick('memory') }));
  if (!chosen.some((h) => h.pids)) return { kind: 'none', reason: 'no pids controller offered' };
  for (const h of chosen) sweepStale(h.dir);
  try {
    const trial = new LimitGroup(chosen, `${PREFIX}probe`);
    try {
      trial.leaf();
    } finally {
      trial.removeSync();
    }
  } catch (error) {
    return { kind: 'none', reason: `cannot create a group: ${(error as Error).message.split('\n')[0]}` };
  }
  return { kind: 'cgroup', hierarchies: chosen };
}

function setMemoryLimit(dir: string, v2: boolean): void {
  const bytes = String(LIMITS.dataBytes);
  if (v2) {
    writeControl(join(dir, 'memory.max'), bytes);
    if (existsSync(join(dir, 'memory.swap.max'))) writeControl(join(dir, 'memory.swap.max'), '0');
    return;
  }
  writeControl(join(dir, 'memory.limit_in_bytes'), bytes);
  // With swap, the limit would only move memory to disk; memory+swap gets the same limit.
  if (existsSync(join(dir, 'memory.memsw.limit_in_bytes'))) writeControl(join(dir, 'memory.memsw.limit_in_bytes'), bytes);
}

/** Writes a control file the kernel made: never creates one (a plain folder is not a cgroup). */
function writeControl(file: string, value: string): void {
  writeFileSync(file, value, { flag: 'r+' });
}

/** pids.events says `max N` once a fork was refused; without it, a group at its maximum. */
function tasksRefused(dir: string): boolean {
  const events = join(dir, 'pids.events');
  if (existsSync(events)) return counter(events, 'max') > 0;
  return Number(readText(join(dir, 'pids.current')) || 0) >= LIMITS.tasks;
}

/** Removes groups left by a server that is gone (SIGKILL, a crash): `portside-<pid>-…` of a pid that no longer runs. */
function sweepStale(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const owner = Number(name.match(/^portside-(\d+)-/)?.[1]);
    if (owner && !isAlive(owner)) removeTreeSync(join(parent, name));
  }
}

/** SIGKILLs what is in each folder, then removes it, retrying while the killed processes finish. */
async function removeDirs(dirs: string[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const left = dirs.filter((dir) => !tryRemove(dir));
    if (left.length === 0) return;
    if (attempt >= 50) throw new Error(`cgroup ${left[0]} still has processes`);
    dirs = left;
    await new Promise((wait) => setTimeout(wait, 20));
  }
}

function removeTreeSync(dir: string): void {
  const children = (() => {
    try {
      return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    } catch {
      return [];
    }
  })();
  for (const child of children) removeTreeSync(join(dir, child.name));
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; attempt < 50 && !tryRemove(dir); attempt++) Atomics.wait(pause, 0, 0, 10);
}

/** One attempt: kill what is inside (v2 in one write), rmdir; true when the folder is gone. */
function tryRemove(dir: string): boolean {
  if (!existsSync(dir)) return true;
  if (existsSync(join(dir, 'cgroup.kill'))) {
    try {
      writeControl(join(dir, 'cgroup.kill'), '1');
    } catch {
      // not offered after all: the pids below
    }
  }
  for (const pid of readText(join(dir, 'cgroup.procs')).split('\n').filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  try {
    rmdirSync(dir);
    return true;
  } catch {
    return false;
  }
}

function removeAllSync(): void {
  for (const group of [...live]) group.removeSync();
}

/** OOM kills counted in one cgroup: memory.events (v2), memory.oom_control (v1), else failed charges. */
function oomCount(dir: string, v2: boolean): number {
  if (v2) return counter(join(dir, 'memory.events'), 'oom_kill');
  const kills = counter(join(dir, 'memory.oom_control'), 'oom_kill', -1);
  return kills >= 0 ? kills : Number(readText(join(dir, 'memory.failcnt')) || 0);
}

function counter(file: string, key: string, missing = 0): number {
  const line = readText(file).split('\n').find((l) => l.startsWith(`${key} `));
  return line ? Number(line.slice(key.length + 1)) : missing;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
