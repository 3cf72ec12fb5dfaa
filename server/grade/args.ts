/** `npm run grade -- <lesson-id> <item>... [options]`, parsed. Pure, so usage errors are tested. */
import { availableParallelism, loadavg } from 'node:os';

export const USAGE = `usage: npm run -s grade -- <lesson-id> <item>... [options]
       npm run -s grade -- [<lesson-id>] --manifest FILE [options]
       npx portside grade <lesson-id> <item>... [options]

  <lesson-id>           a lesson's slug (take-the-port), folder name (02-take-the-port) or number (02)
  <item>                a submission folder, a .zip or .tar.gz of one, or a class folder holding
                        submissions; each is copied or unpacked elsewhere, never modified
  --manifest FILE       a CSV (columns student, path, lesson) or JSON list saying whose each
                        submission is and for which lesson; <lesson-id> is then the default
  --json                one JSON line per submission, then one {"summary":…} line, on stdout
  --junit FILE          a JUnit XML report: one testsuite per submission, one testcase per rule
  --csv FILE            a CSV report: one row per submission, one column per rule
  --install             run npm ci (npm install without a lockfile) in each submission's copy,
                        without install scripts, instead of providing packages offline;
                        needs the registry; a failed install is that submission's error
  --jobs N              grade N submissions at once (default: the number of cores)
  --timeout-scale X     multiply every deadline of the checks by X (e.g. 2 on a slow machine);
                        by default it follows the load: max(jobs, load average) / cores,
                        from 1 to 5

exit code: 0 every submission passes every rule, 1 some rule did not pass, 2 bad usage,
           3 some submission could not be checked (see its row), 130/143 interrupted`;

export interface GradeOptions {
  /** Empty only with a manifest whose entries name their lessons. */
  lesson: string;
  items: string[];
  manifest?: string;
  json: boolean;
  /** npm ci in each copy (needs the registry) instead of the offline packages. */
  install: boolean;
  junit?: string;
  csv?: string;
  jobs: number;
  /** As given; undefined lets main scale deadlines to the load. */
  timeoutScale?: number;
}

export type GradeArgs = GradeOptions | { help: true } | { error: string };

const VALUED = new Set(['--junit', '--csv', '--jobs', '--timeout-scale', '--manifest']);

export function parseGradeArgs(argv: readonly string[], cores = availableParallelism()): GradeArgs {
  const words: string[] = [];
  const values: Record<string, string> = {};
  let json = false;
  let install = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--json') json = true;
    else if (flag === '--install') install = true;
    else if (flag === '--help' || flag === '-h') return { help: true };
    else if (flag === '--') continue;
    else if (VALUED.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') return { error: `${flag} needs a value` };
      values[flag] = value;
    } else if (flag.startsWith('-')) return { error: `unknown option ${arg}` };
    else words.push(arg);
  }
  const [lesson = '', ...items] = words;
  const manifest = values['--manifest'];
  if (manifest && items.length) return { error: 'with --manifest, give at most a default lesson, not submissions' };
  if (!manifest && !lesson) return { error: 'missing the lesson id and the submissions' };
  if (!manifest && items.length === 0) return { error: `missing the submissions to grade against "${lesson}"` };
  const jobs = values['--jobs'] === undefined ? cores : Number(values['--jobs']);
  if (!Number.isInteger(jobs) || jobs < 1) return { error: `--jobs must be a whole number of 1 or more, not "${values['--jobs']}"` };
  const scale = values['--timeout-scale'] === undefined ? undefined : Number(values['--timeout-scale']);
  if (scale !== undefined && !(scale > 0 && scale <= 20)) return { error: `--timeout-scale must be a number above 0 and at most 20, not "${values['--timeout-scale']}"` };
  return { lesson, items, json, install, junit: values['--junit'], csv: values['--csv'], jobs, ...(manifest ? { manifest } : {}), ...(scale === undefined ? {} : { timeoutScale: scale }) };
}

/** The most the automatic scale stretches a deadline: a hung server then costs 15 s, not 3. */
export const MAX_AUTO_SCALE = 5;

/**
 * The deadline factor to use: the one asked for, else enough for the load. Each check runs
 * several servers at once, so more jobs than cores, or a machine already busy with other work
 * (the 1-minute load average), stretch every wall-clock window by about as much.
 */
export function effectiveTimeoutScale(asked: number | undefined, jobs: number, cores = availableParallelism(), load = loadavg()[0] ?? 0): number {
  if (asked !== undefined) return asked;
  const busy = Math.max(jobs, load) / cores;
  return Math.round(Math.min(MAX_AUTO_SCALE, Math.max(1, busy)) * 10) / 10;
}
