/**
 * `npm run dev`: Vite's dev server as middleware behind the app server, so the runner,
 * the preview proxy, the headers and the token are exactly those of `npm start`. HMR shares
 * the playground's port (Vite answers only upgrades that speak its `vite-hmr` protocol).
 *
 * Vite never sees the real server's `upgrade` event: it would answer before the playground's
 * login check, and its own `new URL(req.url)` throws on a malformed target inside the listener.
 * It listens on a gate instead, which the playground feeds only checked upgrades.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server } from 'node:http';
import { join } from 'node:path';
import { injectRunnerToken } from './inject-token.ts';
import type { AppFactory } from './app-handler.ts';
import { sendText } from './static-app.ts';

const VITE_PROTOCOLS = ['vite-hmr', 'vite-ping'];

export function viteDevApp(root: string): AppFactory {
  return async ({ token }) => {
    const { createServer } = await import('vite');
    const hmrGate = new EventEmitter();
    const vite = await createServer({
      root,
      configFile: join(root, 'vite.config.ts'),
      appType: 'spa',
      server: { middlewareMode: true, ws: { server: hmrGate as unknown as Server } },
      plugins: [{ name: 'portside-runner-token', transformIndexHtml: (html) => injectRunnerToken(html, token) }],
    });
    return {
      handle: (req, res) =>
        vite.middlewares(req, res, (error?: unknown) =>
          error ? sendText(res, 500, error instanceof Error ? error.message : String(error)) : sendText(res, 404, 'Not found.'),
        ),
      upgrade(req: IncomingMessage, socket, head) {
        if (!VITE_PROTOCOLS.includes(String(req.headers['sec-websocket-protocol']))) return false;
        hmrGate.emit('upgrade', req, socket, head);
        return true;
      },
      close: () => vite.close(),
    };
  };
}
