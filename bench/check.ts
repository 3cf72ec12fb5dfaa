/**
 * How long Check takes on the host, per lesson, against the lesson's bare Check (bare-check.ts):
 * a plain script that makes the same server starts and requests with the same parallelism as the
 * harness. The check goes through checkFolder, the same path as `npm run grade` (copy, sandbox,
 * harness, every rule). Target: at most 1.5× the bare script. uses-env-port watches on purpose for
 * WATCH_MS after readiness (to see a port opened after warm-up), which the bare script has no
 * reason to do; that wait is printed beside the ratio and counted in it — it is not hidden.
 * Run alone with `npx tsx bench/check.ts`.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkConfigFor } from '../probes/check-config.mjs';
import { WATCH_MS } from '../probes/lib/main-run.mjs';
import { checkFolder } from '../server/grade/check-folder.ts';
import { REPO_ROOT } from '../server/grade/probe-files.ts';
import { prepareWorkspace } from '../server/grade/workspace.ts';
import { loadLessons, type Lesson } from '../server/lessons/load.ts';
import { lessonPackages } from '../server/lessons/packages.ts';
import { bareCheck, serverStarts } from './bare-check.ts';
import { median } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_RATIO = 1.5;

export async function benchCheck(): Promise<void> {
  // BENCH_LESSONS=03,13 times only those lessons (folder prefixes).
  const only = process.env.BENCH_LESSONS?.split(',');
  const lessons = (await loadLessons(join(REPO_ROOT, 'lessons'))).filter((l) => !only || only.some((p) => l.folder.startsWith(p)));
  const packages = lessonPackages(lessons);
  console.log(`Check time per lesson solution (median of ${RUNS}), against a bare script making the same server starts and requests, as parallel as the harness`);
  console.log(`uses-env-port watches ${WATCH_MS / 1000} s after readiness on purpose (a port opened after warm-up): the bare main run waits as long too (column "watch")`);
  console.log(`${'lesson'.padEnd(36)} ${'rules'.padStart(5)} ${'starts'.padStart(6)} ${'watch'.padStart(7)} ${'bare'.padStart(8)} ${'check'.padStart(8)} ${'ratio'.padStart(6)}  target ≤ ${TARGET_RATIO}×`);
  for (const lesson of lessons) {
    const solution = join(REPO_ROOT, 'lessons', lesson.folder, 'solution');
    const baseline = await baselineMs(lesson, solution, packages).catch((error: Error) => error);
    if (baseline instanceof Error) {
      console.log(`${lesson.folder.padEnd(36)} skipped: ${baseline.message}`);
      continue;
    }
    const checks: number[] = [];
    let passed = true;
    for (let i = 0; i < RUNS && passed; i += 1) {
      const started = performance.now();
      passed = (await checkFolder(solution, lesson, { packages })).passed;
      checks.push(performance.now() - started);
    }
    if (!passed) {
      // One broken lesson must not hide the others' timings.
      console.log(`${lesson.folder.padEnd(36)} skipped: the solution did not pass its check`);
      continue;
    }
    const check = median(checks);
    const ratio = check / baseline;
    const mark = ratio <= TARGET_RATIO ? 'PASS' : 'MISS';
    const watch = lesson.rules.includes('uses-env-port') ? ms(WATCH_MS) : '—';
    console.log(`${lesson.folder.padEnd(36)} ${String(lesson.rules.length).padStart(5)} ${String(serverStarts(lesson)).padStart(6)} ${watch.padStart(7)} ${ms(baseline).padStart(8)} ${ms(check).padStart(8)} ${ratio.toFixed(2).padStart(5)}×  ${mark}`);
  }
}

/** Median time for the bare script, in the same prepared workspace the check uses. */
async function baselineMs(lesson: Lesson, solution: string, packages: string[]): Promise<number> {
  const workspace = await prepareWorkspace(solution, checkConfigFor(lesson), packages);
  try {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) times.push(await bareCheck(lesson, workspace.dir, WATCH_MS));
    return median(times);
  } finally {
    await workspace.remove();
  }
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchCheck();
