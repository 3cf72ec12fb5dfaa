/**
 * What the HTTP server of `npm start` asks of whatever serves the app's pages (the production
 * build in static-app.ts, or Vite's dev middleware in vite-dev-app.ts). Its own module so the
 * server and the apps both import it without importing each other.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** Whatever serves the app's pages: the production build or Vite's dev middleware. */
export interface AppHandler {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Takes an upgrade the app deals with itself (Vite's HMR socket), already past the login check; false for all others. */
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close?(): Promise<void>;
}

export type AppFactory = (context: { token: string; server: Server }) => AppHandler | Promise<AppHandler>;
