/**
 * Containment at the request edge. A handler that throws (synchronously or in a promise) must
 * cost only its own request: the client gets a 500 (a 400 for an upgrade) and its socket is
 * closed, while every other session carries on. Without this, one throw inside an `upgrade`
 * listener is an uncaught exception that ends the whole server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;
type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => unknown;

export function containRequest(handler: RequestHandler): RequestHandler {
  return (req, res) => {
    const fail = () => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      res.end('Internal error.\n');
    };
    try {
      const result = handler(req, res);
      if (result instanceof Promise) result.catch(fail);
    } catch {
      fail();
    }
  };
}

export function containUpgrade(handler: UpgradeHandler): UpgradeHandler {
  return (req, socket, head) => {
    const fail = () => refuseUpgrade(socket, 400, 'Bad Request');
    try {
      const result = handler(req, socket, head);
      if (result instanceof Promise) result.catch(fail);
    } catch {
      fail();
    }
  };
}

/** Answers an upgrade with a plain status and closes the socket once the answer is out. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string, body = ''): void {
  if (socket.destroyed) return;
  if (!socket.writable) return void socket.destroy();
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
