/**
 * HOST and PORT for the app server, read from the environment — Portside follows the
 * principle it teaches. Defaults: HOST=127.0.0.1 (loopback only) and PORT=4780, a port no
 * lesson uses and no common tool claims.
 */
import { isIP } from 'node:net';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4780;

export interface ServerAddress {
  host: string;
  port: number;
}

/** A setting that cannot be used; the message says what to type instead. */
export class ConfigError extends Error {}

export function readAddress(env: Record<string, string | undefined>): ServerAddress {
  return { host: readHost(env.HOST), port: readPort(env.PORT) };
}

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const text = raw.trim();
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new ConfigError(
      `PORT must be a whole number from 1 to 65535 (0 picks any free port), but it is "${raw}".\n` +
        `Start Portside like this: PORT=${DEFAULT_PORT} npm start`,
    );
  }
  return port;
}

function readHost(raw: string | undefined): string {
  const host = raw?.trim() || DEFAULT_HOST;
  // Brackets belong in URLs, not in listen(): accept "[::1]" as a courtesy.
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (!/^[A-Za-z0-9.:-]+$/.test(bare)) {
    throw new ConfigError(`HOST must be an address or host name such as 127.0.0.1 or localhost, but it is "${raw}".`);
  }
  return bare;
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1' || h === '0:0:0:0:0:0:0:1' || h.startsWith('::ffff:127.');
}

/** `host:port` as it appears in a URL or a Host header (IPv6 in brackets). */
export function hostWithPort(host: string, port: number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The host to put in a URL for a browser: a wildcard bind address is reached as localhost. */
export function browsableHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? 'localhost' : host;
}

/** The loud warning printed when HOST lets other machines in. */
export function exposedWarning(address: ServerAddress): string {
  const bar = '!'.repeat(72);
  return [
    bar,
    `!! WARNING: Portside is listening on ${hostWithPort(address.host, address.port)}, not on loopback.`,
    '!! Anyone who can reach this address and gets the printed login address can run',
    '!! any program on this machine, as you, through the local runner.',
    '!! Unset HOST (the default is 127.0.0.1) unless you really mean this.',
    bar,
  ].join('\n');
}

export function portInUseMessage(port: number): string {
  const next = port >= 65535 ? 4781 : port + 1;
  return `Port ${port} is already in use. Start Portside on another port: PORT=${next} npm start`;
}
