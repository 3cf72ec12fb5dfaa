/**
 * A real playground for tests, in-process on a random port, serving a tiny fixture page
 * instead of the built app (the build is tested separately and is slow).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAppServer, type AppServer } from '../server/http/app-server.ts';
import { staticApp } from '../server/http/static-app.ts';
import { logIn } from './login.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const FIXTURE_HTML = '<!doctype html><html><head><title>Fixture</title></head><body><h1>Fixture page</h1></body></html>';

export interface FixturePlayground extends AppServer {
  distDir: string;
  /** The origin the playground's own pages have, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** The session cookie a browser holds after opening `loginUrl` (`name=value`). */
  cookie: string;
}

export async function startFixturePlayground(files: Record<string, string> = {}): Promise<FixturePlayground> {
  const distDir = await mkdtemp(join(tmpdir(), 'portside-dist-'));
  await writeFile(join(distDir, 'index.html'), FIXTURE_HTML);
  for (const [name, text] of Object.entries(files)) await writeFile(join(distDir, name), text);
  const playground = await startAppServer({ host: '127.0.0.1', port: 0, root: REPO_ROOT, app: ({ token }) => staticApp(distDir, token) }).catch(
    async (error: unknown) => {
      await rm(distDir, { recursive: true, force: true });
      throw error;
    },
  );
  const { cookie } = await logIn(playground.loginUrl);
  return {
    ...playground,
    cookie,
    distDir,
    origin: `http://127.0.0.1:${playground.port}`,
    async close() {
      await playground.close();
      await rm(distDir, { recursive: true, force: true });
    },
  };
}
