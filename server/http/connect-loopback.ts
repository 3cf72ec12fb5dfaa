/** A TCP connection to the first of the given addresses that accepts one, tried in order. */
import { connect, type Socket } from 'node:net';
import type { BoundAddress } from './bound-address.ts';

export async function connectFirst(targets: readonly BoundAddress[]): Promise<Socket> {
  let failure: unknown = new Error('no address to dial');
  for (const target of targets) {
    try {
      return await connectTo(target.host, target.port);
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

function connectTo(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}
