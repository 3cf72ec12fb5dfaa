// Logging in with the printed secret, against a real server: what a stranger process gets
// (nothing with the token in it) and what the holder of the URL gets (a cookie, then the page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { readSecret } from './login.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground({ 'app.js': 'console.log(1)' })));
afterAll(() => playground.close());

const at = (path: string, headers: Record<string, string> = {}) => fetch(`${playground.origin}${path}`, { redirect: 'manual', headers });

describe('login with the printed secret', () => {
  it('prints a URL whose secret is exchanged for an HttpOnly, SameSite=Strict cookie and a redirect that drops it', async () => {
    const secret = new URL(playground.loginUrl).searchParams.get('secret') ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const answer = await at(`/?runtime=local&secret=${encodeURIComponent(secret)}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/?runtime=local');
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^portside-session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(cookie).not.toContain(secret);
    const page = await (await at('/', { cookie: cookie.split(';')[0] ?? '' })).text();
    expect(page).toContain(`<meta name="portside-runner" content="${playground.token}">`);
  });

  it('gives a stranger without the cookie a page that explains how to open Portside, never the token', async () => {
    for (const path of ['/', '/lessons/x', '/app.js', '/index.html']) {
      const answer = await at(path);
      const body = await answer.text();
      expect(answer.status).toBe(403);
      expect(body).not.toContain(playground.token);
      expect(body).not.toContain('console.log(1)');
      expect(body).toContain('npm start');
    }
    expect(await (await at('/', { cookie: 'portside-session=guess' })).text()).not.toContain(playground.token);
    expect(await (await at('/', { cookie: `portside-session=${playground.token}` })).text()).not.toContain(playground.token);
  });

  it('refuses a wrong secret, and still answers /healthz without one', async () => {
    const wrong = await at('/?secret=not-the-secret');
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect((await at('/healthz')).status).toBe(200);
  });
});

describe('readSecret', () => {
  it('takes PORTSIDE_SECRET when it is long enough, and makes a random one otherwise', () => {
    expect(readSecret({ PORTSIDE_SECRET: 'a-fixed-secret-for-tests' })).toBe('a-fixed-secret-for-tests');
    expect(readSecret({})).not.toBe(readSecret({}));
    expect(() => readSecret({ PORTSIDE_SECRET: 'short' })).toThrow(/at least 16/);
    expect(() => readSecret({ PORTSIDE_SECRET: 'has spaces and "quotes" in it' })).toThrow(/PORTSIDE_SECRET/);
  });
});
