/**
 * Which TCP ports a set of processes is listening on, whatever language they are written in.
 * Linux: LISTEN sockets from /proc/net/tcp{,6} matched by inode against /proc/<pid>/fd
 * (probes/lib/proc-sockets.mjs, the reader the check harness uses too).
 * Elsewhere: lsof.
 */
import { execFile } from 'node:child_process';
import { readListeningSockets, socketInodes } from '../../../probes/lib/proc-sockets.mjs';

export async function listeningPorts(pids: readonly number[]): Promise<Set<number>> {
  if (pids.length === 0) return new Set();
  return process.platform === 'linux' ? fromProc(pids) : fromLsof(pids);
}

async function fromProc(pids: readonly number[]): Promise<Set<number>> {
  // TCP only: the preview shows servers a browser can connect to.
  const portByInode = new Map((await readListeningSockets(['tcp'])).map((socket) => [socket.inode, socket.port]));
  const ports = new Set<number>();
  if (portByInode.size === 0) return ports;
  const inodes = await Promise.all(pids.map(socketInodes));
  for (const inode of inodes.flat()) {
    const port = portByInode.get(inode);
    if (port !== undefined) ports.add(port);
  }
  return ports;
}

function fromLsof(pids: readonly number[]): Promise<Set<number>> {
  return new Promise((resolve) => {
    execFile('lsof', ['-nP', '-a', '-iTCP', '-sTCP:LISTEN', '-F', 'pn', '-p', pids.join(',')], (_error, stdout) => {
      resolve(parseLsof(stdout ?? ''));
    });
  });
}

/** Ports in `lsof -F pn` output: lines like `p1234` and `n127.0.0.1:41873` or `n*:8080`. */
export function parseLsof(output: string): Set<number> {
  const ports = new Set<number>();
  for (const line of output.split('\n')) {
    const port = /^n.*:(\d+)$/.exec(line.trim())?.[1];
    if (port) ports.add(Number(port));
  }
  return ports;
}
