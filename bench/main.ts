/**
 * `npm run bench`: speed and size, each printed against its target. Builds the app once into a
 * temporary folder, then: Run → preview against a bare `node server.js` (bench/preview.ts), the
 * JavaScript before the editor appears (bench/bundle-size.ts), what the sandbox adds to both
 * (bench/sandbox-cost.ts), and each lesson's Check against a bare script making the same server
 * starts and requests (bench/check.ts). A missed target is printed as MISS and the exit code stays
 * 0; only a section that could not run at all makes it 1. Every process it starts is stopped.
 * Then a class graded by the CLI at several --jobs against bare checks (bench/grade-throughput.ts).
 * BENCH_ONLY=grade,check runs only those parts (preview, size, sandbox, check, grade).
 */
import { rmSync } from 'node:fs';
import { benchBundleSize } from './bundle-size.ts';
import { buildApp } from './app-build.ts';
import { benchCheck } from './check.ts';
import { benchGradeThroughput } from './grade-throughput.ts';
import { benchPreview } from './preview.ts';
import { benchSandboxCost } from './sandbox-cost.ts';

// Exiting runs the 'exit' hooks that kill learner processes and bare servers; Playwright closes Chromium.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

const failed: string[] = [];
const PARTS = ['preview', 'size', 'sandbox', 'check', 'grade'] as const;
const only = process.env.BENCH_ONLY?.split(',').map((part) => part.trim());
const unknown = only?.filter((part) => !(PARTS as readonly string[]).includes(part)) ?? [];
if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown part ${unknown.join(', ')} (known: ${PARTS.join(', ')})`);
const wanted = (part: (typeof PARTS)[number]) => !only || only.includes(part);

/** Runs one part under a heading; an error is printed and remembered, and the next part still runs. */
async function section<T>(title: string, run: () => Promise<T>): Promise<T | undefined> {
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 72 - title.length))}`);
  const started = performance.now();
  try {
    return await run();
  } catch (error) {
    failed.push(title);
    console.log(`COULD NOT RUN: ${(error as Error).stack ?? String(error)}`);
    return undefined;
  } finally {
    console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
}

const build = !(wanted('preview') || wanted('size') || wanted('sandbox')) ? undefined : await section('Build: the production app, into a temporary folder', async () => {
  const built = await buildApp();
  console.log(`built into ${built.dir}`);
  return built;
});
if (build) {
  const removeBuild = () => rmSync(build.dir, { recursive: true, force: true });
  process.once('exit', removeBuild);
  if (wanted('preview')) await section('Preview: Run → the response in the preview (issue 2)', () => benchPreview(build.dir));
  if (wanted('size')) await section('Size: JavaScript before the editor appears (issue 2)', () => benchBundleSize(build));
  if (wanted('sandbox')) await section('Sandbox: what bubblewrap adds to Run → preview and to one Check (issue 11)', () => benchSandboxCost(build.dir));
  await build.remove();
  process.off('exit', removeBuild);
}
if (wanted('check')) await section('Check: each lesson solution against the same starts and requests, bare (issues 3, 9)', () => benchCheck());
if (wanted('grade')) await section('Grade: a class per minute at --jobs 1, cores and 4, against bare checks as parallel (issue 13)', () => benchGradeThroughput());

console.log(failed.length === 0 ? '\nEvery benchmark ran; each target above says PASS or MISS.' : `\nCould not run: ${failed.join('; ')}`);
process.exitCode = failed.length === 0 ? 0 : 1;
