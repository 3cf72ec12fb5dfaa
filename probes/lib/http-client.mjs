// One HTTP request with a deadline and the copyable curl that does the same. No keep-alive unless
// an agent is passed (a server shutting down must not wait for us — except where that is the
// point: graceful-shutdown tries a browser-like keep-alive connection too).
import { Agent, request } from 'node:http';

const MAX_BODY = 64 * 1024;

/**
 * @typedef {{ status: number, headers: import('node:http').IncomingHttpHeaders, body: string, error?: undefined }} HttpAnswer
 * @typedef {{ status?: number, headers?: undefined, body?: undefined, error: { code: string, message: string } }} HttpFailure
 */

/**
 * @param {{ host?: string, port: number, path?: string, timeoutMs?: number, onRequestSent?: () => void, agent?: Agent }} request
 *   agent: a keep-alive agent (keepAliveAgent()); the connection then stays open after the answer
 * @returns {Promise<HttpAnswer | HttpFailure>}
 */
export function httpGet({ host = '127.0.0.1', port, path = '/', timeoutMs = 5000, onRequestSent, agent }) {
  return new Promise((resolve) => {
    const headers = agent ? { 'user-agent': 'portside-check' } : { connection: 'close', 'user-agent': 'portside-check' };
    const req = request({ host, port, path, method: 'GET', agent: agent ?? false, headers });
    const timer = setTimeout(() => {
      req.destroy(Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
    req.once('error', (/** @type {NodeJS.ErrnoException} */ error) => finish({ error: { code: error.code ?? 'ERROR', message: describeError(error) } }));
    req.once('finish', () => onRequestSent?.());
    req.once('response', (res) => {
      const chunks = [];
      let size = 0;
      res.on('data', (chunk) => {
        if (size < MAX_BODY) chunks.push(chunk);
        size += chunk.length;
      });
      res.once('end', () => finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.once('error', (/** @type {NodeJS.ErrnoException} */ error) => finish({ status: res.statusCode, error: { code: error.code ?? 'ERROR', message: describeError(error) } }));
      res.once('aborted', () => finish({ status: res.statusCode, error: { code: 'ECONNRESET', message: 'the connection closed before the response ended' } }));
    });
    req.end();
    let done = false;
    /** @param {HttpAnswer | HttpFailure} outcome */
    function finish(outcome) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(outcome);
    }
  });
}

/** An agent that keeps one connection open after its answer, as a browser does. */
export function keepAliveAgent() {
  return new Agent({ keepAlive: true, maxSockets: 1 });
}

/** True while the agent still holds an idle connection the server has not closed. */
export function holdsOpenConnection(agent) {
  return Object.values(agent.freeSockets).some((sockets) => (sockets ?? []).some((socket) => !socket.destroyed));
}

/** @param {NodeJS.ErrnoException} error */
export function describeError(error) {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused: nothing is listening there';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was cut off before an answer came';
    case 'ETIMEDOUT':
      return error.message;
    default:
      return error.message === 'socket hang up' ? 'the connection was closed without an answer' : error.message;
  }
}

/** The curl a learner can paste into a terminal to see the same thing. */
export function curlFor(port, path = '/') {
  return `curl -i http://localhost:${port}${path}`;
}

/** A short line about a response: `200 OK, 27 bytes: {"service":"orders"…}`. */
export function describeResponse(response) {
  if (response.error) return response.status ? `HTTP ${response.status}, then ${response.error.message}` : response.error.message;
  const body = (response.body ?? '').replace(/\s+/g, ' ').trim();
  const shown = body.length > 80 ? body.slice(0, 77) + '...' : body;
  return `HTTP ${response.status}${shown ? `: ${shown}` : ' with an empty body'}`;
}
