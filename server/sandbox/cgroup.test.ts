// Hard limits from cgroups, against a real runner and real processes (as root, where the
// machine offers writable pids and memory controllers): a shell fork bomb never has more than
// 512 tasks in its group and is stopped with the process sentence, several programs of one
// session together hit its memory limit with the memory sentence, another tab keeps serving, and
// no `portside-*` group outlives a session, a server's SIGTERM or (after the sweep) its SIGKILL.
// Where cgroups are not offered the runner's own count still stops a run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HARNESS_COMMAND } from '../../probes/files.mjs';
import { FIXTURE_HTML, REPO_ROOT, startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { readAll } from '../../test-support/processes.ts';
import { connectRuntime, openRunnerAt, waitFor, type RuntimeProcess } from '../../test-support/runner-client.ts';
import { cgroupStatus, describeCgroupLimits, joinLeafCommand, resetCgroupProbe, type CgroupStatus } from './cgroup.ts';
import { spawnHarness, watchHarnessLimit } from './harness-spawn.ts';
import { LIMITS, SESSION_MEMORY_REACHED, TASK_LIMIT_REACHED, type Limit } from './limits.ts';
import { sandboxStatus } from './sandbox.ts';

const sandbox = await sandboxStatus();
const cgroups = cgroupStatus();
const offered = sandbox.kind === 'bubblewrap' && cgroups.kind === 'cgroup';

/** Every group folder of server `owner` in every hierarchy (none exist outside a test's sessions). */
function groupsOf(owner: number, status: CgroupStatus = cgroups): string[] {
  if (status.kind !== 'cgroup') return [];
  return status.hierarchies.flatMap(({ dir }) => readdirSync(dir).filter((name) => name.startsWith(`portside-${owner}-`)).map((name) => join(dir, name)));
}

/** The pids leaves (`run-<n>`) of this process's groups. */
function pidsLeaves(): string[] {
  if (cgroups.kind !== 'cgroup') return [];
  const pidsDir = cgroups.hierarchies.find((h) => h.pids)?.dir ?? '';
  return groupsOf(process.pid).filter((group) => group.startsWith(pidsDir)).flatMap((group) => readdirSync(group).filter((name) => name.startsWith('run-')).map((name) => join(group, name)));
}

function readNumber(file: string): number {
  try {
    return Number(readFileSync(file, 'utf8'));
  } catch {
    return 0; // removed meanwhile
  }
}

/** A process's output so far, read as it comes. */
function collect(child: RuntimeProcess): { text: () => string; ended: Promise<string> } {
  let text = '';
  const reader = child.output.getReader();
  const ended = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text;
      text += value;
    }
  })();
  return { text: () => text, ended };
}

it('joins the leaf in the command itself, before the sandbox starts', () => {
  const leaf = { procsFiles: ['/g/pids/run-1/cgroup.procs', '/g/memory/run-1/cgroup.procs'], tasksRefused: () => false, remove: async () => {} };
  const command = joinLeafCommand(leaf, '/usr/bin/bwrap', ['--unshare-pid', '--', 'node']);
  expect(command.file).toBe('/bin/sh');
  expect(command.args.slice(2)).toEqual(['portside-cgroup', ...leaf.procsFiles, '--', '/usr/bin/bwrap', '--unshare-pid', '--', 'node']);
  expect(command.args[1]).toMatch(/echo \$\$ > "\$1" \|\| exit 125.*exec "\$@"$/);
});

