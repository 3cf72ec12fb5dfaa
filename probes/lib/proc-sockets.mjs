// The one reader of a machine's listening sockets (Linux), for the check harness and the local
// runner alike: TCP and UDP, IPv4 and IPv6, from /proc/net/{tcp,tcp6,udp,udp6}, matched to
// processes by socket inode (/proc/<pid>/fd/* → `socket:[inode]`).
// A TCP socket listens in state 0A (LISTEN); a UDP socket has no such state, so it counts as
// bound as soon as it has a local port — unless it is connected to one peer (a client, such as
// a DNS lookup's socket), which nobody else can reach.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { readdir, readFile, readlink } from 'node:fs/promises';

/** @typedef {'tcp' | 'udp'} Protocol */

/**
 * @typedef {object} ListeningSocket
 * @property {Protocol} protocol
 * @property {4 | 6} family
 * @property {string} address the local address: `127.0.0.1`, `::`, …
 * @property {number} port
 * @property {string} inode matches `socket:[inode]` in /proc/<pid>/fd
 */

/** @typedef {{ path: string, protocol: Protocol, family: 4 | 6 }} SocketTable */

/** @type {readonly SocketTable[]} */
export const SOCKET_TABLES = [
  { path: '/proc/net/tcp', protocol: 'tcp', family: 4 },
  { path: '/proc/net/tcp6', protocol: 'tcp', family: 6 },
  { path: '/proc/net/udp', protocol: 'udp', family: 4 },
  { path: '/proc/net/udp6', protocol: 'udp', family: 6 },
];

const TCP_LISTEN = '0A';

/** @type {readonly Protocol[]} */
const BOTH = ['tcp', 'udp'];

/**
 * The listening (TCP) or bound (UDP) sockets in the text of one /proc/net table.
 * @param {string} text
 * @param {{ protocol: Protocol, family: 4 | 6 }} table which table the text came from
 * @returns {ListeningSocket[]}
 */
export function parseSocketTable(text, { protocol, family }) {
  /** @type {ListeningSocket[]} */
  const sockets = [];
  for (const line of text.split('\n').slice(1)) {
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …
    const [, local = '', remote = '', state, , , , , , inode] = line.trim().split(/\s+/);
    const [hexAddress = '', hexPort = ''] = local.split(':');
    const port = parseInt(hexPort, 16);
    if (!inode || !Number.isInteger(port)) continue;
    const connected = parseInt(remote.split(':')[1] ?? '0', 16) > 0;
    const listening = protocol === 'tcp' ? state === TCP_LISTEN : port > 0 && !connected;
    if (!listening) continue;
    const address = family === 6 ? ipv6Address(hexAddress) : ipv4Address(hexAddress);
    sockets.push({ protocol, family, address, port, inode });
  }
  return sockets;
}

/**
 * @param {readonly Protocol[]} [protocols]
 * @returns {ListeningSocket[]} [] where /proc is unavailable
 */
export function readListeningSocketsSync(protocols = BOTH) {
  return tablesFor(protocols).flatMap((table) => {
    try {
      return parseSocketTable(readFileSync(table.path, 'utf8'), table);
    } catch {
      return [];
    }
  });
}

/**
 * @param {readonly Protocol[]} [protocols]
 * @returns {Promise<ListeningSocket[]>} [] where /proc is unavailable
 */
export async function readListeningSockets(protocols = BOTH) {
  const tables = tablesFor(protocols);
  const texts = await Promise.all(tables.map((table) => readFile(table.path, 'utf8').catch(() => '')));
  return tables.flatMap((table, i) => parseSocketTable(texts[i] ?? '', table));
}

/**
 * The inodes of the sockets a process holds open.
 * @param {number} pid
 * @returns {string[]} [] when the process is gone or not ours to read
 */
export function socketInodesSync(pid) {
  let fds;
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  return fds.flatMap((fd) => {
    try {
      return socketInode(readlinkSync(`/proc/${pid}/fd/${fd}`));
    } catch {
      return []; // closed meanwhile
    }
  });
}

/**
 * @param {number} pid
 * @returns {Promise<string[]>} [] when the process is gone or not ours to read
 */
export async function socketInodes(pid) {
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => /** @type {string[]} */ ([]));
  const links = await Promise.all(fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')));
  return links.flatMap(socketInode);
}

/** @param {string} link the target of /proc/<pid>/fd/<n> */
function socketInode(link) {
  const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
  return inode === undefined ? [] : [inode];
}

/** @param {readonly Protocol[]} protocols */
function tablesFor(protocols) {
  return SOCKET_TABLES.filter((table) => protocols.includes(table.protocol));
}

/**
 * /proc prints IPv4 addresses as little-endian hex: 0100007F is 127.0.0.1.
 * @param {string} hex
 */
function ipv4Address(hex) {
  return [6, 4, 2, 0].map((i) => parseInt(hex.slice(i, i + 2), 16)).join('.');
}

/**
 * IPv6 as four little-endian 32-bit words; only the forms a check needs are named.
 * @param {string} hex
 */
function ipv6Address(hex) {
  if (/^0{32}$/.test(hex)) return '::';
  if (hex === '00000000000000000000000001000000') return '::1';
  const words = [0, 8, 16, 24].map((i) => (hex.slice(i, i + 8).match(/../g) ?? []).reverse().join(''));
  const groups = words.flatMap((w) => [w.slice(0, 4), w.slice(4)]).map((g) => parseInt(g, 16).toString(16));
  return groups.join(':');
}
