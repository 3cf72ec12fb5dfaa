// The routing layer for "Behind the router" (lesson 10): a tiny stand-in for the router a platform
// such as Heroku or a Kubernetes ingress puts in front of an app's instances. Plain ESM, no
// dependencies, Node >= 20: it is copied into sandboxes and runs there beside the learner's code.
//
// Usage:
//   PORT=41000 UPSTREAMS=http://127.0.0.1:41001,http://127.0.0.1:41002 node router.mjs
//
// Environment:
//   PORT       where the router listens (0 asks the OS for a free port; the listening line says which)
//   HOST       the interface it binds; default 127.0.0.1 (the instances are local too)
//   UPSTREAMS  comma-separated http:// URLs of the instances; only host and port are used
//
// What it does: each HTTP request (and each WebSocket upgrade) goes to the next instance in turn
// (round robin). An instance that refuses the connection (not started, crashed, or draining after
// SIGTERM) is skipped and the next one is tried; when none answers, the client gets a 502 whose
// body says so in plain words. Every response carries `x-served-by: <instance port>`, and the
// instance receives the usual x-forwarded-for / -host / -proto headers.
//
// Log format — one line per event on stdout, stable so the playground can parse it:
//   router listening on port 41000 → instances :41001, :41002      (once, when ready)
//   GET / → instance :41002 (200)                                   (a request, and the status)
//   GET /chat → instance :41001 (101)                               (a WebSocket upgrade)
//   GET / → instance :41001 refused the connection, skipping it      (then the next line says
//                                                                    which instance served it)
//   GET / → no instance answered (502)                              (every instance refused)
//   GET / → instance :41002 dropped the connection (502)            (it accepted, then closed
//                                                                    without answering)
// Regular expression for a served request: /^(\S+) (\S+) → instance :(\d+) \((\d{3})\)$/
// Bad configuration (PORT or UPSTREAMS) prints one line on stderr and exits with code 1.
import http from 'node:http';

const CONNECT_TIMEOUT_MS = 2000;
const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Connection-level headers that belong to one hop and must not be forwarded. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade'];

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`router: ${message}`);
  process.exit(1);
}

function readPort(value) {
  if (value === undefined || value === '') fail('PORT is not set; start me with PORT=<port>');
  if (!/^\d+$/.test(value) || Number(value) > 65535) fail(`PORT must be a number from 0 to 65535, got "${value}"`);
  return Number(value);
}

function readUpstreams(value) {
  if (!value) fail('UPSTREAMS is not set; give it the instances, e.g. UPSTREAMS=http://127.0.0.1:41001,http://127.0.0.1:41002');
  const list = value.split(',').map((text) => text.trim()).filter(Boolean).map((text) => {
    let url;
    try {
      url = new URL(text);
    } catch {
      fail(`UPSTREAMS entry "${text}" is not a URL`);
    }
    if (url.protocol !== 'http:') fail(`UPSTREAMS entry "${text}" must start with http://`);
    return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 80) };
  });
  if (list.length === 0) fail('UPSTREAMS lists no instances');
  return list;
}