describe.runIf(offered)('cgroup limits against a real runner', () => {
  let playground: FixturePlayground;
  beforeAll(async () => void (playground = await startFixturePlayground()));
  afterAll(() => playground.close());
  afterEach(async () => {
    await waitFor(() => groupsOf(process.pid).length === 0 || undefined, 'every portside group of the test removed', 10_000);
  });

  it('says which limits apply', () => {
    expect(describeCgroupLimits(cgroups)).toBe(`cgroup pids ${LIMITS.tasks} per run, memory 2 GB per session`);
  });

  it('puts each Run in a leaf of the session\'s group and a Check in a group of its own', async () => {
    const runtime = await connectRuntime(playground);
    const printGroup = "import { readFileSync } from 'node:fs'; console.log(readFileSync('/proc/self/cgroup', 'utf8').match(/pids:(.*)/)[1])";
    await runtime.writeFiles({ [HARNESS_COMMAND.args[0] as string]: printGroup, 'group.mjs': printGroup });
    const groupOf = async (args: string[]) => (await readAll((await runtime.spawn('node', args)).output)).trim();
    const [run, otherRun, check] = [await groupOf(['group.mjs']), await groupOf(['group.mjs']), await groupOf(HARNESS_COMMAND.args)];
    const [, runGroup, runLeaf] = /^\/(portside-\d+-\d+)\/(run-\d+)$/.exec(run) ?? [];
    expect(runGroup).toMatch(new RegExp(`^portside-${process.pid}-`));
    expect(otherRun).toBe(`/${runGroup}/run-${Number(runLeaf?.slice(4)) + 1}`);
    expect(check).toMatch(/^\/portside-\d+-\d+\/run-1$/);
    expect(check.split('/')[1]).not.toBe(runGroup);
    await runtime.dispose();
  });

  it('stops a shell fork bomb with never more than 512 tasks in its group, while another tab keeps serving', async () => {
    const other = await connectRuntime(playground);
    const ticker = await other.spawn('node', ['-e', 'setInterval(() => console.log("tick"), 100)']);
    const ticks = readAll(ticker.output);
    const runtime = await connectRuntime(playground);
    // The shell stays (sleep), as a terminal would: when a sandbox's first process ends, so does the sandbox.
    const bomb = await runtime.spawn('sh', ['-c', 'f(){ f|f & }; f; sleep 60']);
    let most = 0;
    const sampler = setInterval(() => {
      for (const leaf of pidsLeaves()) most = Math.max(most, readNumber(join(leaf, 'pids.current')), readNumber(join(leaf, 'pids.peak')));
    }, 5);
    const [output, code] = await Promise.all([readAll(bomb.output), bomb.exit]);
    clearInterval(sampler);
    console.log(`fork bomb: at most ${most} tasks in its group`);
    expect(output).toContain(TASK_LIMIT_REACHED);
    expect(code).not.toBe(0);
    expect(most).toBeGreaterThan(400); // it did reach the limit...
    expect(most).toBeLessThanOrEqual(LIMITS.tasks); // ...and never passed it
    const echo = await other.spawn('node', ['-e', 'console.log("still here")']);
    expect(await readAll(echo.output)).toContain('still here');
    await ticker.kill();
    await ticker.exit;
    expect(await ticks).toContain('tick');
    await Promise.all([runtime.dispose(), other.dispose()]);
  }, 60_000);

  it('stops the largest of several programs that together outgrow the session\'s memory, saying so', async () => {
    const other = await connectRuntime(playground);
    const runtime = await connectRuntime(playground);
    // 4 × 600 MB in one session, where 2 GB is the session's: the kernel stops one, three fit.
    const hog = "globalThis.held = Buffer.alloc(600 * 1024 ** 2, 1); console.log('holding'); setInterval(() => {}, 1000)";
    const hogs: { child: RuntimeProcess; out: ReturnType<typeof collect> }[] = [];
    for (let i = 0; i < 4 && !hogs.some(({ out }) => out.text().includes(SESSION_MEMORY_REACHED)); i++) {
      const child = await runtime.spawn('node', ['-e', hog]);
      const out = collect(child);
      hogs.push({ child, out });
      await waitFor(() => out.text().includes('holding') || out.text().includes(SESSION_MEMORY_REACHED) || undefined, `hog ${i + 1} holding its memory or stopped`, 20_000);
    }
    const [killed] = await Promise.race(hogs.map(({ child }, i) => child.exit.then((code) => [i, code] as const)));
    const stopped = hogs[killed];
    console.log(`memory: hog ${killed + 1} of ${hogs.length} stopped`);
    expect(await stopped?.out.ended).toContain(SESSION_MEMORY_REACHED);
    expect(await stopped?.child.exit).toBe(128 + 9); // SIGKILL, by the kernel's OOM killer
    // Another tab is not limited by this session's memory.
    const echo = await other.spawn('node', ['-e', 'globalThis.held = Buffer.alloc(600 * 1024 ** 2, 1); console.log("still here")']);
    expect(await readAll(echo.output)).toContain('still here');
    await Promise.all([runtime.dispose(), other.dispose()]);
  }, 90_000);
});

