/**
 * What the static site needs beyond the app bundle: the lesson-package snapshot the WebContainer
 * mounts at boot (built from Portside's own node_modules), and a `vercel.json` inside dist/ so
 * the folder deploys as-is (Netlify and Cloudflare Pages read public/_headers, copied by Vite).
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadLessons } from './load.ts';
import { lessonPackages } from './packages.ts';
import { buildPackageSnapshot } from './package-snapshot.ts';
import { PACKAGE_SNAPSHOT_PATH } from '../../contracts/package-snapshot.ts';
import { ISOLATION_HEADERS } from '../../contracts/isolation.ts';

export interface StaticSiteOptions {
  /** The project root, whose node_modules holds the lesson packages. */
  root?: string;
  lessons?: string;
}

/** The snapshot of every package any lesson declares, as JSON. */
export async function lessonPackageSnapshot(root: string, lessonsDir: string): Promise<string> {
  return buildPackageSnapshot(root, lessonPackages(await loadLessons(lessonsDir)));
}

/** dist/vercel.json: only the headers; build settings live in the repository's own vercel.json. */
export function vercelHeadersJson(): string {
  const headers = Object.entries(ISOLATION_HEADERS).map(([key, value]) => ({ key, value }));
  return `${JSON.stringify({ headers: [{ source: '/(.*)', headers }] }, null, 2)}\n`;
}

export function staticSitePlugin(options: StaticSiteOptions = {}): Plugin {
  const root = options.root ?? resolve('.');
  const lessonsDir = options.lessons ?? resolve(root, 'lessons');
  let snapshot: Promise<string> | null = null;
  const currentSnapshot = () => (snapshot ??= lessonPackageSnapshot(root, lessonsDir));
  return {
    name: 'portside-static-site',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: PACKAGE_SNAPSHOT_PATH, source: await currentSnapshot() });
      this.emitFile({ type: 'asset', fileName: 'vercel.json', source: vercelHeadersJson() });
    },
    configureServer(server) {
      // A lesson may start declaring a new package; the next request rebuilds the snapshot.
      server.watcher.on('change', (file) => {
        if (file.startsWith(lessonsDir) && file.endsWith('package.json')) snapshot = null;
      });
      const path = `${server.config.base}${PACKAGE_SNAPSHOT_PATH}`;
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== path) return next();
        currentSnapshot().then(
          (json) => {
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(json);
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}
