/**
 * The preview proxy. A learner's server sends no CORP/COEP headers, so a cross-origin-isolated
 * page may not frame it directly. Requests to `<port>.localhost:<serverPort>` are forwarded to
 * that port on loopback, streaming, WebSocket upgrades included, and every response gets the
 * headers that let it load in the preview iframe. Only the exact addresses a live session's
 * processes listen on are dialled (bound-address.ts) — the proxy is no way into other services
 * on this machine, nor into itself.
 */
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { BoundAddress } from './bound-address.ts';
import { connectFirst } from './connect-loopback.ts';
import { nothingListeningPage } from './friendly-page.ts';
import { PREVIEW_HEADERS } from './headers.ts';
import { sameSecret } from '../runner/upgrade-guard.ts';

/** A preview host: the learner port it asks for, and whether it carries this launch's key. */
export interface PreviewTarget {
  port: number;
  keyed: boolean;
}

/**
 * Reads `41873.<key>.localhost:4780` as port 41873 with its key checked; null when the Host is
 * not a preview host at all. A preview host without the right key (`41873.localhost:4780`,
 * an old launch's key) is still a preview host, refused, never the app.
 */
export function previewTarget(host: string | undefined, serverPort: number, key: string): PreviewTarget | null {
  const match = /^(\d{1,5})(?:\.([0-9a-z]{1,64}))?\.localhost:(\d{1,5})$/i.exec(host ?? '');
  if (!match || Number(match[3]) !== serverPort) return null;
  const port = Number(match[1]);
  if (port < 1 || port > 65535) return null;
  return { port, keyed: match[2] !== undefined && sameSecret(match[2].toLowerCase(), key) };
}

/** Where the browser reaches a learner port through this proxy. */
export function previewUrlFor(port: number, serverPort: number, key: string): string {
  return `http://${port}.${key}.localhost:${serverPort}/`;
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade'];

/** `targets`: where the session's server listens on `port`; empty refuses with the friendly page. */
export function proxyRequest(req: IncomingMessage, res: ServerResponse, port: number, targets: readonly BoundAddress[]): void {
  const fail = () => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(502, { ...PREVIEW_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(nothingListeningPage(port));
  };
  if (targets.length === 0) return fail();
  connectFirst(targets).then((socket) => {
    // Host stays as the browser sent it, so redirects the learner's server builds from it stay in the preview.
    const headers = { ...req.headers, connection: 'close' };
    const upstream = httpRequest({ createConnection: () => socket, method: req.method, path: req.url, headers }, (response) => {
      const out: OutgoingHttpHeaders = { ...response.headers };
      for (const name of [...HOP_BY_HOP, ...Object.keys(PREVIEW_HEADERS).map((h) => h.toLowerCase())]) delete out[name];
      Object.assign(out, PREVIEW_HEADERS);
      res.writeHead(response.statusCode ?? 502, response.statusMessage, out);
      response.pipe(res);
      response.on('error', () => res.destroy());
    });
    upstream.on('error', fail);
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  }, fail).catch(fail); // e.g. a target http.request refuses: an unhandled rejection would end the server
}

export function proxyUpgrade(req: IncomingMessage, client: Duplex, head: Buffer, targets: readonly BoundAddress[]): void {
  const refuse = () => {
    client.once('finish', () => client.destroy());
    client.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };
  if (targets.length === 0) return refuse();
  connectFirst(targets).then((upstream) => {
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    upstream.pipe(client).pipe(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  }, refuse).catch(refuse);
}