describe.runIf(offered)('a graded submission\'s group', () => {
  it('tells grade a submission whose processes together outgrew its memory, and removes the group', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'portside-cgroup-grade-'));
    try {
      // Four children of 600 MB where the submission may hold 2 GB: it ends once the kernel stopped one.
      const hog = "globalThis.held = Buffer.alloc(600 * 1024 ** 2, 1); setInterval(() => {}, 1000)";
      await writeFile(join(workspace, 'hogs.mjs'), `import { spawn } from 'node:child_process';
        for (let i = 0; i < 4; i++) spawn(process.execPath, ['-e', ${JSON.stringify(hog)}], { stdio: 'ignore' }).on('exit', (code, signal) => signal === 'SIGKILL' && process.exit(0));
        setTimeout(() => process.exit(1), 30_000);`);
      const child = await spawnHarness(workspace, ['hogs.mjs'], {});
      let hit: Limit | null = null;
      await watchHarnessLimit(child, (limit) => (hit ??= limit));
      child.stdout.resume();
      child.stderr.resume();
      const code = await new Promise((resolve) => child.once('close', resolve));
      expect(code).toBe(0);
      expect(hit).toBe('memory');
      await waitFor(() => groupsOf(process.pid).length === 0 || undefined, 'the submission\'s group removed', 10_000);
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  }, 60_000);
});

describe.runIf(offered)('groups of a server that is stopped', () => {
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'portside-cgroup-dist-'));
    await writeFile(join(dist, 'index.html'), FIXTURE_HTML);
  });
  afterAll(() => rm(dist, { recursive: true, force: true }));

  /** `npm start` with one session running `sleep 60`, once its group exists. */
  async function serverWithARun() {
    const main = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: REPO_ROOT, env: { ...process.env, PORTSIDE_DIST: dist, HOST: '127.0.0.1', PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    main.stdout.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => main.once('exit', resolve));
    const url = await waitFor(() => /running at (http:\/\/\S+)/.exec(output)?.[1], 'npm start to print its URL');
    expect(output).toContain(`Limits: ${describeCgroupLimits(cgroups)}`);
    const { socket } = await openRunnerAt(url);
    socket.send(JSON.stringify({ op: 'spawn', id: 1, command: 'sleep', args: ['60'] }));
    const pid = main.pid as number;
    await waitFor(() => groupsOf(pid).some((group) => existsSync(join(group, 'run-1'))) || undefined, 'the run\'s group');
    return { main, pid, exited };
  }

  it('removes every group when the server is stopped with SIGTERM', async () => {
    const { main, pid, exited } = await serverWithARun();
    main.kill('SIGTERM');
    await exited;
    expect(groupsOf(pid)).toEqual([]);
  }, 60_000);

  it('sweeps the groups of a server that was killed, at the next start', async () => {
    const { main, pid, exited } = await serverWithARun();
    main.kill('SIGKILL');
    await exited;
    // Its groups outlive it (serverWithARun saw them) until a start sweeps them: this probe, here.
    // (Another test's start may sweep them first: the same code.)
    resetCgroupProbe();
    expect(cgroupStatus().kind).toBe('cgroup');
    expect(groupsOf(pid)).toEqual([]);
  }, 60_000);
});

describe.runIf(sandbox.kind === 'bubblewrap')('where cgroups are not offered', () => {
  let playground: FixturePlayground;
  let emptyRoot: string;
  beforeAll(async () => {
    emptyRoot = await mkdtemp(join(tmpdir(), 'portside-no-cgroups-'));
    mkdirSync(join(emptyRoot, 'pids'));
    process.env.PORTSIDE_CGROUP_ROOT = emptyRoot;
    resetCgroupProbe();
    playground = await startFixturePlayground();
  });
  afterAll(async () => {
    await playground.close();
    delete process.env.PORTSIDE_CGROUP_ROOT;
    resetCgroupProbe();
    await rm(emptyRoot, { recursive: true, force: true });
  });

  it('stops a run by the runner\'s own count, and makes no group', async () => {
    const status = cgroupStatus();
    expect(status.kind).toBe('none');
    expect(describeCgroupLimits(status)).toMatch(/^no cgroup limits \(/);
    const runtime = await connectRuntime(playground);
    const bomb = await runtime.spawn('sh', ['-c', 'while :; do sleep 60 & done']);
    const [output, code] = await Promise.all([readAll(bomb.output), bomb.exit]);
    expect(output).toContain(TASK_LIMIT_REACHED);
    expect(code).not.toBe(0);
    expect(readdirSync(join(emptyRoot, 'pids'))).toEqual([]);
    await runtime.dispose();
  }, 60_000);
});
