/**
 * How long Check takes on the host, per lesson, against the lesson's bare baseline: a plain
 * script that starts the solution, waits until it accepts a connection, makes one request, stops
 * it. The check goes through checkFolder, the same path as `npm run grade` (copy, harness, every
 * rule). Target: a whole lesson's check under 2 s. Run alone with `npx tsx bench/check.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkConfigFor } from '../probes/check-config.mjs';
import { parseCommand, spawnArgs } from '../probes/lib/command.mjs';
import { checkFolder } from '../server/grade/check-folder.ts';
import { REPO_ROOT } from '../server/grade/probe-files.ts';
import { prepareWorkspace } from '../server/grade/workspace.ts';
import { loadLessons, type Lesson } from '../server/lessons/load.ts';
import { lessonPackages } from '../server/lessons/packages.ts';
import { freePort } from './bare-start.ts';
import { median } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 2000;
/** Bare servers still running; killed on exit too, so an interrupted bench leaves none behind. */
const running = new Set<ChildProcess>();
process.on('exit', () => running.forEach((child) => killGroup(child)));

export async function benchCheck(): Promise<void> {
  const lessons = await loadLessons(join(REPO_ROOT, 'lessons'));
  const packages = lessonPackages(lessons);
  console.log(`Check time per lesson solution (median of ${RUNS}), against a bare start → connect → request → stop`);
  console.log(`${'lesson'.padEnd(36)} ${'rules'.padStart(5)} ${'baseline'.padStart(9)} ${'check'.padStart(8)} ${'ratio'.padStart(6)}  target < ${TARGET_MS / 1000} s`);
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
    const mark = check < TARGET_MS ? 'PASS' : 'MISS';
    console.log(`${lesson.folder.padEnd(36)} ${String(lesson.rules.length).padStart(5)} ${ms(baseline).padStart(9)} ${ms(check).padStart(8)} ${(check / baseline).toFixed(1).padStart(5)}×  ${mark}`);
  }
}

/** Median time for the plain script, in the same prepared workspace the check uses. */
async function baselineMs(lesson: Lesson, solution: string, packages: string[]): Promise<number> {
  const workspace = await prepareWorkspace(solution, checkConfigFor(lesson), packages);
  try {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) times.push(await bareRun(lesson, workspace.dir, await freePort()));
    return median(times);
  } finally {
    await workspace.remove();
  }
}

async function bareRun(lesson: Lesson, cwd: string, port: number): Promise<number> {
  const started = performance.now();
  const { file, args } = spawnArgs(parseCommand(lesson.command), lesson.command);
  const env: Record<string, string | undefined> = { ...process.env, PORT: String(port) };
  if (lesson.probe.upstreamEnv) env[lesson.probe.upstreamEnv] = 'http://127.0.0.1:9'; // nothing there; one request is enough
  const child = spawn(file === 'node' ? process.execPath : file, args, { cwd, env, detached: true, stdio: 'ignore' });
  running.add(child);
  const exited = new Promise<void>((resolve, reject) => {
    child.once('exit', () => resolve());
    child.once('error', reject);
  });
  try {
    await Promise.race([waitForConnect(port), exited.then(() => Promise.reject(new Error(`${lesson.command} exited before it listened`)))]);
    if (lesson.probe.protocol === 'redis') await tcpExchange(port, '*1\r\n$4\r\nPING\r\n');
    else await httpGet(port, lesson.probe.path);
  } finally {
    killGroup(child);
    await exited.catch(() => {});
    running.delete(child);
  }
  return performance.now() - started;
}

/** Polls with backoff until something accepts a connection on the port. */
async function waitForConnect(port: number): Promise<void> {
  for (let delay = 5; !(await canConnect(port)); delay = Math.min(50, delay * 1.5)) {
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** One GET that must answer 2xx, or the baseline would time something other than a working server. */
function httpGet(port: number, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      res.resume().on('end', () => (status >= 200 && status < 300 ? resolve() : reject(new Error(`GET ${path} answered ${status}`))));
    })
      .once('error', reject)
      .end();
  });
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

function tcpExchange(port: number, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(data));
    socket.once('data', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchCheck();
