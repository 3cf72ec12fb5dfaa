/**
 * Who may use this Portside: whoever holds the per-launch secret, the way Jupyter does it. The
 * `Host` and `Origin` checks stop other websites, not other programs — any local process (any
 * user, on a shared machine) could GET / and read the runner token. So `npm start` prints a URL
 * carrying a secret only the launching user sees; the server trades it for an HttpOnly,
 * SameSite=Strict cookie, and only requests with that cookie get the page with the runner
 * token, runner upgrades and Vite's HMR socket.
 *
 * Previews live on another host (`<port>.<key>.localhost:<serverPort>`), which this cookie
 * never reaches: a cookie set by 127.0.0.1 is not sent to *.localhost, and a cookie inside a
 * cross-site iframe would need SameSite=None and third-party cookies, which browsers are
 * phasing out. So the preview's credential is in its host name instead: a key derived from the
 * secret, known only to the app page (it arrives in the port events). Paths stay the learner's
 * own, so `/style.css` and redirects built from Host keep working in the preview.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sameSecret } from '../runner/upgrade-guard.ts';

export const SESSION_COOKIE = 'portside-session';
const MIN_SECRET_LENGTH = 16;

export interface Login {
  /** What goes into the printed URL as `?secret=`. */
  readonly secret: string;
  /** The key in preview host names (lower-case hex: host names ignore case). */
  readonly previewKey: string;
  /** Answers a request carrying `?secret=`: a redirect that sets the cookie, or a refusal. False when there is no `secret` parameter. */
  exchange(req: IncomingMessage, res: ServerResponse): boolean;
  hasSession(req: IncomingMessage): boolean;
}

/** A PORTSIDE_SECRET that cannot be used; the message says why. */
export class SecretError extends Error {}

/** The secret from PORTSIDE_SECRET (so tests and the bench can log in), or a fresh random one. */
export function readSecret(env: Record<string, string | undefined>): string {
  const fixed = env.PORTSIDE_SECRET;
  if (fixed === undefined || fixed === '') return randomBytes(24).toString('base64url');
  if (fixed.length < MIN_SECRET_LENGTH || !/^[A-Za-z0-9_-]+$/.test(fixed)) {
    throw new SecretError(`PORTSIDE_SECRET must be at least ${MIN_SECRET_LENGTH} letters, digits, "-" or "_". Unset it for a random one.`);
  }
  return fixed;
}

export function createLogin(secret: string): Login {
  // Derived, so the cookie and the preview key are not the secret itself (the preview key is seen by learner code in Host).
  const derive = (purpose: string) => createHmac('sha256', secret).update(purpose).digest();
  const cookieValue = derive('session cookie').toString('base64url');
  const previewKey = derive('preview host').toString('hex').slice(0, 24);

  return {
    secret,
    previewKey,
    exchange(req, res) {
      const url = parseTarget(req.url);
      const given = url?.searchParams.get('secret');
      if (!url || given === null || given === undefined) return false;
      if (!sameSecret(given, secret)) {
        res.writeHead(403, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(loginPage('This link does not open this Portside: it is from another launch, or mistyped.'));
        return true;
      }
      url.searchParams.delete('secret');
      res.writeHead(303, {
        // The fragment (#/lesson) survives a redirect without one, so the learner lands where the link pointed.
        Location: url.pathname + url.search,
        'Set-Cookie': `${SESSION_COOKIE}=${cookieValue}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      res.end();
      return true;
    },
    hasSession(req) {
      const value = cookieFrom(req.headers.cookie, SESSION_COOKIE);
      return value !== null && sameSecret(value, cookieValue);
    },
  };
}

export function sendLoginPage(res: ServerResponse): void {
  res.writeHead(403, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(loginPage('Portside opens only through the address it printed when it started.'));
}

function parseTarget(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://portside.invalid');
  } catch {
    return null;
  }
}

function cookieFrom(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function loginPage(why: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Open Portside</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; color: #334; margin: 2.5rem; max-width: 40rem; } code { background: #eef; padding: 0 .25em; border-radius: 3px; }</style></head>
<body>
  <h1>Open Portside from the address it printed</h1>
  <p>${why}</p>
  <p>In the terminal where you ran <code>npm start</code> (or <code>npm run dev</code>), Portside printed a line like
  <code>Open http://127.0.0.1:4780/?secret=…</code>. Open that address in this browser. Restarted Portside?
  Each launch prints a new one.</p>
  <p>The secret keeps other programs and other users of this computer out: Portside runs code as you.</p>
</body>
</html>
`;
}
