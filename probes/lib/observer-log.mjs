// Reads what observer.cjs wrote: JSON lines in, a list of servers (one per listen() call) out.
// Pure functions, so the rules' evidence can be tested without starting anything.

/** Parses complete JSON lines; a half-written last line is left for the next read. */
export function parseLog(text) {
  const events = [];
  const lines = text.split('\n');
  lines.pop(); // either '' after the final newline, or a line still being written
  for (const line of lines) {
    if (!line.trim()) continue;
    try {
      events.push(JSON.parse(line));
    } catch {
      // A line the observer did not write in full (the process died mid-write); skip it.
    }
  }
  return events;
}

/**
 * @typedef {{ pid: number, id: number, kind: string, requested: { port?: number|string|null, host?: string, path?: string, handle?: boolean },
 *   at?: { file: string, line: number, column: number }, listening: { address?: string, family?: string, port?: number, path?: string } | null,
 *   error: { code?: string, message: string } | null, closed: boolean }} ObservedServer
 */

/** Folds the events into what each process did: servers, requests, exits. */
export function summarize(events) {
  /** @type {Map<string, ObservedServer>} */
  const servers = new Map();
  const requests = [];
  const exits = [];
  const pids = new Set();
  let lastStart = 0;
  for (const event of events) {
    const key = `${event.pid}:${event.id}`;
    if (event.event === 'start' || event.event === 'listen') lastStart = Math.max(lastStart, event.t ?? 0);
    if (event.event === 'start') pids.add(event.pid);
    else if (event.event === 'exit') exits.push({ pid: event.pid, code: event.code });
    else if (event.event === 'listen') {
      const { port, host, path, handle } = event;
      servers.set(key, { pid: event.pid, id: event.id, kind: event.kind, requested: { port, host, path, handle }, at: event.at, listening: null, error: null, closed: false });
    } else {
      const server = servers.get(key);
      if (event.event === 'request') requests.push({ pid: event.pid, id: event.id, method: event.method, url: event.url, port: server?.listening?.port });
      if (!server) continue;
      if (event.event === 'listening') server.listening = { address: event.address, family: event.family, port: event.port, path: event.path };
      else if (event.event === 'error' && !server.listening) server.error = { code: event.code, message: event.message };
      else if (event.event === 'listen-throw') server.error = { code: event.code, message: event.message };
      else if (event.event === 'close') server.closed = true;
    }
  }
  // lastStart: when a node process last started or called listen(), so time limits can count
  // from the program's own start rather than from npm's or a slow machine's.
  return { observed: pids.size > 0, pids: [...pids], servers: [...servers.values()], requests, exits, lastStart };
}

/** Ports some server actually listened on (in the order they were asked for). */
export function listeningPorts(summary) {
  const ports = summary.servers.filter((s) => s.listening && typeof s.listening.port === 'number').map((s) => s.listening.port);
  return [...new Set(ports)];
}

/**
 * Every port the program listened on or tried to (a listen() that failed with EADDRINUSE still
 * shows where the code wanted to be — and whether it got there can depend on timing).
 */
export function portsUsed(summary) {
  const requested = summary.servers.map((s) => s.requested.port).filter((port) => typeof port === 'number' && port > 0);
  return [...new Set([...listeningPorts(summary), ...requested])];
}

/** True when every listen() call has either bound or failed: nothing is still on its way. */
export function allSettled(summary) {
  return summary.servers.length > 0 && summary.servers.every((s) => s.listening || s.error);
}

/** The server listening on `port`, if any. */
export function serverOn(summary, port) {
  return summary.servers.find((s) => s.listening?.port === port);
}

/** How listen() was called, in the learner's words: `listen(3000, "0.0.0.0")`. */
export function describeCall(server) {
  const { port, host, path, handle } = server.requested;
  if (handle) return 'listen(<handle>)';
  if (path !== undefined && path !== null) return `listen(${JSON.stringify(path)})`;
  const shownPort = port === null || port === undefined ? 'undefined' : typeof port === 'number' ? String(port) : JSON.stringify(port);
  return host ? `listen(${shownPort}, ${JSON.stringify(host)})` : `listen(${shownPort})`;
}

/** One line per server: what was asked, where from, and what happened. */
export function describeServer(server) {
  if (server.kind === 'process') return `a process listening on ${formatAddress(server.listening.address, server.listening.port)} (seen in /proc)`;
  const where = server.at ? ` at ${server.at.file}:${server.at.line}:${server.at.column}` : '';
  let outcome = 'still binding';
  if (server.listening?.path) outcome = `listening on the pipe ${server.listening.path}`;
  else if (server.listening) outcome = `listening on ${formatAddress(server.listening.address, server.listening.port)}`;
  else if (server.error) outcome = `failed: ${server.error.code ?? server.error.message}`;
  return `${server.kind} server ${describeCall(server)}${where} → ${outcome}`;
}

export function formatAddress(address, port) {
  if (!address) return `port ${port}`;
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** Where a connecting client should go to reach a server bound to `address`. */
export function connectHost(address) {
  if (!address || address === '::' || address === '0.0.0.0') return '127.0.0.1';
  if (address === '::ffff:127.0.0.1') return '127.0.0.1';
  return address;
}
