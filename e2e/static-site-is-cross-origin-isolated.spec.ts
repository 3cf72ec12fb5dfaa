/**
 * The static site (dist/, built by `npm run build` — the web server of this suite builds it) on
 * the hosts docs/deploy.md covers: with public/_headers applied (Netlify, Cloudflare Pages) and
 * with no headers at all (GitHub Pages, where the isolation service worker steps in). Offline,
 * the sandbox engine cannot be fetched, so the learner must get an explanation, not a spinner.
 */
import { expect, test, type Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveStatic, type StaticSite } from './static-site-server.ts';
import { ISOLATION_HEADERS } from '../contracts/isolation.ts';

/** The build under test: dist/, or the prebuilt folder `npm start` serves when PORTSIDE_DIST is set. */
const DIST = resolve(process.env.PORTSIDE_DIST ?? 'dist');
let site: StaticSite | null = null;

test.afterEach(async () => {
  await site?.close();
  site = null;
});

/** The runtime's alert; Monaco keeps empty role="alert" live regions of its own. */
function sandboxAlert(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'sandbox' });
}

/** True once the page (after any reload) is cross-origin isolated; false while it navigates. */
async function isolated(page: Page): Promise<boolean> {
  return page.evaluate(() => globalThis.crossOriginIsolated).catch(() => false);
}

test('learner on a host that reads _headers gets a cross-origin isolated page and a clear message offline', async ({ page }) => {
  site = await serveStatic(DIST, join(DIST, '_headers'));
  const response = await page.goto(`${site.url}/?bootTimeout=1500`);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) expect(response?.headers()[name.toLowerCase()]).toBe(value);
  expect(await isolated(page)).toBe(true);
  const alert = sandboxAlert(page);
  await expect(alert).toContainText('did not start within 1.5 seconds');
  // No runner behind a static host: the learner is told how to run Portside locally, not offered a dead button.
  await expect(alert).toContainText('npm install && npm start');
  await expect(page.getByRole('button', { name: 'Use the local runtime instead' })).toHaveCount(0);
});

test('learner on a host that cannot set headers is made cross-origin isolated by the service worker', async ({ page }) => {
  site = await serveStatic(DIST, null);
  const response = await page.goto(`${site.url}/?bootTimeout=1500`);
  expect(response?.headers()['cross-origin-embedder-policy']).toBeUndefined();
  await expect.poll(() => isolated(page), { timeout: 20_000 }).toBe(true);
  const worker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
  expect(worker).toBe(`${site.url}/isolation-sw.js`);
  await expect(sandboxAlert(page)).toContainText('did not start within 1.5 seconds');
});

test('the static site loads its scripts, styles and fonts from itself, never from a CDN', async ({ page }) => {
  site = await serveStatic(DIST, join(DIST, '_headers'));
  const foreign: string[] = [];
  page.on('request', (request) => {
    const sameOrigin = new URL(request.url()).origin === site?.url || request.url().startsWith('data:');
    if (!sameOrigin && ['script', 'stylesheet', 'font', 'image', 'fetch', 'xhr'].includes(request.resourceType())) {
      foreign.push(`${request.resourceType()} ${request.url()}`);
    }
  });
  await page.goto(`${site.url}/?bootTimeout=1500`);
  await expect(sandboxAlert(page)).toBeVisible();
  expect(foreign).toEqual([]);
  expect(await remoteLoadsIn(DIST)).toEqual([]);
});

test('dist/ carries everything a host needs: headers files, isolation worker, lesson packages', async () => {
  const names = await readdir(DIST);
  expect(names).toEqual(expect.arrayContaining(['_headers', 'vercel.json', 'isolation-sw.js', 'index.html']));
  const vercel = JSON.parse(await readFile(join(DIST, 'vercel.json'), 'utf8')) as { headers: Array<{ headers: Array<{ key: string; value: string }> }> };
  expect(Object.fromEntries(vercel.headers[0]?.headers.map((h) => [h.key, h.value]) ?? [])).toEqual(ISOLATION_HEADERS);
  const snapshot = JSON.parse(await readFile(join(DIST, 'portside', 'packages.json'), 'utf8')) as Record<string, unknown>;
  expect(typeof snapshot).toBe('object');
});

/**
 * Loads of remote code in the built files: script/link/img tags in HTML, url()/@import in CSS,
 * and import()/import from/importScripts in JavaScript. Plain URL strings (links in text, the
 * WebContainer engine's origin, XML namespaces) are not loads and are not reported.
 */
async function remoteLoadsIn(dir: string): Promise<string[]> {
  const patterns: Record<string, RegExp[]> = {
    '.html': [/<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//gi],
    '.css': [/url\(\s*["']?(?:https?:)?\/\//gi, /@import\s+(?:url\()?\s*["'](?:https?:)?\/\//gi],
    '.js': [/\bimport\s*\(\s*["'`]https?:\/\//g, /\bfrom\s*["'`]https?:\/\//g, /\bimportScripts\s*\(\s*["'`]https?:\/\//g],
  };
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const extension = /\.[a-z]+$/.exec(entry.name)?.[0] ?? '';
    const checks = entry.isFile() ? patterns[extension] : undefined;
    if (!checks) continue;
    const path = join(entry.parentPath, entry.name);
    const text = await readFile(path, 'utf8');
    for (const pattern of checks) for (const match of text.matchAll(pattern)) found.push(`${path}: ${match[0]}`);
  }
  return found;
}
