/**
 * Run → preview on the local runtime, against a bare `node server.js` + first 2xx, measured in
 * the same run and interleaved (bare, playground, bare, …) so machine noise hits both alike.
 * Target: the playground adds under 300 ms to the bare baseline. Misses are printed, not thrown.
 * Run alone with `npx tsx bench/preview.ts` (builds the app into a temporary folder first).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCommand, spawnArgs } from '../probes/lib/command.mjs';
import { REPO_ROOT } from '../server/grade/probe-files.ts';
import { loadLessons } from '../server/lessons/load.ts';
import { buildApp } from './app-build.ts';
import { bareStart } from './bare-start.ts';
import { openWithSolution, timeRun } from './preview-page.ts';
import { withServedApp } from './served-app.ts';
import { formatDeltaMs, formatMs, formatRatio, median, quantile, table, verdict } from './stats.ts';

const RUNS = Number(process.env.BENCH_PREVIEW_RUNS ?? 15);
const WARMUPS = 2;
const TARGET_ADDED_MS = 300;

export async function benchPreview(distDir: string): Promise<void> {
  const lesson = (await loadLessons(join(REPO_ROOT, 'lessons')))[0];
  if (!lesson) throw new Error('there is no lesson to run');
  const solution = join(REPO_ROOT, 'lessons', lesson.folder, 'solution');
  const { file, args } = spawnArgs(parseCommand(lesson.command), lesson.command);
  // What the bare server answers is exactly what the preview has to show.
  const expected = (await bareStart(solution, file, args, lesson.probe.path)).body.trim();
  if (!expected) throw new Error(`${lesson.folder}: the solution answers with an empty body; nothing to wait for in the preview`);

  const bare: number[] = [];
  const inPage: number[] = [];
  const wall: number[] = [];
  let reloadedRuns = 0;
  await withServedApp(distDir, async ({ url, browser }) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(30_000);
    await openWithSolution(page, url, lesson.id);
    for (let i = 0; i < WARMUPS + RUNS; i += 1) {
      const bareRun = await bareStart(solution, file, args, lesson.probe.path);
      const run = await timeRun(page, expected);
      if (i < WARMUPS) continue;
      bare.push(bareRun.ms);
      inPage.push(run.inPageMs);
      wall.push(run.wallMs);
      if (run.frameLoads > 1) reloadedRuns += 1;
    }
  });

  const added = median(inPage) - median(bare);
  console.log(`Run → preview, ${lesson.folder} solution ("${lesson.command}"), local runtime, Chromium: ${RUNS} runs after ${WARMUPS} warm-ups`);
  console.log(
    table([
      ['', 'median', 'p90'],
      [`bare: spawn ${lesson.command}, GET until the first 2xx (Node clock)`, formatMs(median(bare)), formatMs(quantile(bare, 90))],
      ['playground: Run click → preview frame loaded (page clock)', formatMs(median(inPage)), formatMs(quantile(inPage, 90))],
      ['playground: click() → text seen by Playwright (Node clock)', formatMs(median(wall)), formatMs(quantile(wall, 90))],
    ]),
  );
  if (reloadedRuns > 0) console.log(`note: in ${reloadedRuns} of ${RUNS} runs the preview frame loaded more than once (timed to its last load)`);
  console.log(`added by the playground (medians, page clock): ${formatDeltaMs(added)}; ratio ${formatRatio(median(inPage), median(bare))}`);
  console.log(`target: playground adds < ${TARGET_ADDED_MS} ms to the bare baseline … ${verdict(added < TARGET_ADDED_MS)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const app = await buildApp();
  try {
    await benchPreview(app.dir);
  } finally {
    await app.remove();
  }
}
