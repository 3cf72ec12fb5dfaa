/**
 * `npm run -s grade -- <lesson-id> <item>... [options]`: grades a class's submissions against a
 * lesson's rules on this machine, with the same harness the playground runs in the browser's
 * sandbox. Rows print in the order given as soon as they are known; a progress line goes to
 * stderr; reports are written at the end, also when interrupted.
 */
import { writeFile } from 'node:fs/promises';
import { findLesson, folderMatches, loadLessonsReport, type Lesson } from '../lessons/load.ts';
import { lessonPackages } from '../lessons/packages.ts';
import { effectiveTimeoutScale, parseGradeArgs, USAGE, type GradeOptions } from './args.ts';
import { csvReport } from './csv.ts';
import { formatJsonRow, formatProgress, formatRow, formatSummary, summarize } from './format.ts';
import { gradeItem, type Row } from './grade-item.ts';
import { junitReport } from './junit.ts';
import { runPool } from './pool.ts';
import { lessonsDir } from './probe-files.ts';
import { onStopSignal } from './stop-signals.ts';
import { sweepOrphanCopies } from './temp-copies.ts';
import { itemsWork, manifestWork } from './work-list.ts';

/** Exit codes, as documented in USAGE. */
const EXIT = { passed: 0, failed: 1, usage: 2, error: 3 } as const;

async function main(argv: string[]): Promise<number> {
  const args = parseGradeArgs(argv);
  if ('help' in args) return usage(0);
  if ('error' in args) return usage(EXIT.usage, args.error);
  const stop = onStopSignal();
  await sweepOrphanCopies();
  // npm prints "> portside@… grade" on stdout before we start, and nothing here can take it back.
  if (args.json && process.env.npm_lifecycle_event && process.env.npm_config_loglevel !== 'silent') {
    console.error('grade: npm printed its banner on stdout before the JSON; for pure JSON lines run `npm run -s grade -- …` or `npx portside grade …`');
  }
  const { lessons, broken } = await loadLessonsReport(lessonsDir());
  const lesson = args.lesson ? findLesson(lessons, args.lesson) : undefined;
  if (args.lesson && !lesson) {
    const brokenOne = broken.find((error) => error.folder && folderMatches(error.folder, args.lesson));
    if (brokenOne) return usage(EXIT.usage, `lesson "${args.lesson}" cannot be loaded: ${brokenOne.message}`);
    return usage(EXIT.usage, `unknown lesson "${args.lesson}" (known: ${lessons.map((l) => l.id).join(', ')})`);
  }
  const work = await (args.manifest ? manifestWork(args.manifest, lesson, lessons, broken) : itemsWork(args.items, lesson!)).catch((error: Error) => error);
  if (work instanceof Error) return usage(EXIT.usage, work.message);
  const timeoutScale = effectiveTimeoutScale(args.timeoutScale, args.jobs);
  const against = args.manifest ? `the lessons in ${args.manifest}` : `${lesson!.folder} — ${lesson!.title}`;
  if (!args.json) console.log(`Grading ${work.length} submission${work.length === 1 ? '' : 's'} against ${against} (${args.jobs} at a time, deadlines × ${timeoutScale})\n`);

  const rows: Row[] = [];
  let done = 0;
  const printer = inOrder((row: Row) => console.log(args.json ? formatJsonRow(row) : formatRow(row) + '\n'));
  const progress = progressLine(work.length);
  const specFor = (l: Lesson | undefined) => (l ? { ...l, timeoutScale } : { id: '', command: '', rules: [] });
  await runPool(work, args.jobs, ({ item, lesson: its }) => gradeItem(item, specFor(its), { packages: lessonPackages(lessons), install: args.install, signal: stop.signal }), {
    signal: stop.signal,
    onDone: (row, index) => {
      rows[index] = row;
      printer(row, index);
      progress(++done);
    },
  });
  progress.end();

  const graded = rows.filter(Boolean); // an interrupted run leaves holes
  const summary = summarize(graded, work.length, stop.signal.aborted);
  console.log(args.json ? JSON.stringify({ summary }) : formatSummary(summary));
  if (args.json) console.error(formatSummary(summary));
  const rules = [...new Set(work.flatMap((w) => w.lesson?.rules ?? []))];
  const written = await writeReports(args, graded, rules).catch((error: Error) => error);
  if (written instanceof Error) {
    console.error(`grade: a report could not be written: ${written.message}`);
    return EXIT.usage;
  }
  if (stop.signal.aborted) return stop.exitCode();
  if (summary.error > 0) return EXIT.error;
  return summary.failed > 0 ? EXIT.failed : EXIT.passed;
}

async function writeReports(args: GradeOptions, rows: Row[], rules: readonly string[]): Promise<void> {
  if (args.junit) await writeFile(args.junit, junitReport(rows));
  if (args.csv) await writeFile(args.csv, csvReport(rows, rules));
}

/** Prints item i only once items 0…i-1 have printed, so output follows the order given. */
function inOrder<T>(print: (value: T) => void): (value: T, index: number) => void {
  const waiting = new Map<number, T>();
  let next = 0;
  return (value, index) => {
    waiting.set(index, value);
    while (waiting.has(next)) {
      print(waiting.get(next)!);
      waiting.delete(next++);
    }
  };
}

/** "12/60 graded" on stderr: rewritten in place on a terminal, one line per update otherwise. */
function progressLine(total: number) {
  const tty = process.stderr.isTTY;
  const update = (done: number) => process.stderr.write(tty ? `\r${formatProgress(done, total)}` : `${formatProgress(done, total)}\n`);
  return Object.assign(update, { end: () => tty && process.stderr.write('\n') });
}

function usage(code: number, problem?: string): number {
  if (problem) console.error(`grade: ${problem}\n`);
  (code === 0 ? console.log : console.error)(USAGE);
  return code;
}

process.exitCode = await main(process.argv.slice(2));
