/**
 * `npm run check-lesson -- <NN|slug> [--watch]`: validates one lesson and proves it with the
 * checks (starter fails exactly starterFails, solution passes), in seconds rather than the whole
 * lesson suite. Other lessons being broken does not matter; their errors are listed after.
 * Exit 0 proven, 1 the lesson is wrong, 2 bad usage.
 */
import { watch } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { effectiveTimeoutScale } from '../grade/args.ts';
import { lessonsDir } from '../grade/probe-files.ts';
import { folderMatches, loadLessonsReport, numberingProblems } from './load.ts';
import { lessonPackages } from './packages.ts';
import { verifyLesson } from './verify.ts';

const USAGE = 'usage: npm run check-lesson -- <NN|slug|NN-slug> [--watch]';
const LESSONS = lessonsDir();

async function checkOnce(id: string, signal?: AbortSignal): Promise<number> {
  const started = Date.now();
  const { lessons, broken } = await loadLessonsReport(LESSONS);
  const others = broken.filter((error) => !error.folder || !folderMatches(error.folder, id));
  const numbering = numberingProblems([...lessons.map((l) => l.folder), ...broken.flatMap((e) => (e.folder ? [e.folder] : []))]);
  const footer = () => {
    for (const problem of numbering) console.log(`note: ${problem}`);
    for (const error of others) console.log(`note: another lesson is broken: ${error.message}`);
  };
  const own = broken.find((error) => error.folder && folderMatches(error.folder, id));
  if (own) {
    console.log(`✗ ${own.message}`);
    footer();
    return 1;
  }
  const lesson = lessons.find((l) => folderMatches(l.folder, id));
  if (!lesson) {
    console.error(`check-lesson: no lesson "${id}" (known: ${lessons.map((l) => l.folder).join(', ')})\n${USAGE}`);
    return 2;
  }
  console.log(`${lesson.folder}: the frontmatter is valid; checking the starter and the solution…`);
  const { problems, starter, solution } = await verifyLesson(LESSONS, lesson, { packages: lessonPackages(lessons), signal }, effectiveTimeoutScale(undefined, 2));
  if (signal?.aborted) {
    console.log('stopped');
    return 0;
  }
  const count = (o: typeof starter) => o.results.filter((r) => r.status === 'pass').length;
  console.log(`  starter:  ${count(starter)} of ${lesson.rules.length} rules pass (should fail: ${lesson.starterFails.join(', ') || 'none'})`);
  console.log(`  solution: ${count(solution)} of ${lesson.rules.length} rules pass`);
  for (const problem of problems) console.log(`  ✗ ${problem}`);
  console.log(problems.length ? `✗ ${lesson.folder} is not proven` : `✓ ${lesson.folder} is proven (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  footer();
  return problems.length ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const words = argv.filter((arg) => arg !== '--');
  const watching = words.includes('--watch');
  const ids = words.filter((arg) => arg !== '--watch');
  if (ids.length !== 1 || ids[0]!.startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  const code = await checkOnce(ids[0]!);
  if (!watching || code === 2) return code;
  return watchLesson(ids[0]!);
}

/**
 * Checks again after each change to the lessons' files until Ctrl+C, which also cancels a check
 * in progress. A change is a new size or mtime: Node 20's recursive watch on Linux polls stat and
 * also reports reads (the check's own copy of the files), which must not start another round.
 */
async function watchLesson(id: string): Promise<number> {
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  console.log('\nwatching lessons/ — Ctrl+C to stop');
  let seen = await signature(LESSONS);
  let changed = false;
  const watcher = watch(LESSONS, { recursive: true }, () => (changed = true));
  while (!stop.signal.aborted) {
    await sleep(300, stop.signal);
    if (!changed || stop.signal.aborted) continue;
    changed = false;
    const now = await signature(LESSONS);
    if (now === seen) continue;
    seen = now;
    await checkOnce(id, stop.signal);
  }
  watcher.close();
  return 0;
}

/** Every file's path, size and mtime under `dir`: what tells a real change from a read. */
async function signature(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  const stats = await Promise.all(files.map((file) => stat(file).then((s) => `${file} ${s.size} ${s.mtimeMs}`, () => file)));
  return stats.join('\n');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => (clearTimeout(timer), signal.removeEventListener('abort', done), resolve());
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

process.exitCode = await main(process.argv.slice(2));
