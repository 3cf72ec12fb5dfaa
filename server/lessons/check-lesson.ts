/**
 * `npm run check-lesson -- <NN|slug> [--watch]`: validates one lesson and proves it with the
 * checks (starter fails exactly starterFails, solution passes), in seconds rather than the whole
 * lesson suite. Other lessons being broken does not matter; their errors are listed after.
 * Exit 0 proven, 1 the lesson is wrong, 2 bad usage.
 */
import { watch } from 'node:fs';
import { effectiveTimeoutScale } from '../grade/args.ts';
import { lessonsDir } from '../grade/probe-files.ts';
import { folderMatches, loadLessonsReport, numberingProblems } from './load.ts';
import { lessonPackages } from './packages.ts';
import { verifyLesson } from './verify.ts';

const USAGE = 'usage: npm run check-lesson -- <NN|slug|NN-slug> [--watch]';
const LESSONS = lessonsDir();

async function checkOnce(id: string): Promise<number> {
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
  const { problems, starter, solution } = await verifyLesson(LESSONS, lesson, { packages: lessonPackages(lessons) }, effectiveTimeoutScale(undefined, 2));
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

/** Checks again after each change under lessons/ (a burst of saves is one change), until Ctrl+C. */
function watchLesson(id: string): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  console.log('\nwatching lessons/ — Ctrl+C to stop');
  const watcher = watch(LESSONS, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => (running = running.then(async () => void (await checkOnce(id)), () => {})), 200);
  });
  return new Promise((resolve) => process.once('SIGINT', () => (watcher.close(), resolve(0))));
}

process.exitCode = await main(process.argv.slice(2));
