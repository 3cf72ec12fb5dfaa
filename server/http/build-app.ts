/**
 * Builds the production app with Vite when dist/ is missing or older than any of its sources,
 * so `npm start` on a fresh clone (or after editing a lesson) just works.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** What the built app is made from (the browser imports these server files too). */
const SOURCES = ['app', 'lessons', 'probes', 'public', 'index.html', 'vite.config.ts', 'server/lessons', 'contracts'];

/** Newest modification time under `path` (0 when it does not exist). */
async function newest(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true });
  const times = await Promise.all(
    entries.filter((e) => e.name !== 'node_modules' && !e.name.startsWith('.')).map((e) => newest(join(path, e.name))),
  );
  return Math.max(info.mtimeMs, ...times);
}

export async function isStale(root: string, distDir: string): Promise<boolean> {
  const built = await stat(join(distDir, 'index.html')).then((s) => s.mtimeMs, () => null);
  if (built === null) return true;
  const sources = await Promise.all(SOURCES.map((source) => newest(join(root, source))));
  return Math.max(...sources) > built;
}

/** Builds into `root/dist` with the project's vite.config.ts when stale; returns whether it built. */
export async function buildIfStale(root: string, log: (line: string) => void): Promise<boolean> {
  if (!(await isStale(root, join(root, 'dist')))) return false;
  log('Building the app (dist/ is missing or older than its sources)…');
  const { build } = await import('vite');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
