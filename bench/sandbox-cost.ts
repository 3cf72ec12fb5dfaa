/**
 * What the kernel sandbox (bubblewrap) costs: Run → preview and one Check of lesson 1's solution,
 * each with `PORTSIDE_SANDBOX=off` and on, interleaved (off, on, off, …) so machine noise hits both
 * alike, printed as the difference of the medians. Target: within +30 ms. Lesson 1 has one rule
 * and no deliberate watch, so the sandbox's share is not lost in waits. Where bubblewrap cannot run
 * here, both sides would be the same, so it says so and measures nothing.
 * Run alone with `npx tsx bench/sandbox-cost.ts` (builds the app into a temporary folder first).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkFolder } from '../server/grade/check-folder.ts';
import { REPO_ROOT } from '../server/grade/probe-files.ts';
import { loadLessons } from '../server/lessons/load.ts';
import { lessonPackages } from '../server/lessons/packages.ts';
import { resetSandboxProbe, sandboxStatus } from '../server/sandbox/sandbox.ts';
import { buildApp } from './app-build.ts';
import { bareStart } from './bare-start.ts';
import { openWithSolution, timeRun } from './preview-page.ts';
import { withServedApp } from './served-app.ts';
import { parseCommand, spawnArgs } from '../probes/lib/command.mjs';
import { formatDeltaMs, formatMs, median, table, verdict } from './stats.ts';

const RUNS = Number(process.env.BENCH_SANDBOX_RUNS ?? 7);
const TARGET_ADDED_MS = 30;

/** Switches the sandbox for everything spawned from now on (the probe is cached per process). */
async function useSandbox(on: boolean): Promise<void> {
  if (on) delete process.env.PORTSIDE_SANDBOX;
  else process.env.PORTSIDE_SANDBOX = 'off';
  resetSandboxProbe();
  const status = await sandboxStatus();
  if ((status.kind === 'bubblewrap') !== on) throw new Error(`could not switch the sandbox ${on ? 'on' : 'off'}: ${'reason' in status ? status.reason : status.kind}`);
}

export async function benchSandboxCost(distDir: string): Promise<void> {
  const before = process.env.PORTSIDE_SANDBOX;
  resetSandboxProbe();
  const status = await sandboxStatus();
  if (status.kind !== 'bubblewrap') {
    console.log(`bubblewrap does not run here (${status.reason}): nothing to compare`);
    return;
  }
  const lessons = await loadLessons(join(REPO_ROOT, 'lessons'));
  const lesson = lessons[0]!;
  const solution = join(REPO_ROOT, 'lessons', lesson.folder, 'solution');
  const packages = lessonPackages(lessons);
  const { file, args } = spawnArgs(parseCommand(lesson.command), lesson.command);
  const expected = (await bareStart(solution, file, args, lesson.probe.path)).body.trim();
  const times = { preview: { off: [] as number[], on: [] as number[] }, check: { off: [] as number[], on: [] as number[] } };
  try {
    await withServedApp(distDir, async ({ url, browser }) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.setDefaultTimeout(30_000);
      await openWithSolution(page, url, lesson.id);
      // One warm-up each, then the timed rounds.
      for (let i = 0; i <= RUNS; i += 1) {
        for (const side of ['off', 'on'] as const) {
          await useSandbox(side === 'on');
          const preview = (await timeRun(page, expected)).inPageMs;
          const started = performance.now();
          const outcome = await checkFolder(solution, lesson, { packages });
          const check = performance.now() - started;
          if (!outcome.passed) throw new Error(`${lesson.folder}'s solution did not pass its check with the sandbox ${side}`);
          if (i === 0) continue;
          times.preview[side].push(preview);
          times.check[side].push(check);
        }
      }
    });
  } finally {
    if (before === undefined) delete process.env.PORTSIDE_SANDBOX;
    else process.env.PORTSIDE_SANDBOX = before;
    resetSandboxProbe();
  }
  console.log(`Sandbox cost, ${lesson.folder} solution, ${RUNS} rounds after a warm-up, sandbox off and on interleaved`);
  const rows = (['preview', 'check'] as const).map((what) => {
    const added = median(times[what].on) - median(times[what].off);
    const label = what === 'preview' ? 'Run click → preview frame loaded' : 'one Check (checkFolder, as grade)';
    return [label, formatMs(median(times[what].off)), formatMs(median(times[what].on)), formatDeltaMs(added), `${verdict(added <= TARGET_ADDED_MS)}`];
  });
  console.log(table([['', 'off', 'on', 'added', `≤ +${TARGET_ADDED_MS} ms`], ...rows]));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const app = await buildApp();
  try {
    await benchSandboxCost(app.dir);
  } finally {
    await app.remove();
  }
}
