/**
 * `npm run dev`: the playground with Vite's dev server (hot reload) instead of the production
 * build; same runner, proxy, headers and token. Same variables as `npm start`:
 *
 *   PORT  where to listen (default 4780; 0 picks any free one)
 *   HOST  address to bind (default 127.0.0.1; anything else exposes the runner — a warning is printed)
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './http/launch.ts';
import { viteDevApp } from './http/vite-dev-app.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
await launch(root, viteDevApp(root), 'Portside (dev)');
