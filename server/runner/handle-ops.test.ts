// File operations a learner program cannot trick: a FIFO in place of a file, a folder flipped
// into a symlink to outside while the runner writes. Real files, a real racing process.
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readText, writeFiles } from './file-ops.ts';
import { HANDLE_OPS } from './handle-ops.ts';
import { removeInside } from '../sandbox/remove-inside.ts';
import { sandboxStatus } from '../sandbox/sandbox.ts';

let root: string;
let outside: string;
beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'portside-handles-')));
  outside = await realpath(await mkdtemp(join(tmpdir(), 'portside-outside-')));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe.runIf(HANDLE_OPS)('file operations by handle', () => {
  it('refuses a FIFO in place of a file at once, for writing and for reading', async () => {
    execFileSync('mkfifo', [join(root, 'server.js')]);
    const started = Date.now();
    await expect(writeFiles(root, { 'server.js': 'x' })).rejects.toThrow(/not a regular file/);
    await expect(readText(root, 'server.js')).rejects.toThrow(/not a regular file/);
    expect(Date.now() - started).toBeLessThan(1000);
    // The next operation is not stuck behind it.
    await writeFiles(root, { 'other.js': 'fine' });
    expect(await readText(root, 'other.js')).toBe('fine');
  });

  it('refuses to read a file larger than a message', async () => {
    await writeFile(join(root, 'big.log'), Buffer.alloc(5 * 1024 * 1024, 120));
    await expect(readText(root, 'big.log')).rejects.toThrow(/"big.log" is too large to open here \(5\.0 MB/);
  });

  it('refuses a symlink at any step, checked on the handle rather than the name', async () => {
    await symlink(outside, join(root, 'src'));
    await expect(writeFiles(root, { 'src/app.js': 'x' })).rejects.toThrow(/Refused path/);
    await symlink(join(outside, 'target.txt'), join(root, 'link.txt'));
    await writeFile(join(outside, 'target.txt'), 'outside');
    await expect(writeFiles(root, { 'link.txt': 'x' })).rejects.toThrow(/Refused path/);
    expect(await readdir(outside)).toEqual(['target.txt']);
  });

  it('writes nothing outside while a racing process flips a folder into a symlink to outside', async () => {
    await mkdir(join(root, 'src'));
    // Flips src between a real folder and a symlink to `outside`, as fast as it can.
    const flipper = spawn(process.execPath, ['-e', `
      const fs = require('node:fs'); const src = ${JSON.stringify(join(root, 'src'))}; const away = ${JSON.stringify(join(root, 'away'))};
      for (;;) { try { fs.renameSync(src, away); fs.symlinkSync(${JSON.stringify(outside)}, src); fs.unlinkSync(src); fs.renameSync(away, src); } catch {} }`], { stdio: 'ignore' });
    try {
      let written = 0;
      for (let i = 0; i < 1000; i++) {
        await writeFiles(root, { [`src/f${i}.txt`]: 'x' }).then(() => written++, () => {});
      }
      expect(written).toBeGreaterThan(0); // the race really ran both ways
      expect(await readdir(outside)).toEqual([]);
    } finally {
      flipper.kill('SIGKILL');
    }
  });
});

describe('removal inside the sandbox', () => {
  it('cannot remove outside the workspace even when a symlink was swapped in after the check', async () => {
    const status = await sandboxStatus();
    if (status.kind !== 'bubblewrap') return; // the fallback removes by name, after confine()
    // Not under /tmp, which the sandbox replaces with an empty one: the folder must be visible there, read-only.
    const visible = await mkdtemp('/var/tmp/portside-outside-');
    try {
      await writeFile(join(visible, 'precious.txt'), 'keep');
      await symlink(visible, join(root, 'src')); // as if flipped between confine() and the removal
      await expect(removeInside(status.bwrap, root, join(root, 'src', 'precious.txt'))).rejects.toThrow(/Read-only file system/);
      expect(await readdir(visible)).toEqual(['precious.txt']);
    } finally {
      await rm(visible, { recursive: true, force: true });
    }
    await writeFile(join(root, 'mine.txt'), 'x');
    await removeInside(status.bwrap, root, join(root, 'mine.txt'));
    expect(await readdir(root)).toEqual(['src']);
  });
});
