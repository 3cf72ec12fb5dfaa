/**
 * Test support for the grade CLI tests: runs grade as a real process with a private temp folder,
 * so whatever it leaves behind (copies, unpacked archives, observer logs, port locks) shows.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The npm script's own command line; tests may also go through npm itself. */
export const GRADE = ['node', '--import', 'tsx', 'server/grade/main.ts'];

export interface GradeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Leftovers in the private temp folder once the process has ended. */
  left: string[];
}

export function gradeCli(args: string[], { scratch, program = GRADE, env = {}, detached = false, tmp = mkdtempSync(join(scratch, 'tmp-')) }: { scratch: string; program?: string[]; env?: Record<string, string>; detached?: boolean; tmp?: string }) {
  const child = spawn(program[0]!, [...program.slice(1), ...args], { cwd: ROOT, env: { ...process.env, ...env, TMPDIR: tmp }, detached });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<GradeRun>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, left: leftovers(tmp) }));
  });
  return Object.assign(done, { child, tmp, output: () => ({ stdout, stderr }) });
}

/**
 * What grade and its harnesses left in a temp folder: copies, unpacked archives, observer logs
 * and held port locks. (tsx's own cache and the empty locks folder may stay.)
 */
export function leftovers(tmp: string): string[] {
  const names = readdirSync(tmp);
  const held = names.includes('portside-port-locks') ? readdirSync(join(tmp, 'portside-port-locks')).map((name) => `portside-port-locks/${name}`) : [];
  return [...names.filter((name) => /^portside-(?!port-locks$)/.test(name)), ...held];
}

/** Every file's path and content hash: enough to see any change. */
export function fingerprint(dir: string): string {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => join(e.parentPath, e.name)).sort();
  return entries.map((path) => `${path} ${statSync(path).isFile() ? createHash('sha1').update(readFileSync(path)).digest('hex') : 'dir'}`).join('\n');
}
