import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { groupListeners, parseTcpTable } from './proc-listeners.mjs';

describe('listening sockets from /proc', () => {
  test('parses /proc/net/tcp and tcp6 lines', () => {
    const tcp = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1F40 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 12345 1 0000000000000000 100 0 0 10 0`;
    expect(parseTcpTable(tcp, false)).toEqual([{ address: '127.0.0.1', port: 8000, state: '0A', inode: '12345' }]);
    const tcp6 = `  sl  local_address                         remote_address                        st
   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 777 1`;
    expect(parseTcpTable(tcp6, true)).toEqual([{ address: '::', port: 8080, state: '0A', inode: '777' }]);
  });

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
