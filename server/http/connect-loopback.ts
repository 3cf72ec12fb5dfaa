/** A TCP connection to a port on this machine: IPv4 loopback first, then IPv6 (servers bound to ::1 only). */
import { connect, type Socket } from 'node:net';

export async function connectLoopback(port: number): Promise<Socket> {
  try {
    return await connectTo('127.0.0.1', port);
  } catch {
    return connectTo('::1', port);
  }
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
