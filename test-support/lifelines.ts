/**
 * Is a learner process still alive, when its pid means nothing here (inside a PID namespace
 * `process.pid` is 2 or 3)? Each process under test holds a TCP connection to this server;
 * the kernel closes it when the process dies, however it dies.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Lifelines {
  port: number;
  /** JavaScript that connects to this server and holds the connection for the process's life. */
  holdScript: string;
  /** Resolves once `count` processes hold a connection. */
  held(count: number): Promise<void>;
  /** How many are still held. */
  readonly alive: number;
  close(): Promise<void>;
}

export async function openLifelines(): Promise<Lifelines> {
  const sockets = new Set<Socket>();
  let waiters: (() => void)[] = [];
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    for (const wake of waiters) wake();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    // The holder exits when its lifeline is cut, so closing this server never leaves a process behind.
    holdScript: `require('node:net').connect(${port}, '127.0.0.1').on('error', () => process.exit(0)).on('close', () => process.exit(0));`,
    held: (count) =>
      new Promise<void>((resolve) => {
        const check = () => sockets.size >= count && resolve();
        waiters.push(check);
        check();
      }).finally(() => (waiters = waiters.filter(Boolean))),
    get alive() {
      return sockets.size;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
