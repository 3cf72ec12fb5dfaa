/**
 * The HTTP server of `npm start` and `npm run dev`: `/healthz`, the preview proxy
 * (`<port>.localhost` hosts), the runner's WebSocket, and the app itself (the production build,
 * or Vite in dev). `main.ts` and `dev.ts` are thin wrappers around `startAppServer`; tests call
 * it in-process.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createRunner, type Runner } from '../runner/runner.ts';
import { allowedHosts } from '../runner/upgrade-guard.ts';
import { findLessonPackages } from '../runner/lesson-packages.ts';
import type { AppFactory } from './app-handler.ts';
import { browsableHost, hostWithPort } from './config.ts';
import { containRequest, containUpgrade, refuseUpgrade } from './contain.ts';
import { setAppHeaders } from './headers.ts';
import { createLogin, readSecret, sendLoginPage } from './login.ts';
import type { BoundAddress } from './bound-address.ts';
import { previewTarget, previewUrlFor, proxyRequest, proxyUpgrade, type PreviewTarget } from './preview-proxy.ts';
import { sendText } from './static-app.ts';

export interface AppServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Portside's own folder: lessons/ and node_modules/ (for lesson packages). */
  root: string;
  app: AppFactory;
  /** The login secret (see login.ts); random when not given. */
  secret?: string;
}

export interface AppServer {
  url: string;
  port: number;
  token: string;
  /** The address to open: the URL with `?secret=`, exchanged for the session cookie. */
  loginUrl: string;
  runner: Runner;
  close(): Promise<void>;
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const token = randomBytes(32).toString('base64url');
  const login = createLogin(options.secret ?? readSecret({}));
  const server = createServer();
  const [packages, app] = await Promise.all([findLessonPackages(options.root), options.app({ token, server })]);
  let runner: Runner | null = null;
  let port = 0;
  let hosts = new Set<string>();

  // Where a preview request may go: nowhere without this launch's key; else exactly where a live
  // connection listens on that port, never this server's own socket.
  const previewTargets = async (target: PreviewTarget): Promise<BoundAddress[]> => {
    if (!target.keyed || !runner) return [];
    const own = (address: BoundAddress) => address.port === port && (address.host === options.host || options.host === '0.0.0.0' || options.host === '::');
    return (await runner.connectionAddresses(target.port)).filter((address) => !own(address));
  };

  server.on('request', containRequest((req, res) => {
    const preview = previewTarget(req.headers.host, port, login.previewKey);
    if (preview !== null) return previewTargets(preview).then((targets) => proxyRequest(req, res, preview.port, targets));
    setAppHeaders(res);
    if (!runner) return sendText(res, 503, 'Starting…');
    // DNS rebinding: a foreign name pointed at 127.0.0.1 must not even get the page (it carries the token).
    if (!hosts.has((req.headers.host ?? '').toLowerCase())) return sendText(res, 421, foreignHostMessage(req.headers.host, options.host, port));
    if (req.url === '/healthz') return sendText(res, 200, 'ok');
    if (login.exchange(req, res)) return;
    if (!login.hasSession(req)) return sendLoginPage(res);
    app.handle(req, res);
  }));
  server.on('upgrade', containUpgrade((req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const preview = previewTarget(req.headers.host, port, login.previewKey);
    if (preview !== null) return previewTargets(preview).then((targets) => proxyUpgrade(req, socket, head, targets));
    // The runner's own checks (token, Host, Origin) follow; without the cookie nothing is even looked at.
    if (!login.hasSession(req)) return refuseUpgrade(socket, 403, 'Forbidden', 'Portside refused the connection: no session cookie (open the address npm start printed)\n');
    if (app.upgrade?.(req, socket, head)) return; // Vite's HMR socket
    if (runner) return runner.handleUpgrade(req, socket, head);
    socket.destroy();
  }));

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await app.close?.();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(options.host, port);
  runner = createRunner({ token, allowedHosts: hosts, serverPort: port, packages, previewUrl: (learnerPort) => previewUrlFor(learnerPort, port, login.previewKey) });
  const live = runner;
  const url = `http://${hostWithPort(browsableHost(options.host), port)}/`;

  return {
    url,
    port,
    token,
    loginUrl: `${url}?secret=${encodeURIComponent(login.secret)}`,
    runner: live,
    async close() {
      await live.close();
      await app.close?.();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function foreignHostMessage(host: string | undefined, configured: string, port: number): string {
  return `Portside answers only to its own address, not to "${host ?? ''}". Open http://${hostWithPort(browsableHost(configured), port)}/ instead.`;
}
