// What a hostile submission graded with `npm run grade` gets: not the teacher's environment, no
// write outside its copy, no network beyond its own loopback.
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxWarning, spawnHarness, watchHarnessLimit } from './harness-spawn.ts';
import { LIMITS } from './limits.ts';
import { sandboxStatus } from './sandbox.ts';

let workspace: string;
beforeAll(async () => void (workspace = await realpath(await mkdtemp(join(tmpdir(), 'portside-grade-')))));
afterAll(() => rm(workspace, { recursive: true, force: true }));

describe('the grade harness spawn', () => {
  it('gives a submission a clean environment, its own HOME and TMPDIR, and (sandboxed) no way out', async () => {
    const teacher = createServer((socket) => socket.end('secret service')).listen(0, '127.0.0.1');
    await new Promise((resolve) => teacher.once('listening', resolve));
    const teacherPort = (teacher.address() as AddressInfo).port;
    process.env.TEACHER_API_KEY = 'do-not-leak';
    const script = `import fs from 'node:fs'; import net from 'node:net'; import os from 'node:os';
      const write = (p) => { try { fs.writeFileSync(p, 'x'); return 'written'; } catch (e) { return e.code; } };
      const reach = await new Promise((done) => net.connect(${teacherPort}, '127.0.0.1').on('connect', () => done('reached')).on('error', (e) => done(e.code)));
      console.log(JSON.stringify({ key: process.env.TEACHER_API_KEY ?? null, home: process.env.HOME, tmp: os.tmpdir(), outside: write(${JSON.stringify(join(homedir(), '.portside-grade-escape'))}), reach }));`;
    await writeFile(join(workspace, 'probe.mjs'), script);
    try {
      const child = await spawnHarness(workspace, ['probe.mjs'], { EXTRA: '1' });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      await new Promise((resolve) => child.once('close', resolve));
      const seen = JSON.parse(out) as Record<string, string | null>;
      expect(seen.key).toBeNull();
      expect(seen.home).toBe(workspace);
      expect(seen.tmp).toBe(join(workspace, '.tmp'));
      if ((await sandboxStatus()).kind === 'bubblewrap') {
        expect(seen.outside).toBe('EROFS');
        expect(seen.reach).toBe('ECONNREFUSED');
      }
    } finally {
      delete process.env.TEACHER_API_KEY;
      teacher.close();
      await rm(join(homedir(), '.portside-grade-escape'), { force: true });
    }
  });
});

const status = await sandboxStatus();

describe('the grade harness and its limits', () => {
  it('warns once in grade output when there is no sandbox or no limits, and stays quiet otherwise', () => {
    expect(sandboxWarning({ kind: 'bubblewrap', bwrap: '/usr/bin/bwrap', prlimit: '/usr/bin/prlimit' })).toBeNull();
    expect(sandboxWarning({ kind: 'bubblewrap', bwrap: '/usr/bin/bwrap', prlimit: null, noLimits: 'util-linux prlimit is not installed' })).toContain(
      'No process or memory limits (util-linux prlimit is not installed)',
    );
    expect(sandboxWarning({ kind: 'process-groups', reason: 'PORTSIDE_SANDBOX=off' })).toContain('Sandbox: not available (PORTSIDE_SANDBOX=off)');
  });

  it.runIf(status.kind === 'bubblewrap' && status.prlimit)('stops a submission that starts processes without end, saying which limit it reached', async () => {
    // sleeps, not node processes: the count is reached without costing this machine gigabytes.
    await writeFile(join(workspace, 'bomb.mjs'), "import { spawn } from 'node:child_process'; setInterval(() => { for (let i = 0; i < 20; i++) spawn('sleep', ['60']).on('error', () => {}); }, 5);");
    const child = await spawnHarness(workspace, ['bomb.mjs'], {});
    let reached = false;
    await watchHarnessLimit(child, (limit) => (reached = limit === 'tasks'));
    const started = Date.now();
    await new Promise((resolve) => child.once('close', resolve));
    expect(reached).toBe(true);
    // 512 tasks are reached within a second or two; the count runs every 500 ms. Margin for a loaded machine.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(LIMITS.tasks).toBe(512);
  }, 30_000);
});
