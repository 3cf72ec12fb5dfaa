/**
 * Where exactly a session's server listens on a port, so the preview proxy dials that socket and
 * no other. "Something of the session listens on port S" is not enough: a learner on [::1]:S
 * while another program (or Portside itself) owns 127.0.0.1:S would otherwise get the preview
 * of that other program — or the runner proxying into itself until it runs out of descriptors.
 *
 * Linux: LISTEN sockets from /proc/net/tcp{,6} matched by inode against the session's
 * /proc/<pid>/fd (sandboxed Run processes share the host network, so they are in these tables).
 */
import { readdir, readFile, readlink } from 'node:fs/promises';

export interface BoundAddress {
  /** The address to dial: the bound one, with a wildcard replaced by the loopback of its family. */
  host: string;
  port: number;
}

export async function boundAddresses(pids: readonly number[], port: number): Promise<BoundAddress[]> {
  // Elsewhere (macOS: lsof) the address is not read yet: both loopbacks, IPv4 first, as before.
  if (process.platform !== 'linux') return [{ host: '127.0.0.1', port }, { host: '::1', port }];
  const [v4, v6] = await Promise.all(['/proc/net/tcp', '/proc/net/tcp6'].map((file) => readFile(file, 'utf8').catch(() => '')));
  const byInode = new Map([...listeningOn(v4 ?? '', port, 4), ...listeningOn(v6 ?? '', port, 6)]);
  if (byInode.size === 0) return [];
  const found = new Set<string>();
  await Promise.all(
    pids.map(async (pid) => {
      const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
      for (const fd of fds) {
        const inode = /^socket:\[(\d+)\]$/.exec(await readlink(`/proc/${pid}/fd/${fd}`).catch(() => ''))?.[1];
        const host = inode === undefined ? undefined : byInode.get(inode);
        if (host !== undefined) found.add(host);
      }
    }),
  );
  return [...found].sort().map((host) => ({ host, port }));
}

/** inode → dialable host for LISTEN sockets on `port` in /proc/net/tcp-format text. */
export function listeningOn(text: string, port: number, family: 4 | 6): Map<string, string> {
  const result = new Map<string, string>();
  for (const line of text.split('\n')) {
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
    const fields = line.trim().split(/\s+/);
    const [hex, portHex] = (fields[1] ?? '').split(':');
    if (fields[3] !== '0A' || !hex || !fields[9] || Number.parseInt(portHex ?? '', 16) !== port) continue;
    result.set(fields[9], dialable(family === 4 ? ipv4(hex) : ipv6(hex)));
  }
  return result;
}

/** The kernel prints each 32-bit word in host (little-endian) byte order. */
function words(hex: string): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < hex.length; i += 8) {
    const word = hex.slice(i, i + 8);
    out.push([6, 4, 2, 0].map((at) => Number.parseInt(word.slice(at, at + 2), 16)));
  }
  return out;
}

function ipv4(hex: string): string {
  return (words(hex)[0] ?? []).join('.');
}

function ipv6(hex: string): string {
  const bytes = words(hex).flat();
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12).join('.'); // ::ffff:a.b.c.d
  const groups = Array.from({ length: 8 }, (_, i) => (((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0)).toString(16));
  const text = groups.join(':'); // uncompressed: net.connect takes it as it is
  return text === '0:0:0:0:0:0:0:0' ? '::' : text === '0:0:0:0:0:0:0:1' ? '::1' : text;
}

function dialable(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '::1';
  return host;
}
