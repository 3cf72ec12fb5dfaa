import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listeningPorts } from './listening-ports.ts';

// A child that listens on TCP and binds UDP, then prints both ports.
const SCRIPT = `
const tcp = require('node:net').createServer().listen(0, '127.0.0.1', () => {
  const udp = require('node:dgram').createSocket('udp4');
  udp.bind(0, '127.0.0.1', () => console.log(JSON.stringify({ tcp: tcp.address().port, udp: udp.address().port })));
});`;

describe.runIf(existsSync('/proc/net/tcp'))('listeningPorts', () => {
  it('reports the TCP listeners of the given processes, not their UDP sockets (the preview needs TCP)', async () => {
    const child = spawn(process.execPath, ['-e', SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const ports = await new Promise<{ tcp: number; udp: number }>((resolve) => child.stdout.once('data', (data) => resolve(JSON.parse(String(data)))));
      const found = await listeningPorts([child.pid!]);
      expect(found).toEqual(new Set([ports.tcp])); // and so not ports.udp
      expect(await listeningPorts([])).toEqual(new Set());
    } finally {
      child.kill('SIGKILL');
    }
  });
});
