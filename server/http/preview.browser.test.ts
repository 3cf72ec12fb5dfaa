// Proof in real Chromium: a cross-origin-isolated playground page shows a learner's server in
// an iframe through the preview proxy — and the same server framed directly is blocked, which
// is why the proxy exists.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, waitFor, type PortEvent, type Runtime } from '../../test-support/runner-client.ts';

const CHROMIUM = process.env.PORTSIDE_CHROMIUM ?? '/usr/bin/chromium';
/** The same flags as playwright.config.ts. */
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

let playground: FixturePlayground;
let runtime: Runtime;
let browser: Browser;
let page: Page;
let learnerPort: number;
let previewUrl: string;

describe.skipIf(!existsSync(CHROMIUM))('preview in Chromium', () => {
  beforeAll(async () => {
    playground = await startFixturePlayground();
    runtime = await connectRuntime(playground);
    const events: PortEvent[] = [];
    runtime.onPort((event) => events.push(event));
    learnerPort = await runtime.freePort();
    await runtime.writeFiles({ 'server.js': "require('node:http').createServer((q, s) => s.end('<h1>Hello from the learner server</h1>')).listen(Number(process.env.PORT))" });
    await runtime.spawn('node', ['server.js'], { env: { PORT: String(learnerPort) } });
    previewUrl = (await waitFor(() => events.find((e) => e.type === 'open'), 'the learner server to listen')).url;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage();
    await page.goto(playground.loginUrl); // the real login: the redirect sets the cookie in Chromium
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await runtime?.dispose();
    await playground?.close();
  });

  async function frame(src: string): Promise<Frame> {
    const handle = await page.evaluateHandle((url) => {
      const iframe = document.createElement('iframe');
      iframe.src = url;
      document.body.append(iframe);
      return new Promise<HTMLIFrameElement>((resolve) => iframe.addEventListener('load', () => resolve(iframe)));
    }, src);
    const content = await handle.asElement()?.contentFrame();
    if (!content) throw new Error(`no frame for ${src}`);
    return content;
  }

  it('serves the playground page cross-origin isolated', async () => {
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  });

  it('shows the learner server through the proxy', async () => {
    expect(previewUrl).toMatch(new RegExp(`^http://${learnerPort}\\.[0-9a-f]{24}\\.localhost:${playground.port}/$`));
    const preview = await frame(previewUrl);
    await preview.waitForSelector('text=Hello from the learner server', { timeout: 15_000 });
  });

  it('cannot show the same server framed directly (COEP blocks it)', async () => {
    const direct = `http://127.0.0.1:${learnerPort}/`;
    const failures: string[] = [];
    page.on('requestfailed', (request) => void (request.url() === direct && failures.push(request.failure()?.errorText ?? '')));
    const framed = await frame(direct);
    expect(framed.url()).toMatch(/^chrome-error:/);
    await waitFor(() => failures.length > 0, 'the blocked request to be reported');
    expect(failures).toEqual(['net::ERR_BLOCKED_BY_RESPONSE']);
  });

  it('cannot be framed by another site, even by a browser that holds the session cookie', async () => {
    const foreign = await browser.newPage();
    try {
      await foreign.goto(`http://127.0.0.1:${learnerPort}/`); // another origin than the app
      const failures: string[] = [];
      foreign.on('requestfailed', (request) => void (request.url() === `${playground.origin}/` && failures.push(request.failure()?.errorText ?? '')));
      const framed = await foreign.evaluate((url) => {
        const iframe = document.createElement('iframe');
        iframe.src = url;
        document.body.append(iframe);
        return new Promise<string>((resolve) => iframe.addEventListener('load', () => resolve('loaded')));
      }, `${playground.origin}/`);
      expect(framed).toBe('loaded'); // the error page loads in the frame…
      const frame = foreign.frames().find((f) => f !== foreign.mainFrame());
      expect(frame?.url()).toMatch(/^chrome-error:/); // …not the app
      await waitFor(() => failures.length > 0, 'the blocked request to be reported');
      expect(failures).toEqual(['net::ERR_BLOCKED_BY_RESPONSE']);
    } finally {
      await foreign.close();
    }
  });

  it('shows the friendly page for a port with nothing of the session on it', async () => {
    const preview = await frame(`http://1.localhost:${playground.port}/`);
    await preview.waitForSelector('text=Nothing is listening on port 1 in your Portside session', { timeout: 15_000 });
  });
});
