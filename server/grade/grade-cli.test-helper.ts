/**
 * Test support for the grade CLI tests: runs grade as a real process and reports what it left in
 * the temp folder. By default that is the shared one, so grade's port locks (for fixed ports such
 * as the capstone's default 5000) coordinate with every other check on the machine, and only the
 * copies named after this grade's pid count. `privateTmp` gives a folder of its own where
 * everything left counts (copies, observer logs, held port locks), for runs under a wrapper whose
 * pid is not grade's.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The npm script's own command line; tests may also go through npm itself. */
export const GRADE = ['node', '--import', 'tsx', 'server/grade/main.ts'];

export interface GradeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Leftovers in the temp folder once the process has ended. */
  left: string[];
}

interface Options {
  scratch: string;
  program?: string[];
  env?: Record<string, string>;
  detached?: boolean;
  /** A temp folder of its own (made under scratch), or the one given. */
  privateTmp?: boolean | string;
}

export function gradeCli(args: string[], { scratch, program = GRADE, env = {}, detached = false, privateTmp = false }: Options) {
  const tmp = typeof privateTmp === 'string' ? privateTmp : privateTmp ? mkdtempSync(join(scratch, 'tmp-')) : tmpdir();
  const child = spawn(program[0]!, [...program.slice(1), ...args], { cwd: ROOT, env: { ...process.env, ...env, ...(privateTmp ? { TMPDIR: tmp } : {}) }, detached });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<GradeRun>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, left: privateTmp ? leftovers(tmp) : leftovers(tmp, child.pid) }));
  });
  return Object.assign(done, { child, tmp });
}

/**
 * What grade and its harnesses left in a temp folder: with `pid`, the copies named after that
 * grade; without, every copy, observer log and held port lock (tsx's cache and the empty locks
 * folder may stay).
 */
export function leftovers(tmp: string, pid?: number): string[] {
  const names = readdirSync(tmp);
  if (pid !== undefined) return names.filter((name) => name.startsWith(`portside-grade-${pid}-`) || name.startsWith(`portside-unpack-${pid}-`));
  const held = names.includes('portside-port-locks') ? readdirSync(join(tmp, 'portside-port-locks')).map((name) => `portside-port-locks/${name}`) : [];
  return [...names.filter((name) => /^portside-(?!port-locks$)/.test(name)), ...held];
}

/** Every file's path and content hash: enough to see any change. */
export function fingerprint(dir: string): string {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => join(e.parentPath, e.name)).sort();
  return entries.map((path) => `${path} ${statSync(path).isFile() ? createHash('sha1').update(readFileSync(path)).digest('hex') : 'dir'}`).join('\n');
}
