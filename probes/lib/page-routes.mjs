// The routes of the same server that a page names: links, forms, `<script src>`, and paths its
// scripts fetch ('/api/quote', `/api/${x}` up to the first expression). A rule that must reach
// "whatever the page reaches" (backing-service-url) tries each, as a browser showing it would.
import { httpGet } from './http-client.mjs';

const ATTRIBUTE = /\b(?:src|href|action)\s*=\s*["']([^"'#]+)["']/gi;
const SCRIPT_SRC = /<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi;
/** A quoted path in code: '/api/quote', "/x", `/api/${…}` (up to the `${`). */
const QUOTED_PATH = /["'`](\/(?!\/)[^"'`\s${}<>]*)/g;
const ASSET = /\.(css|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|map)(\?|$)/i;
const MAX_ROUTES = 10;

/**
 * @param {{ host: string, port: number, path: string, body: string }} page the page as fetched
 * @returns {Promise<string[]>} paths to GET, without the page's own path, at most MAX_ROUTES
 */
export async function pageRoutes({ host, port, path, body }) {
  const base = `http://localhost:${port}${path}`;
  const found = [];
  const add = (value) => {
    let url;
    try {
      url = new URL(value, base);
    } catch {
      return;
    }
    if (url.host !== `localhost:${port}` || ASSET.test(url.pathname)) return;
    const route = url.pathname + url.search;
    if (route !== path && !found.includes(route)) found.push(route);
  };
  for (const [, value] of body.matchAll(ATTRIBUTE)) add(value);
  for (const [, value] of body.matchAll(QUOTED_PATH)) add(value);
  // Scripts of the same server may name routes too.
  for (const [, src] of body.matchAll(SCRIPT_SRC)) {
    const url = new URL(src, base);
    if (url.host !== `localhost:${port}`) continue;
    const script = await httpGet({ host, port, path: url.pathname + url.search });
    if (!script.error) for (const [, value] of (script.body ?? '').matchAll(QUOTED_PATH)) add(value);
  }
  return found.filter((route) => !/\.js(\?|$)/.test(route)).slice(0, MAX_ROUTES);
}
