/**
 * Where exactly a session's server listens on a port, so the preview proxy dials that socket and
 * no other. "Something of the session listens on port S" is not enough: a learner on [::1]:S
 * while another program (or Portside itself) owns 127.0.0.1:S would otherwise get the preview
 * of that other program — or the runner proxying into itself until it runs out of descriptors.
 *
 * Linux: TCP listeners from the one socket-table reader (probes/lib/proc-sockets.mjs), matched
 * by inode against the session's open sockets (sandboxed Run processes share the host network,
 * so they are in these tables).
 */
import { readListeningSockets, socketInodes, type ListeningSocket } from '../../probes/lib/proc-sockets.mjs';

export interface BoundAddress {
  /** The address to dial: the bound one, with a wildcard replaced by the loopback of its family. */
  host: string;
  port: number;
}

export async function boundAddresses(pids: readonly number[], port: number): Promise<BoundAddress[]> {
  // Elsewhere (macOS: lsof) the address is not read yet: both loopbacks, IPv4 first, as before.
  if (process.platform !== 'linux') return [{ host: '127.0.0.1', port }, { host: '::1', port }];
  const held = new Set((await Promise.all(pids.map(socketInodes))).flat());
  const known = dialTargets([...held].flatMap((inode) => listeners.get(inode) ?? []), held, port);
  if (known.length > 0) return known;
  listeners = new Map((await readListeningSockets(['tcp'])).map((socket) => [socket.inode, socket]));
  return dialTargets([...listeners.values()], held, port);
}

/**
 * The TCP listeners of the last table read, by inode. Reading the tables costs most of a preview
 * request (~7 ms of ~9 here), and a remembered listener is only ever dialled while the session
 * still holds its inode, in which time its address cannot change (nor is the inode number given
 * to another socket: the kernel's counter would have to wrap). A restart brings new inodes,
 * which are not found here, so the tables are read again: nobody is dialled at an old address.
 */
let listeners = new Map<string, ListeningSocket>();

/**
 * Where to dial `port`: the listeners on it whose inode the session holds, each address once,
 * sorted, a wildcard as its family's loopback.
 */
export function dialTargets(sockets: readonly ListeningSocket[], held: ReadonlySet<string>, port: number): BoundAddress[] {
  const hosts = sockets.filter((socket) => socket.port === port && held.has(socket.inode)).map((socket) => dialableHost(socket.address));
  return [...new Set(hosts)].sort().map((host) => ({ host, port }));
}

function dialableHost(address: string): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '::1';
  // An IPv4-mapped listener (::ffff:a.b.c.d, which the reader prints as 0:0:0:0:0:ffff:hhhh:hhhh)
  // is reached as that IPv4 address.
  const [, high, low] = /^0:0:0:0:0:ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address) ?? [];
  if (high === undefined || low === undefined) return address;
  const ipv4 = Number.parseInt(high, 16) * 0x10000 + Number.parseInt(low, 16);
  return [24, 16, 8, 0].map((shift) => (ipv4 >>> shift) & 0xff).join('.');
}
