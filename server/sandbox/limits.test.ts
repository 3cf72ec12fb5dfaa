// Limits per run, against a real runner: a fork bomb is stopped with a message that names the
// limit while another tab keeps running; a program that outgrows its memory is told so.
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { readAll } from '../../test-support/processes.ts';
import { connectRuntime } from '../../test-support/runner-client.ts';
import { atTaskLimit, limitInOutput, LIMITS, prlimitArgs } from './limits.ts';
import { bubblewrapArgs, sandboxStatus } from './sandbox.ts';

describe('limit arguments', () => {
  it('runs the command under prlimit inside bwrap, in a user namespace of its own', () => {
    const args = bubblewrapArgs({ file: 'node', args: ['a.js'], workspace: '/tmp/w', network: 'host', prlimit: '/usr/bin/prlimit' });
    expect(args).toContain('--unshare-user');
    expect(args.slice(args.indexOf('--'))).toEqual(['--', ...prlimitArgs('/usr/bin/prlimit'), 'node', 'a.js']);
    expect(prlimitArgs('p')).toEqual(['p', `--nproc=${LIMITS.tasks}`, `--data=${LIMITS.dataBytes}`, '--']);
    const unlimited = bubblewrapArgs({ file: 'node', args: [], workspace: '/tmp/w', network: 'host' });
    expect(unlimited).not.toContain('/usr/bin/prlimit');
    expect(unlimited).not.toContain('--unshare-user');
  });

  it.each([
    ['FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', 'memory'],
    ['Fatal process out of memory: Zone', 'memory'],
    ['MemoryError', 'memory'],
    ['RangeError: Array buffer allocation failed', 'memory'],
    ['bash: fork: retry: Resource temporarily unavailable', 'tasks'],
    ['Error: spawn EAGAIN', 'tasks'],
    ['Error: spawn sleep EAGAIN', 'tasks'],
    // A fork in a sandbox being torn down gets ENOMEM: neither limit was hit.
    ['environment: fork: Cannot allocate memory', null],
    ['listening on 3000', null],
  ])('reads %j as the limit %s', (text, expected) => expect(limitInOutput(text)).toBe(expected));

  it('counts a tree near its task limit as at it', () => {
    expect(atTaskLimit(LIMITS.tasks)).toBe(true);
    expect(atTaskLimit(LIMITS.tasks - 10)).toBe(true);
    expect(atTaskLimit(100)).toBe(false);
  });
});

const status = await sandboxStatus();
const limited = status.kind === 'bubblewrap' && status.prlimit !== null;

/** Root is exempt from RLIMIT_NPROC; as root, a user other than root shows what the kernel does for a learner. */
const asOtherUser = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;

describe.runIf(limited && asOtherUser && status.kind === 'bubblewrap' && status.prlimit)('the kernel\'s process limit, for a user other than root', () => {
  it('refuses forks past the limit inside one sandbox, and the output names it', async () => {
    if (status.kind !== 'bubblewrap' || !status.prlimit) return;
    const workspace = await mkdtemp(join(tmpdir(), 'portside-nproc-'));
    await chmod(workspace, 0o777);
    try {
      // 600 sleeps (one task each) where the sandbox may hold 512 tasks, node's own threads included.
      const script = "const cp = require('child_process'); let ok = 0; let refused = ''; for (let i = 0; i < 600; i++) { const c = cp.spawn('sleep', ['30']); c.on('spawn', () => ok++); c.on('error', (e) => (refused ||= e.message)); } setTimeout(() => { console.log(ok, refused); process.exit(0); }, 3000);";
      const args = bubblewrapArgs({ file: 'node', args: ['-e', script], workspace, network: 'loopback-only', prlimit: status.prlimit });
      const run = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', status.bwrap, ...args], { encoding: 'utf8', timeout: 20_000 });
      const [started = '', ...why] = run.stdout.trim().split(' ');
      expect(Number(started)).toBeGreaterThan(400);
      expect(Number(started)).toBeLessThan(LIMITS.tasks);
      expect(limitInOutput(why.join(' '))).toBe('tasks');
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  }, 30_000);
});

describe.runIf(limited)('limits against a real runner', () => {
  let playground: FixturePlayground;
  beforeAll(async () => void (playground = await startFixturePlayground()));
  afterAll(() => playground.close());

  it('stops a fork bomb with a message naming the process limit, while another tab keeps serving', async () => {
    const other = await connectRuntime(playground);
    const ticker = await other.spawn('node', ['-e', 'setInterval(() => console.log("tick"), 100)']);
    const otherOutput = readAll(ticker.output);
    const runtime = await connectRuntime(playground);
    const bomb = await runtime.spawn('node', ['-e', "for(;;) require('child_process').spawn(process.execPath,['-e','setInterval(()=>{},1e3)'])"]);
    const [output, code] = await Promise.all([readAll(bomb.output), bomb.exit]);
    expect(output).toContain(`reached its limit of ${LIMITS.tasks} processes and threads`);
    expect(code).not.toBe(0);
    // The other tab still runs and answers.
    const echo = await other.spawn('node', ['-e', 'console.log("still here")']);
    expect(await readAll(echo.output)).toContain('still here');
    await ticker.kill();
    await ticker.exit;
    expect(await otherOutput).toContain('tick');
    await Promise.all([runtime.dispose(), other.dispose()]);
  }, 30_000);

  it('tells a program that outgrew its memory which limit it hit', async () => {
    const runtime = await connectRuntime(playground);
    const hog = await runtime.spawn('node', ['-e', 'const a = []; for (;;) a.push(Buffer.alloc(64 * 1024 * 1024, 1))']);
    const [output, code] = await Promise.all([readAll(hog.output), hog.exit]);
    expect(code).not.toBe(0);
    expect(output).toContain('ran out of memory: each process may use 2 GB');
    await runtime.dispose();
  }, 30_000);
});
