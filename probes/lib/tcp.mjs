// Plain TCP: can anything be reached on host:port?
import { connect } from 'node:net';

/** Resolves `{ ok: true }` when a connection opens, or `{ ok: false, code }` (ECONNREFUSED…). */
export function tryConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => finish({ ok: false, code: 'ETIMEDOUT' }), timeoutMs);
    socket.once('connect', () => finish({ ok: true }));
    socket.once('error', (/** @type {NodeJS.ErrnoException} */ error) => finish({ ok: false, code: error.code ?? error.message }));
    function finish(result) {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    }
  });
}

/** Tries IPv4 loopback, then IPv6 loopback: a server bound to either counts as reachable. */
export async function reachable(port, timeoutMs = 1000) {
  const v4 = await tryConnect('127.0.0.1', port, timeoutMs);
  if (v4.ok) return { ok: true, host: '127.0.0.1' };
  const v6 = await tryConnect('::1', port, timeoutMs);
  if (v6.ok) return { ok: true, host: '::1' };
  return { ok: false, code: v4.code };
}
