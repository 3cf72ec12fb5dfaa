/**
 * Every socket each process tree of a session listens on (TCP) or is bound to (UDP), with its
 * address, for the learner's port map: which of their processes holds which port, and on which
 * interface. Linux reads /proc (probes/lib/proc-sockets.mjs); elsewhere there is nothing to say.
 */
import { readListeningSockets, socketInodes } from '../../../probes/lib/proc-sockets.mjs';
import type { ListeningSocketInfo } from '../../../contracts/runner-protocol.ts';

/** root pid → its tree's sockets, sorted, one entry per protocol, address and port. */
export async function socketsByTree(members: ReadonlyMap<number, readonly number[]>): Promise<Map<number, ListeningSocketInfo[]>> {
  const result = new Map<number, ListeningSocketInfo[]>();
  if (process.platform !== 'linux' || members.size === 0) return result;
  const byInode = new Map((await readListeningSockets()).map((socket) => [socket.inode, socket]));
  for (const [root, pids] of members) {
    const inodes = (await Promise.all(pids.map(socketInodes))).flat();
    const found = new Map<string, ListeningSocketInfo>();
    for (const inode of inodes) {
      const socket = byInode.get(inode);
      if (socket) found.set(`${socket.protocol} ${socket.address} ${socket.port}`, { protocol: socket.protocol, address: socket.address, port: socket.port });
    }
    result.set(root, [...found.values()].sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol) || a.address.localeCompare(b.address)));
  }
  return result;
}
