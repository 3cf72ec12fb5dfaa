// What the page a server serves does in a browser, as far as WebSockets go: fetch the page, take
// its scripts (inline, and `<script src>` from the same server), start them in page-sandbox.cjs
// (a child process with a stand-in DOM) and report the WebSocket URLs they open, resolved
// against the page's own URL. Also finds the line in the workspace's HTML to point a learner at.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { httpGet } from './http-client.mjs';

const SANDBOX = join(dirname(fileURLToPath(import.meta.url)), 'page-sandbox.cjs');
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LIMIT_MS = 3000;
const OPENS = /new\s+WebSocket\s*\(/;
export const PAGE_HOST = 'preview.portside.test';

/**
 * @param {{ host: string, port: number, path: string }} where
 * @returns {Promise<{ html: boolean, scripts: number, sockets: URL[], errors: string[], pageUrl: string }>}
 */
export async function pageSockets({ host, port, path }) {
  // The page believes it came from a host that is not this machine, as it does in a preview or
  // on a platform, so a script that names localhost (or a port of its own) is caught.
  const pageUrl = `http://${PAGE_HOST}:${port}${path}`;
  const page = await httpGet({ host, port, path });
  const html = !page.error && /<(html|script|body)\b/i.test(page.body ?? '');
  if (!html) return { html: false, scripts: 0, sockets: [], errors: [], pageUrl };
  const scripts = [];
  for (const [, attributes, inline] of (page.body ?? '').matchAll(SCRIPT)) {
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
    if (!src) {
      scripts.push(inline);
      continue;
    }
    const target = new URL(src, pageUrl);
    if (target.port !== String(port)) continue; // another origin: not the learner's page code
    const file = await httpGet({ host, port, path: target.pathname + target.search });
    if (!file.error && file.status === 200) scripts.push(file.body ?? '');
  }
  const { sockets = [], errors = [] } = await runInSandbox({ scripts, pageUrl });
  return { html: true, scripts: scripts.length, sockets: sockets.map((url) => new URL(url, pageUrl)), errors, pageUrl };
}

/** @returns {Promise<{ sockets?: string[], errors?: string[] }>} */
function runInSandbox(input) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SANDBOX], { stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', () => resolve({ errors: ['the page could not be started in the check'] }));
    child.on('close', () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out));
      } catch {
        resolve({ errors: [`the page's script did not finish within ${LIMIT_MS / 1000} s`] });
      }
    });
    child.stdin.end(JSON.stringify(input));
  });
}

/**
 * The line of the workspace's HTML where the page opens its WebSocket (or computes its port):
 * `{ file, line, snippet }`, or undefined. Looks in the root and public/ folders.
 * @param {string} cwd
 * @param {RegExp} [preferred] a line to prefer, e.g. one that reads location.port
 */
export function socketLine(cwd, preferred) {
  for (const dir of ['', 'public', 'static']) {
    let names = [];
    try {
      names = readdirSync(join(cwd, dir)).filter((name) => name.endsWith('.html'));
    } catch {
      continue;
    }
    for (const name of names) {
      const lines = readFileSync(join(cwd, dir, name), 'utf8').split('\n');
      const patterns = preferred ? [preferred, OPENS] : [OPENS];
      const index = patterns.map((re) => lines.findIndex((text) => re.test(text))).find((i) => i >= 0);
      if (index !== undefined) return { file: dir ? `${dir}/${name}` : name, line: index + 1, snippet: lines[index].trim() };
    }
  }
  return undefined;
}
