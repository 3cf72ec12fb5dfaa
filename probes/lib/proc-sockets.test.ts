import { createServer } from 'node:net';
import { createSocket } from 'node:dgram';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSocketTable, readListeningSockets, readListeningSocketsSync, socketInodes, socketInodesSync } from './proc-sockets.mjs';

const HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
const row = (local: string, remote: string, state: string, inode: string) =>
  `   0: ${local} ${remote} ${state} 00000000:00000000 00:00000000 00000000  1000        0 ${inode} 1 0000000000000000 100 0 0 10 0`;
const ZERO6 = '00000000000000000000000000000000';

describe('parseSocketTable', () => {
  it.each([
    { what: 'a TCP listener on 127.0.0.1', table: { protocol: 'tcp', family: 4 }, line: row('0100007F:1F40', '00000000:0000', '0A', '12345'), expected: [{ protocol: 'tcp', family: 4, address: '127.0.0.1', port: 8000, inode: '12345' }] },
    { what: 'a TCP connection (not listening)', table: { protocol: 'tcp', family: 4 }, line: row('0100007F:A391', '0100007F:D2F0', '01', '123457'), expected: [] },
    { what: 'a TCP listener on ::', table: { protocol: 'tcp', family: 6 }, line: row(`${ZERO6}:1F90`, `${ZERO6}:0000`, '0A', '777'), expected: [{ protocol: 'tcp', family: 6, address: '::', port: 8080, inode: '777' }] },
    { what: 'a TCP listener on ::1', table: { protocol: 'tcp', family: 6 }, line: row('00000000000000000000000001000000:0050', `${ZERO6}:0000`, '0A', '9'), expected: [{ protocol: 'tcp', family: 6, address: '::1', port: 80, inode: '9' }] },
    { what: 'a TCP listener on ::ffff:127.0.0.1 (IPv4-mapped)', table: { protocol: 'tcp', family: 6 }, line: row('0000000000000000FFFF00000100007F:1F90', `${ZERO6}:0000`, '0A', '10'), expected: [{ protocol: 'tcp', family: 6, address: '0:0:0:0:0:ffff:7f00:1', port: 8080, inode: '10' }] },
    { what: 'a bound UDP socket (UNCONN)', table: { protocol: 'udp', family: 4 }, line: row('00000000:14E9', '00000000:0000', '07', '55'), expected: [{ protocol: 'udp', family: 4, address: '0.0.0.0', port: 5353, inode: '55' }] },
    { what: 'an unconnected UDP socket on IPv6', table: { protocol: 'udp', family: 6 }, line: row(`${ZERO6}:0035`, `${ZERO6}:0000`, '07', '56'), expected: [{ protocol: 'udp', family: 6, address: '::', port: 53, inode: '56' }] },
    { what: 'a connected UDP socket (a client, such as a DNS lookup)', table: { protocol: 'udp', family: 4 }, line: row('0100007F:D431', '0100007F:0035', '01', '58'), expected: [] },
    { what: 'a UDP socket without a local port', table: { protocol: 'udp', family: 4 }, line: row('00000000:0000', '00000000:0000', '07', '57'), expected: [] },
    { what: 'a truncated line', table: { protocol: 'tcp', family: 4 }, line: '   0: 0100007F:1F40 00000000:0000 0A', expected: [] },
  ] as const)('$what', ({ table, line, expected }) => {
    expect(parseSocketTable(`${HEADER}\n${line}\n`, table)).toEqual(expected);
  });

  it('skips the header line', () => {
    expect(parseSocketTable(HEADER, { protocol: 'udp', family: 4 })).toEqual([]);
  });
});

describe.runIf(existsSync('/proc/net/tcp'))('reading /proc', () => {
  it('finds this process listening on TCP and bound on UDP, with the inodes it holds', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const udp = createSocket('udp6');
    await new Promise<void>((resolve) => udp.bind(0, '::1', resolve));
    try {
      const tcpPort = (server.address() as { port: number }).port;
      const udpPort = udp.address().port;
      const inodes = new Set(socketInodesSync(process.pid));
      expect(new Set(await socketInodes(process.pid))).toEqual(inodes);
      const ours = (await readListeningSockets()).filter((s) => inodes.has(s.inode));
      expect(ours).toEqual(expect.arrayContaining([
        expect.objectContaining({ protocol: 'tcp', family: 4, address: '127.0.0.1', port: tcpPort }),
        expect.objectContaining({ protocol: 'udp', family: 6, address: '::1', port: udpPort }),
      ]));
      const tcpOnly = readListeningSocketsSync(['tcp']).filter((s) => inodes.has(s.inode));
      expect(tcpOnly.map((s) => s.port)).toContain(tcpPort);
      expect(tcpOnly.every((s) => s.protocol === 'tcp')).toBe(true);
    } finally {
      server.close();
      udp.close();
    }
  });
});
