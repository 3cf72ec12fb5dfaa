// `npm run dev`: Vite's dev middleware behind the app server, with the same token,
// headers and runner — and Vite's own HMR socket on the same port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { logIn } from '../../test-support/login.ts';
import { connectRuntime, upgradeStatus } from '../../test-support/runner-client.ts';
import { startAppServer } from './app-server.ts';
import { viteDevApp } from './vite-dev-app.ts';

let playground: FixturePlayground;
beforeAll(async () => {
  const started = await startAppServer({ host: '127.0.0.1', port: 0, root: REPO_ROOT, app: viteDevApp(REPO_ROOT) });
  const { cookie } = await logIn(started.loginUrl);
  playground = { ...started, cookie, distDir: '', origin: `http://127.0.0.1:${started.port}` };
}, 60_000);
afterAll(() => playground.close());

describe('dev server', () => {
  it('serves index.html through Vite with the token and the isolation headers', async () => {
    expect(await (await fetch(`${playground.origin}/`)).text()).not.toContain(playground.token);
    const response = await fetch(`${playground.origin}/`, { headers: { cookie: playground.cookie } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(html).toContain(`<meta name="portside-runner" content="${playground.token}">`);
    expect(html).toContain('/@vite/client');
  });

  it('serves the app’s modules, lessons included', async () => {
    // App.tsx imports virtual:lessons; once Vite has analysed it, the lessons module must still load.
    expect((await fetch(`${playground.origin}/app/App.tsx`, { headers: { cookie: playground.cookie } })).status).toBe(200);
    const lessons = await fetch(`${playground.origin}/@id/__x00__virtual:lessons`, { headers: { cookie: playground.cookie } });
    expect(lessons.status).toBe(200);
    expect(await lessons.text()).toContain('Your program is the server');
  });

  it('attaches the runner', async () => {
    const runtime = await connectRuntime(playground);
    await runtime.writeFiles({ 'a.txt': 'dev' });
    expect(await runtime.readFile('a.txt')).toBe('dev');
    await runtime.dispose();
  });

  it('leaves Vite’s HMR upgrades to Vite, and still guards the runner', async () => {
    const hmr = await upgradeStatus(playground.port, '/', { Host: `127.0.0.1:${playground.port}`, 'Sec-WebSocket-Protocol': 'vite-hmr', Cookie: playground.cookie });
    expect(hmr.status).toBe(101);
    const stranger = await upgradeStatus(playground.port, '/', { Host: `127.0.0.1:${playground.port}`, 'Sec-WebSocket-Protocol': 'vite-hmr' });
    expect(stranger.status).toBe(403);
    const runner = await upgradeStatus(playground.port, '/__portside/runner?token=wrong', { Host: `127.0.0.1:${playground.port}`, Origin: playground.origin, Cookie: playground.cookie });
    expect(runner.status).toBe(403);
  });
});
