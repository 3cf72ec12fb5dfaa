/**
 * The local runner: WebSocket connections on the app server at RUNNER_PATH. Every upgrade
 * is checked (token, Host, Origin) before it is accepted; refused ones get a 403 and a closed
 * socket. Frames larger than MAX_MESSAGE_BYTES close that one socket, nothing else.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES } from '../../contracts/runner-protocol.ts';
import type { LessonPackage } from './lesson-packages.ts';
import type { BoundAddress } from '../http/bound-address.ts';
import { RunnerConnection } from './connection.ts';
import { refusal, type GuardOptions } from './upgrade-guard.ts';

export interface RunnerOptions extends GuardOptions {
  serverPort: number;
  packages: readonly LessonPackage[];
  /** Where the browser reaches a learner port (the preview proxy's keyed host). */
  previewUrl(port: number): string;
}

export interface Runner {
  /** Takes over an upgrade request for RUNNER_PATH (refusing it when it fails the checks). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** True when some live connection's processes listen on `port` (the preview proxy asks). */
  isConnectionPort(port: number): boolean;
  /** Exactly where live connections' processes listen on `port`: the addresses the preview proxy may dial. */
  connectionAddresses(port: number): Promise<BoundAddress[]>;
  /** Kills every process of every connection, removes their workspaces, closes the sockets. */
  close(): Promise<void>;
  /** For process exit handlers, where nothing asynchronous runs any more: kills and removes everything. */
  killAllSync(): void;
}

const BINARY_REFUSAL = JSON.stringify({ type: 'error', error: 'Binary frames are not part of the protocol; send JSON text' });

export function createRunner(options: RunnerOptions): Runner {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const connections = new Set<RunnerConnection>();
  /** Connections still creating their workspace; close() waits for them so none is left behind. */
  const opening = new Set<Promise<RunnerConnection>>();
  let closed = false;

  async function accept(socket: WebSocket): Promise<void> {
    const early: string[] = [];
    socket.on('message', (data, isBinary) => {
      if (isBinary) socket.send(BINARY_REFUSAL);
      else early.push(data.toString());
    });
    socket.on('error', () => socket.terminate()); // e.g. an oversized frame: ws closes it with 1009
    let connection: RunnerConnection;
    const open = RunnerConnection.open(socket, { packages: options.packages, serverPort: options.serverPort, previewUrl: options.previewUrl });
    opening.add(open);
    try {
      connection = await open;
    } catch (error) {
      socket.close(1011, `Could not create a workspace: ${(error as Error).message}`.slice(0, 120));
      return;
    } finally {
      opening.delete(open);
    }
    connections.add(connection);
    if (closed) return; // close() is waiting for this connection, and closes it
    const ended = () => void connection.close().finally(() => connections.delete(connection));
    if (socket.readyState !== socket.OPEN) return ended();
    socket.on('close', ended);
    socket.removeAllListeners('message');
    socket.on('message', (data, isBinary) => {
      if (isBinary) socket.send(BINARY_REFUSAL);
      else connection.receive(data.toString());
    });
    for (const text of early) connection.receive(text);
  }

  return {
    handleUpgrade(request, socket, head) {
      const why = closed ? 'the server is stopping' : refusal(request, options);
      if (why) {
        socket.once('finish', () => socket.destroy());
        socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nPortside runner refused the connection: ${why}\n`);
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => void accept(ws));
    },
    isConnectionPort: (port) => [...connections].some((c) => c.openPorts.has(port)),
    async connectionAddresses(port) {
      const lists = await Promise.all([...connections].map((c) => c.boundAddresses(port)));
      return lists.flat();
    },
    async close() {
      closed = true;
      for (const client of wss.clients) client.terminate();
      await Promise.allSettled([...opening]);
      await Promise.all([...connections].map((c) => c.close()));
      wss.close();
    },
    killAllSync() {
      for (const c of connections) c.killAllSync();
    },
  };
}
