/**
 * Submissions per minute of `grade` for a small class, at --jobs 1, at the number of cores and at
 * 4, each against a bare script making the same server starts and requests (bare-check.ts) with
 * the same parallelism and no sandbox, no harness, no copies. The class is copies of lesson 02's
 * and the capstone's solutions, graded by the real CLI (server/grade/main.ts, a child process,
 * with a manifest and --json), so the time includes everything a teacher waits for: the CLI's
 * start, the copies, the sandboxes, the harness. Grade and bare alternate per jobs value so
 * machine noise hits both. Target: grade within 2× of bare at the same jobs. uses-env-port watches
 * on purpose for WATCH_MS times the deadline scale; each run passes grade the scale it picks for
 * that --jobs on an idle machine (effectiveTimeoutScale with no load: the machine's other work
 * would otherwise stretch the watch to 5× and hide grade's own cost) and makes the bare main run
 * wait as long, so the ratio measures what grading costs, not what it waits for by design.
 * The timed class holds solutions only: a starter fails through what the observer sees (a listen
 * on the wrong port), which a bare script cannot see, so it has no bare twin to time. The starters
 * are graded once more, untimed, so the bench still proves that the grader tells them apart: a
 * result that differs from the lesson's starterFails or a solution that fails is printed loudly.
 * Run alone with `npx tsx bench/grade-throughput.ts`; BENCH_GRADE_CLASS=8,4 sets the class
 * (solutions of lesson 02, of the capstone; 6,2 by default, to stay under about 2 minutes).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { checkConfigFor } from '../probes/check-config.mjs';
import { WATCH_MS } from '../probes/lib/main-run.mjs';
import { effectiveTimeoutScale } from '../server/grade/args.ts';
import { runPool } from '../server/grade/pool.ts';
import { REPO_ROOT } from '../server/grade/probe-files.ts';
import { prepareWorkspace } from '../server/grade/workspace.ts';
import { loadLessons, type Lesson } from '../server/lessons/load.ts';
import { lessonPackages } from '../server/lessons/packages.ts';
import { sandboxStatus } from '../server/sandbox/sandbox.ts';
import { bareCheck } from './bare-check.ts';
import { formatMs, formatRatio, table, verdict } from './stats.ts';
import { semaphore } from '../test-support/semaphore.ts';
import { formatRate, gradeProblems, jobsToTime, perMinute, type Expected, type JsonRow } from './throughput.ts';

const TARGET_RATIO = 2;
const [LESSON_02 = 6, CAPSTONE = 2] = (process.env.BENCH_GRADE_CLASS ?? '6,2').split(',').map(Number);
const GRADE_CLI = join(REPO_ROOT, 'server', 'grade', 'main.ts');

/** Grade CLIs still running; told to stop on exit, and they remove their own copies. */
const running = new Set<ChildProcess>();
process.on('exit', () => running.forEach((child) => child.kill('SIGTERM')));

interface Submission extends Expected {
  dir: string;
  lesson: Lesson;
}