const port = readPort(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';
const upstreams = readUpstreams(process.env.UPSTREAMS);
let next = 0;

/** The instances in the order this request should try them: round robin, one step per request. */
function turn() {
  const start = next;
  next = (next + 1) % upstreams.length;
  return upstreams.map((_, i) => upstreams[(start + i) % upstreams.length]);
}

/** After a skip, the turn passes to the instance after the one that served, so answers alternate. */
function served(upstream) {
  next = (upstreams.indexOf(upstream) + 1) % upstreams.length;
}

function forwardedHeaders(request) {
  const headers = { ...request.headers };
  for (const name of HOP_BY_HOP) delete headers[name];
  const client = request.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${client}` : client;
  headers['x-forwarded-host'] = request.headers.host ?? '';
  headers['x-forwarded-proto'] = 'http';
  return headers;
}

/**
 * Sends one request to one instance. Resolves with the instance's response (or, for an upgrade,
 * its 101 answer); with `{ dropped }` when it accepted the connection but broke it before
 * answering; or with `null` when it never accepted the connection — only then is it safe to try
 * another instance, because it cannot have seen the request.
 */
function attempt(upstream, options, body) {
  return new Promise((resolve) => {
    const outgoing = http.request({ ...upstream, ...options, agent: false });
    let connected = false;
    outgoing.on('socket', (socket) => {
      socket.setTimeout(CONNECT_TIMEOUT_MS, () => connected || outgoing.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })));
      socket.once('connect', () => {
        connected = true;
        socket.setTimeout(0);
      });
    });
    outgoing.on('response', (response) => resolve({ response }));
    outgoing.on('upgrade', (response, socket, head) => resolve({ response, socket, head }));
    outgoing.on('error', (error) => resolve(connected ? { dropped: error } : null));
    outgoing.end(body);
  });
}

/** Tries each instance in turn; logs every skip. Resolves with the first answer, or null. */
async function route(request, options, body) {
  const label = `${request.method} ${request.url}`;
  for (const upstream of turn()) {
    const answer = await attempt(upstream, options, body);
    if (answer) {
      served(upstream);
      return { ...answer, upstream, label };
    }
    console.log(`${label} → instance :${upstream.port} refused the connection, skipping it`);
  }
  console.log(`${label} → no instance answered (502)`);
  return null;
}

function noInstance(response) {
  response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'x-served-by': 'none' });
  response.end(`502 Bad Gateway: the router tried every instance (${upstreams.map((u) => `:${u.port}`).join(', ')}) and none accepted the connection. Is your app listening on the PORT it was given?\n`);
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function handleRequest(request, response) {
  // The body is buffered so the request can be replayed to the next instance if one refuses.
  const body = await readBody(request).catch(() => null);
  if (!body) {
    response.writeHead(413, { 'content-type': 'text/plain; charset=utf-8' }).end('413: request body too large for the router\n');
    return;
  }
  const options = { method: request.method, path: request.url, headers: forwardedHeaders(request) };
  const routed = await route(request, options, body);
  if (!routed) return noInstance(response);
  const { response: answer, upstream, label } = routed;
  if (!answer) {
    console.log(`${label} → instance :${upstream.port} dropped the connection (502)`);
    response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'x-served-by': String(upstream.port) });
    return response.end(`502 Bad Gateway: instance :${upstream.port} accepted the request but closed the connection without answering (${routed.dropped.message}).\n`);
  }
  const headers = { ...answer.headers, 'x-served-by': String(upstream.port) };
  for (const name of HOP_BY_HOP) delete headers[name];
  response.writeHead(answer.statusCode ?? 502, headers);
  answer.pipe(response);
  console.log(`${label} → instance :${upstream.port} (${answer.statusCode})`);
}

/** A WebSocket (or any) upgrade: find an instance that accepts, then splice the two sockets. */
async function handleUpgrade(request, client, head) {
  client.on('error', () => {});
  const options = {
    method: request.method,
    path: request.url,
    headers: { ...forwardedHeaders(request), connection: 'Upgrade', upgrade: request.headers.upgrade ?? 'websocket' },
  };
  const routed = await route(request, options, undefined);
  if (routed && !routed.response) console.log(`${routed.label} → instance :${routed.upstream.port} dropped the connection (502)`);
  if (!routed?.response) {
    client.end('HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nno instance answered\n');
    return;
  }
  const { response, socket, upstream, label } = routed;
  const status = response.statusCode ?? 502;
  console.log(`${label} → instance :${upstream.port} (${status})`);
  const lines = [`HTTP/1.1 ${status} ${response.statusMessage ?? ''}`];
  for (let i = 0; i < response.rawHeaders.length; i += 2) {
    const name = response.rawHeaders[i] ?? '';
    // A refused upgrade is a plain response: its body is re-sent unframed, ended by closing.
    if (!socket && HOP_BY_HOP.includes(name.toLowerCase())) continue;
    if (!socket && name.toLowerCase() === 'content-length') continue;
    lines.push(`${name}: ${response.rawHeaders[i + 1]}`);
  }
  lines.push(`x-served-by: ${upstream.port}`);
  if (!socket) {
    client.write(`${lines.join('\r\n')}\r\nconnection: close\r\n\r\n`);
    response.pipe(client);
    return;
  }
  client.write(`${lines.join('\r\n')}\r\n\r\n`);
  if (head?.length) client.write(head);
  if (routed.head?.length) client.write(routed.head);
  socket.on('error', () => client.destroy());
  client.on('error', () => socket.destroy());
  socket.pipe(client).pipe(socket);
}

const server = http.createServer((request, response) => {
  handleRequest(request, response).catch((error) => {
    console.error(`router: ${error.message}`);
    if (!response.headersSent) response.writeHead(500).end('500: the router failed\n');
  });
});
server.on('upgrade', (request, socket, head) => {
  handleUpgrade(request, socket, head).catch(() => socket.destroy());
});
server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => fail(error.code === 'EADDRINUSE' ? `port ${port} is already in use` : error.message));
server.listen(port, host, () => {
  const bound = server.address();
  const actual = typeof bound === 'object' && bound ? bound.port : port;
  console.log(`router listening on port ${actual} → instances ${upstreams.map((u) => `:${u.port}`).join(', ')}`);
});

// The router itself shuts down cleanly too: stop accepting, let responses in flight finish.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
