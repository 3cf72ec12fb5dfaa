// Listening TCP sockets of a process group, read from /proc (Linux only). The observer sees
// node's listen() calls; for anything else (python3 server.py) this is how a check can still
// say "it listened on 8000, not on PORT" instead of waiting out the timeout.
import { readListeningSocketsSync, socketInodesSync } from './proc-sockets.mjs';
import { readAllStatsSync } from './proc-stat.mjs';

/**
 * @param {number} pgid
 * @returns {{ pid: number, address: string, port: number }[] | null} null where /proc is unavailable
 */
export function groupListeners(pgid) {
  const stats = readAllStatsSync();
  if (stats === null) return null;
  /** @type {Map<string, number>} socket inode → pid */
  const inodes = new Map();
  for (const { pid } of stats.filter((stat) => stat.pgrp === pgid)) {
    for (const inode of socketInodesSync(pid)) inodes.set(inode, pid);
  }
  if (inodes.size === 0) return [];
  // TCP only: a check probes servers that accept connections.
  return readListeningSocketsSync(['tcp'])
    .flatMap(({ inode, address, port }) => {
      const pid = inodes.get(inode);
      return pid === undefined ? [] : [{ pid, address, port }];
    });
}
