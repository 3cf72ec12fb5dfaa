import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { groupListeners } from './proc-listeners.mjs';

describe('listening sockets from /proc', () => {
  test.runIf(existsSync('/proc/net/tcp'))('finds what a process group listens on, without any observer', async () => {
    const script = "require('net').createServer().listen(0, '127.0.0.1', function () { console.log(this.address().port); });";
    const child = spawn(process.execPath, ['-e', script], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const port = await new Promise<number>((resolve) => child.stdout.once('data', (data) => resolve(Number(String(data)))));
      expect(groupListeners(child.pid!)).toEqual([{ pid: child.pid, address: '127.0.0.1', port }]);
    } finally {
      process.kill(-child.pid!, 'SIGKILL');
    }
  });
});
