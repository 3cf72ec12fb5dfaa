/**
 * Which TCP ports a set of processes is listening on, whatever language they are written in.
 * Linux: LISTEN sockets from /proc/net/tcp{,6} matched by inode against /proc/<pid>/fd.
 * Elsewhere: lsof.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, readlink } from 'node:fs/promises';

export async function listeningPorts(pids: readonly number[]): Promise<Set<number>> {
  if (pids.length === 0) return new Set();
  return process.platform === 'linux' ? fromProc(pids) : fromLsof(pids);
}

async function fromProc(pids: readonly number[]): Promise<Set<number>> {
  const tables = await Promise.all(['/proc/net/tcp', '/proc/net/tcp6'].map((file) => readFile(file, 'utf8').catch(() => '')));
  const portByInode = listeningInodes(tables.join('\n'));
  const ports = new Set<number>();
  if (portByInode.size === 0) return ports;
  await Promise.all(
    pids.map(async (pid) => {
      const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
      const links = await Promise.all(fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')));
      for (const link of links) {
        const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
        const port = inode === undefined ? undefined : portByInode.get(inode);
        if (port !== undefined) ports.add(port);
      }
    }),
  );
  return ports;
}

/** Socket inode → local port for every socket in state 0A (LISTEN) in /proc/net/tcp-format text. */
export function listeningInodes(text: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const line of text.split('\n')) {
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
    const fields = line.trim().split(/\s+/);
    if (fields[3] !== '0A' || !fields[1] || !fields[9]) continue;
    const port = Number.parseInt(fields[1].split(':')[1] ?? '', 16);
    if (Number.isInteger(port)) result.set(fields[9], port);
  }
  return result;
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