export async function benchGradeThroughput(): Promise<void> {
  if (![LESSON_02, CAPSTONE].every((n) => Number.isInteger(n) && n >= 0) || LESSON_02 + CAPSTONE === 0) {
    throw new Error(`BENCH_GRADE_CLASS must be two whole numbers, not both 0 (solutions of lesson 02, of the capstone), not "${process.env.BENCH_GRADE_CLASS}"`);
  }
  const lessons = await loadLessons(join(REPO_ROOT, 'lessons'));
  const pick = (prefix: string) => lessons.find((l) => l.folder.startsWith(prefix)) ?? fail(`no lesson ${prefix}`);
  const [takeThePort, capstone] = [pick('02'), pick('13')];
  const root = await mkdtemp(join(tmpdir(), 'portside-bench-class-'));
  try {
    const solutions = [...(await copies(root, takeThePort, 'solution', LESSON_02)), ...(await copies(root, capstone, 'solution', CAPSTONE))];
    const starters = [...(await copies(root, takeThePort, 'starter', 1)), ...(await copies(root, capstone, 'starter', 1))];
    const jobsList = jobsToTime(availableParallelism());
    console.log(`A class of ${solutions.length} solutions (${LESSON_02} of ${takeThePort.folder}, ${CAPSTONE} of ${capstone.folder}) graded by the CLI with --json,`);
    console.log(`against a bare script making the same starts and requests, as many at once. uses-env-port watches ${WATCH_MS / 1000} s × the deadline scale`);
    console.log(`on purpose; the scale grade picks for that --jobs on an idle machine is passed as --timeout-scale, and the bare main run waits as long`);
    const sandbox = await sandboxStatus();
    console.log(sandbox.kind === 'bubblewrap' ? 'grade runs each submission under bubblewrap, with a network of its own' : `grade runs without bubblewrap here (${sandbox.reason}): process groups only`);
    const timed: { jobs: number; scale: number; bareMs: number; gradeMs: number; right: boolean }[] = [];
    const problems: string[] = [];
    for (const jobs of jobsList) {
      const scale = idleScale(jobs);
      const bareMs = await bareClass(solutions, jobs, lessonPackages(lessons), Math.round(WATCH_MS * scale));
      const grade = await gradeClass(root, solutions, jobs, scale);
      problems.push(...grade.problems.map((p) => `--jobs ${jobs}: ${p}`));
      timed.push({ jobs, scale, bareMs, gradeMs: grade.ms, right: grade.problems.length === 0 });
    }
    const [one] = timed;
    const rate = (ms: number) => formatRate(perMinute(solutions.length, ms));
    const rows = timed.map(({ jobs, scale, bareMs, gradeMs, right }) => [
      `--jobs ${jobs}`, `×${scale}`, formatMs(bareMs), rate(bareMs), formatMs(gradeMs), rate(gradeMs),
      formatRatio(one!.bareMs, bareMs), formatRatio(one!.gradeMs, gradeMs), formatRatio(gradeMs, bareMs), verdict(right && gradeMs / bareMs <= TARGET_RATIO),
    ]);
    // "speed-up": how much faster than at --jobs 1; "ratio": grade's time over bare's, the target.
    console.log(table([['', 'scale', 'bare', 'bare rate', 'grade', 'grade rate', 'bare speed-up', 'grade speed-up', 'ratio', `≤ ${TARGET_RATIO}×`], ...rows]));
    const starterRun = await gradeClass(root, starters, Math.max(...jobsList), idleScale(Math.max(...jobsList)));
    problems.push(...starterRun.problems.map((p) => `starters: ${p}`));
    if (problems.length > 0) {
      console.log(`\n!!! GRADED WRONG — the rates above time a grader that is wrong: ${problems.length} result(s) differ from the lessons`);
      for (const problem of problems) console.log(`!!!   ${problem}`);
    } else {
      console.log(`every solution passed every rule at every --jobs; the starters (${starters.map((s) => s.lesson.folder).join(', ')}) failed exactly their starterFails`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function copies(root: string, lesson: Lesson, side: Expected['side'], count: number): Promise<Submission[]> {
  const made: Submission[] = [];
  for (let i = 1; i <= count; i += 1) {
    const student = `${lesson.folder.slice(0, 2)}-${side}-${i}`;
    const dir = join(root, student);
    await cp(join(REPO_ROOT, 'lessons', lesson.folder, side), dir, { recursive: true });
    made.push({ student, dir, lesson, side });
  }
  return made;
}

/** Milliseconds for bare checks of every submission, `jobs` at once, in workspaces prepared beforehand. */
async function bareClass(submissions: readonly Submission[], jobs: number, packages: string[], watchMs: number): Promise<number> {
  const workspaces = await Promise.all(submissions.map((s) => prepareWorkspace(s.dir, checkConfigFor(s.lesson), packages)));
  try {
    // Bare checks side by side share the host's ports: a start on a lesson's fixed default port
    // takes its turn, as the harness's own default-port start takes a lock on it.
    const exclusive = semaphore(1);
    const started = performance.now();
    await runPool(submissions, jobs, (s, i) => bareCheck(s.lesson, workspaces[i]!.dir, watchMs, { exclusive }));
    return performance.now() - started;
  } finally {
    await Promise.all(workspaces.map((w) => w.remove()));
  }
}

/** One run of the grade CLI over a manifest of `submissions`: its wall time and what its rows got wrong. */
async function gradeClass(root: string, submissions: readonly Submission[], jobs: number, scale: number): Promise<{ ms: number; problems: string[] }> {
  const manifest = join(root, `manifest-${submissions.length}-${jobs}.json`);
  await writeFile(manifest, JSON.stringify(submissions.map((s) => ({ student: s.student, path: s.dir, lesson: s.lesson.id }))));
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', GRADE_CLI, '--manifest', manifest, '--json', '--jobs', String(jobs), '--timeout-scale', String(scale)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const rows: JsonRow[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-2000)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const parsed = JSON.parse(line) as JsonRow | { summary: unknown };
    if (!('summary' in parsed)) rows.push(parsed);
  });
  const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('close', resolve)).finally(() => running.delete(child));
  const ms = performance.now() - started;
  // 0 all passed, 1 some rule failed: both are grading; anything else is the grader broken.
  if (code !== 0 && code !== 1) throw new Error(`grade --jobs ${jobs} exited with code ${code}: ${stderr.trim()}`);
  return { ms, problems: gradeProblems(rows, submissions) };
}

/** The deadline scale grade picks for `jobs` when nothing else runs (1-minute load 0). */
function idleScale(jobs: number): number {
  return effectiveTimeoutScale(undefined, jobs, availableParallelism(), 0);
}

function fail(message: string): never {
  throw new Error(message);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchGradeThroughput();
