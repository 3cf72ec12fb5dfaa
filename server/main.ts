/**
 * `npm start`: builds the app when dist/ is missing or stale, then serves it with the local
 * runner attached.
 *
 *   PORT           where to listen (default 4780 — a port no lesson uses; 0 picks any free one)
 *   HOST           address to bind (default 127.0.0.1; anything else exposes the runner — a warning is printed)
 *   PORTSIDE_DIST  serve an already-built app from this folder instead of building dist/
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './http/build-app.ts';
import { launch } from './http/launch.ts';
import { staticApp } from './http/static-app.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const prebuilt = process.env.PORTSIDE_DIST;
const distDir = prebuilt ? resolve(prebuilt) : join(root, 'dist');

if (!prebuilt) {
  try {
    await buildIfStale(root, (line) => console.log(line));
  } catch (error) {
    console.error(`Building the app failed:\n${(error as Error).message}`);
    process.exit(1);
  }
}
await launch(root, ({ token }) => staticApp(distDir, token), 'Portside');
