// What a hostile submission graded with `npm run grade` gets: not the teacher's environment, no
// write outside its copy, no network beyond its own loopback.
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnHarness } from './harness-spawn.ts';
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
