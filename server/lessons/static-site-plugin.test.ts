import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { ISOLATION_HEADERS } from '../../contracts/isolation.ts';
import { headersFor, parseHeadersFile } from '../../e2e/static-site-server.ts';
import { vercelHeadersJson } from './static-site-plugin.ts';

interface VercelConfig {
  outputDirectory?: string;
  headers: Array<{ source: string; headers: Array<{ key: string; value: string }> }>;
}

function vercelHeaders(config: VercelConfig): Record<string, string> {
  const all = config.headers.find((rule) => rule.source === '/(.*)');
  return Object.fromEntries((all?.headers ?? []).map(({ key, value }) => [key, value]));
}

describe('every host gets the headers npm start sends', () => {
  it('public/_headers (Netlify, Cloudflare Pages) applies them to every path', async () => {
    const rules = parseHeadersFile(await readFile('public/_headers', 'utf8'));
    for (const path of ['/', '/index.html', '/assets/index-abc123.js', '/portside/packages.json']) {
      expect(headersFor(rules, path)).toEqual(ISOLATION_HEADERS);
    }
  });

  it('vercel.json in the repository builds dist/ and applies them', async () => {
    const config = JSON.parse(await readFile('vercel.json', 'utf8')) as VercelConfig;
    expect(config.outputDirectory).toBe('dist');
    expect(vercelHeaders(config)).toEqual(ISOLATION_HEADERS);
  });

  it('the vercel.json written into dist/ applies them without build settings', () => {
    const config = JSON.parse(vercelHeadersJson()) as VercelConfig;
    expect(vercelHeaders(config)).toEqual(ISOLATION_HEADERS);
    expect(Object.keys(config)).toEqual(['headers']);
  });

  it('the isolation service worker adds the same ones', async () => {
    const worker = await readFile('public/isolation-sw.js', 'utf8');
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) expect(worker).toContain(`'${name}': '${value}'`);
  });
});

describe('parseHeadersFile', () => {
  it('reads paths, indented headers and comments', () => {
    const rules = parseHeadersFile('# comment\n/*\n  A: 1\n/assets/*\n  B: two words\n/exact\n  C: 3\n');
    expect(headersFor(rules, '/assets/x.js')).toEqual({ A: '1', B: 'two words' });
    expect(headersFor(rules, '/exact')).toEqual({ A: '1', C: '3' });
    expect(headersFor(rules, '/exactly')).toEqual({ A: '1' });
  });

  it('refuses a header line before any path', () => {
    expect(() => parseHeadersFile('  A: 1\n')).toThrow(/cannot read line/);
  });
});
