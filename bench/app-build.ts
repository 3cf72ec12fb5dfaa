/**
 * A fresh production build of the app in a temporary folder, with Vite's manifest, so the bench
 * measures the current sources and never writes into the shared dist/ that `npm start` and the
 * e2e tests serve.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/grade/probe-files.ts';

/** One entry of `.vite/manifest.json`, keyed by source path (e.g. `app/editor/CodeEditor.tsx`). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  assets?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

export interface AppBuild {
  dir: string;
  manifest: Manifest;
  remove(): Promise<void>;
}

export async function buildApp(): Promise<AppBuild> {
  const dir = await mkdtemp(join(tmpdir(), 'portside-bench-dist-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const { build } = await import('vite');
    await build({
      root: REPO_ROOT,
      configFile: join(REPO_ROOT, 'vite.config.ts'),
      logLevel: 'error',
      build: { outDir: dir, emptyOutDir: true, manifest: true },
    });
    const manifest = JSON.parse(await readFile(join(dir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    return { dir, manifest, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
