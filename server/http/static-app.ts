/**
 * Serves the production build: files from dist/ with their content types, hashed assets cached
 * for good, and index.html (with the runner token injected) for every other path, so client-side
 * routes survive a reload.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { contentType } from './content-types.ts';
import { injectRunnerToken } from './inject-token.ts';
import type { AppHandler } from './app-handler.ts';

export function staticApp(distDir: string, token: string): AppHandler {
  const root = normalize(distDir + sep);

  async function sendIndex(res: ServerResponse, head: boolean): Promise<void> {
    const html = await readFile(join(root, 'index.html'), 'utf8').catch(() => null);
    if (html === null) return sendText(res, 500, `The app is not built: ${join(root, 'index.html')} is missing. Run npm start again to build it.`);
    const body = injectRunnerToken(html, token);
    res.writeHead(200, { 'Content-Type': contentType('index.html'), 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
    res.end(head ? undefined : body);
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Only GET and HEAD are served here.');
    const head = req.method === 'HEAD';
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return sendText(res, 400, 'Malformed URL.');
    }
    const file = normalize(join(root, pathname));
    if (pathname.includes('\0') || !file.startsWith(root)) return sendText(res, 404, 'Not found.');
    const info = await stat(file).catch(() => null);
    if (file.endsWith(`${sep}index.html`) || !info?.isFile()) {
      // A missing file with an extension is a broken asset link; anything else is a client route.
      if (!info && extname(pathname)) return sendText(res, 404, `Not found: ${pathname}`);
      return sendIndex(res, head);
    }
    const immutable = pathname.startsWith('/assets/');
    res.writeHead(200, {
      'Content-Type': contentType(file),
      'Content-Length': info.size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (head) return void res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  return { handle: (req, res) => void serve(req, res).catch(() => sendText(res, 500, 'Internal error.')) };
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${text}\n`);
}
