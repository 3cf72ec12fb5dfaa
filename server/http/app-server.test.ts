// The app server's HTTP side against a real server: headers, token, static files, proxy.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, waitFor, type PortEvent } from '../../test-support/runner-client.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground({ 'app.js': 'console.log(1)', 'font.woff2': 'x' })));
afterAll(() => playground.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET as the logged-in browser sends it (the session cookie goes only to the app's own host, never to previews). */
function get(path: string, host = `127.0.0.1:${playground.port}`): Promise<Answer> {
  const cookie = host.includes('.localhost') ? {} : { cookie: playground.cookie };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: playground.port, path, headers: { host, ...cookie } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('app server', () => {
  it('answers /healthz', async () => {
    const answer = await get('/healthz');
    expect(answer.status).toBe(200);
    expect(answer.body.trim()).toBe('ok');
  });

  it('serves index.html cross-origin isolated, with the runner token', async () => {
    const answer = await get('/');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(answer.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(answer.headers['content-security-policy']).toBe("frame-ancestors 'self'");
    expect(answer.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(answer.body).toContain(`<meta name="portside-runner" content="${playground.token}">`);
    expect(playground.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('falls back to index.html for client routes, but not for missing assets', async () => {
    const route = await get('/lessons/take-the-port');
    expect(route.status).toBe(200);
    expect(route.body).toContain('Fixture page');
    expect(route.body).toContain(playground.token);
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('serves files with their content types and isolation headers', async () => {
    const script = await get('/app.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(script.body).toBe('console.log(1)');
    expect((await get('/font.woff2')).headers['content-type']).toBe('font/woff2');
  });

  it('refuses foreign Host names, so DNS rebinding never sees the page or its token', async () => {
    const answer = await get('/', `evil.example:${playground.port}`);
    expect(answer.status).toBe(421);
    expect(answer.body).not.toContain(playground.token);
    expect(answer.body).toContain(`Open http://127.0.0.1:${playground.port}/ instead`);
    expect((await get('/healthz', `localhost:${playground.port}`)).status).toBe(200);
  });

  it('never serves files outside dist', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      const answer = await get(path);
      expect(answer.body).not.toContain('"name": "portside"');
    }
  });

  it('shows a friendly page for a preview port nothing of the session listens on', async () => {
    const answer = await get('/', `41873.localhost:${playground.port}`);
    expect(answer.status).toBe(502);
    expect(answer.body).toContain('Nothing is listening on port 41873 in your Portside session — press Run');
    expect(answer.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('proxies a session port with the headers a cross-origin-isolated page needs', async () => {
    const runtime = await connectRuntime(playground);
    const events: PortEvent[] = [];
    runtime.onPort((event) => events.push(event));
    const port = await runtime.freePort();
    await runtime.writeFiles({
      'server.js': `require('node:http').createServer((q, s) => { s.setHeader('Cross-Origin-Embedder-Policy', 'unsafe-none'); s.end('learner says hi at ' + q.url + ' for ' + q.headers.host) }).listen(Number(process.env.PORT))`,
    });
    await runtime.spawn('node', ['server.js'], { env: { PORT: String(port) } });
    const opened = await waitFor(() => events.find((e) => e.port === port && e.type === 'open'), `port ${port} to open`);
    const previewHost = new URL(opened.url).host;
    expect(previewHost).toMatch(new RegExp(`^${port}\\.[0-9a-f]{24}\\.localhost:${playground.port}$`));
    // Without this launch's key in the host, a live session port is still refused.
    expect((await get('/hello', `${port}.localhost:${playground.port}`)).status).toBe(502);
    expect((await get('/hello', `${port}.${'0'.repeat(24)}.localhost:${playground.port}`)).status).toBe(502);
    const answer = await get('/hello?x=1', previewHost);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(`learner says hi at /hello?x=1 for ${previewHost}`);
    expect(answer.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(answer.headers['cross-origin-embedder-policy']).toBe('require-corp');
    // The preview must stay frameable by the app; only the app's own pages refuse framing.
    expect(answer.headers['content-security-policy']).toBeUndefined();
    expect(answer.headers['x-frame-options']).toBeUndefined();
    await runtime.dispose();
    await waitFor(async () => (await get('/', previewHost)).status === 502, 'the proxy to stop forwarding');
  });

  it('proxies WebSocket-style upgrades to a session port, both ways', async () => {
    const runtime = await connectRuntime(playground);
    const events: PortEvent[] = [];
    runtime.onPort((event) => events.push(event));
    const port = await runtime.freePort();
    const echo = `require('node:http').createServer().on('upgrade', (req, socket) => {
      socket.write('HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: echo\\r\\nConnection: Upgrade\\r\\n\\r\\n');
      socket.pipe(socket);
    }).listen(Number(process.env.PORT))`;
    await runtime.spawn('node', ['-e', echo], { env: { PORT: String(port) } });
    const opened = await waitFor(() => events.find((e) => e.port === port && e.type === 'open'), `port ${port} to open`);
    const previewHost = new URL(opened.url).host;
    const echoed = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: playground.port, headers: { host: previewHost, connection: 'Upgrade', upgrade: 'echo' } });
      req.on('upgrade', (res, socket) => {
        socket.once('data', (data) => {
          resolve(`${res.statusCode} ${data.toString()}`);
          socket.destroy();
        });
        socket.write('ping');
      });
      req.on('error', reject);
      req.end();
    });
    expect(echoed).toBe('101 ping');
    await runtime.dispose();
  });
});
