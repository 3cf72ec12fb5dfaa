/**
 * Who may open a runner connection. The runner executes arbitrary programs, so every upgrade
 * must present the per-launch token, come to a Host this server answers to (no DNS rebinding:
 * a foreign name pointed at 127.0.0.1 carries its own Host), and come from a page of that same
 * playground (no cross-site WebSocket: browsers always send Origin and pages cannot forge it).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import type { IncomingMessage } from 'node:http';
import { hostWithPort } from '../http/config.ts';
import { RUNNER_PATH } from '../../contracts/runner-protocol.ts';

export interface GuardOptions {
  token: string;
  /** Lower-case `host:port` values accepted in Host (and, after `http://`, in Origin). */
  allowedHosts: ReadonlySet<string>;
}

/** Host headers that reach this server legitimately: the loopback names, HOST itself, and for a wildcard HOST every interface address. */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = ['localhost', '127.0.0.1', '::1', host];
  if (host === '0.0.0.0' || host === '::') {
    for (const list of Object.values(networkInterfaces())) {
      for (const entry of list ?? []) names.push(entry.address.split('%')[0] ?? entry.address);
    }
  }
  return new Set(names.map((name) => hostWithPort(name, port).toLowerCase()));
}

/** Why an upgrade is refused, or null when it may proceed. */
export function refusal(request: IncomingMessage, options: GuardOptions): string | null {
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://runner.invalid');
  } catch {
    return 'malformed request target'; // e.g. `http://%/`: this once threw in the upgrade listener and ended the server
  }
  if (url.pathname !== RUNNER_PATH) return `no WebSocket endpoint at ${url.pathname}`;
  const token = url.searchParams.get('token');
  if (!token) return 'missing runner token';
  if (!sameSecret(token, options.token)) return 'wrong runner token';
  const host = (request.headers.host ?? '').toLowerCase();
  if (!options.allowedHosts.has(host)) return `Host "${host}" is not this playground`;
  const origin = request.headers.origin;
  if (!origin) return 'missing Origin';
  const originHost = origin.toLowerCase().startsWith('http://') ? origin.slice('http://'.length).toLowerCase() : null;
  if (originHost === null || !options.allowedHosts.has(originHost)) return `Origin "${origin}" is not this playground`;
  return null;
}

/** Compares digests so neither the length nor the content leaks through timing. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
