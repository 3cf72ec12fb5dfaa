/**
 * `npm run dev`: Vite's dev server as middleware behind the app server, so the runner,
 * the preview proxy, the headers and the token are exactly those of `npm start`. HMR shares
 * the playground's port (Vite answers only upgrades that speak its `vite-hmr` protocol).
 */
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { injectRunnerToken } from './inject-token.ts';
import type { AppFactory } from './app-handler.ts';
import { sendText } from './static-app.ts';

const VITE_PROTOCOLS = ['vite-hmr', 'vite-ping'];

export function viteDevApp(root: string): AppFactory {
  return async ({ token, server }) => {
    const { createServer } = await import('vite');
    const vite = await createServer({
      root,
      configFile: join(root, 'vite.config.ts'),
      appType: 'spa',
      server: { middlewareMode: true, ws: { server } },
      plugins: [{ name: 'portside-runner-token', transformIndexHtml: (html) => injectRunnerToken(html, token) }],
    });
    return {
      handle: (req, res) =>
        vite.middlewares(req, res, (error?: unknown) =>
          error ? sendText(res, 500, error instanceof Error ? error.message : String(error)) : sendText(res, 404, 'Not found.'),
        ),
      ownsUpgrade: (req: IncomingMessage) => VITE_PROTOCOLS.includes(String(req.headers['sec-websocket-protocol'])),
      close: () => vite.close(),
    };
  };
}
