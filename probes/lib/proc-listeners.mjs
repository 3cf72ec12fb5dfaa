// Listening TCP sockets of a process group, read from /proc (Linux only). The observer sees
// node's listen() calls; for anything else (python3 server.py) this is how a check can still
// say "it listened on 8000, not on PORT" instead of waiting out the timeout.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const LISTEN = '0A';

/** @returns {{ pid: number, address: string, port: number }[] | null} null where /proc is unavailable */
export function groupListeners(pgid) {
  let pids;
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return null;
  }
  const inodes = new Map();
  for (const pid of pids) {
    if (groupOf(pid) !== pgid) continue;
    let fds;
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match) inodes.set(match[1], pid);
      } catch {
        // Closed meanwhile.
      }
    }
  }
  if (inodes.size === 0) return [];
  return [...readTable('/proc/net/tcp', false), ...readTable('/proc/net/tcp6', true)]
    .filter((row) => row.state === LISTEN && inodes.has(row.inode))
    .map((row) => ({ pid: inodes.get(row.inode), address: row.address, port: row.port }));
}

function groupOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return -1;
  }
}

/** Parses /proc/net/tcp{,6}: local address, state and inode of every socket. */
export function parseTcpTable(text, ipv6) {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length > 9)
    .map((cols) => {
      const [hexAddress, hexPort] = cols[1].split(':');
      return { address: ipv6 ? ipv6Address(hexAddress) : ipv4Address(hexAddress), port: parseInt(hexPort, 16), state: cols[3], inode: cols[9] };
    });
}

function readTable(path, ipv6) {
  try {
    return parseTcpTable(readFileSync(path, 'utf8'), ipv6);
  } catch {
    return [];
  }
}

/** /proc prints IPv4 addresses as little-endian hex: 0100007F is 127.0.0.1. */
function ipv4Address(hex) {
  return [6, 4, 2, 0].map((i) => parseInt(hex.slice(i, i + 2), 16)).join('.');
}

/** IPv6 as four little-endian 32-bit words; only the forms a check needs are named. */
function ipv6Address(hex) {
  if (/^0{32}$/.test(hex)) return '::';
  if (hex === '00000000000000000000000001000000') return '::1';
  const words = [0, 8, 16, 24].map((i) => hex.slice(i, i + 8).match(/../g).reverse().join(''));
  const groups = words.flatMap((w) => [w.slice(0, 4), w.slice(4)]).map((g) => parseInt(g, 16).toString(16));
  return groups.join(':');
}
