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
 * One listen() or bind() call and what became of it. `protocol` is 'udp' for dgram sockets (TCP
 * otherwise); `implicit` marks a UDP socket that send()/connect() bound by itself (a client);
 * `tid` the worker thread (0: the main thread); `seenIn` says a socket came from the operating
 * system's socket table rather than from the observer.
 * @typedef {{ pid: number, tid?: number, id: number|string, kind: string, protocol?: 'tcp'|'udp', implicit?: boolean, seenIn?: 'os',
 *   requested: { port?: number|string|null, host?: string, path?: string, handle?: boolean },
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
  /** @type {{ pid: number, parent: number, start?: string }[]} processes the program started (any program) */
  const children = [];
  /** @type {Map<number, string | undefined>} node process → its start time (see ProcessTree) */
  const starts = new Map();
  let lastStart = 0;
  for (const event of events) {
    const key = `${event.pid}:${event.tid ?? 0}:${event.id}`;
    if (event.event === 'start' || event.event === 'listen') lastStart = Math.max(lastStart, event.t ?? 0);
    if (event.event === 'start') {
      pids.add(event.pid);
      if (!event.tid) starts.set(event.pid, event.start);
    }
    else if (event.event === 'exit') exits.push({ pid: event.pid, code: event.code });
    else if (event.event === 'child') children.push({ pid: event.child, parent: event.pid, start: event.start });
    else if (event.event === 'listen') {
      const { port, host, path, handle } = event;
      const extra = { ...(event.tid ? { tid: event.tid } : {}), ...(event.protocol === 'udp' ? { protocol: /** @type {const} */ ('udp') } : {}), ...(event.implicit ? { implicit: true } : {}) };
      servers.set(key, { pid: event.pid, ...extra, id: event.id, kind: event.kind, requested: { port, host, path, handle }, at: event.at, listening: null, error: null, closed: false });
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
  // Every process the observer reported, with its start time where known: the processes to stop.
  const processes = [...[...starts].map(([pid, start]) => ({ pid, start })), ...children.map(({ pid, start }) => ({ pid, start }))];
  return { observed: pids.size > 0, pids: [...pids], servers: [...servers.values()], requests, exits, children, processes, lastStart };
}

/**
 * Adds the sockets the operating system shows for the run's processes that the observer did not
 * record (a program that is not node, a socket opened some other way). A socket on a port the
 * observer already knows is the same socket seen twice; one of an observed process whose listen()
 * has not reported back yet is most likely that listen() and is left to the observer.
 * @param {ReturnType<typeof summarize>} summary
 * @param {{ pid: number, protocol: 'tcp'|'udp', address: string, port: number }[]} sockets
 */
export function addOsSockets(summary, sockets) {
  const known = new Set(summary.servers.flatMap((s) => [s.listening?.port, s.requested.port].filter((p) => typeof p === 'number' && p > 0).map((p) => `${s.protocol ?? 'tcp'}:${p}`)));
  const binding = new Set(summary.servers.filter((s) => !s.listening && !s.error).map((s) => s.pid));
  for (const { pid, protocol, address, port } of sockets) {
    const key = `${protocol}:${port}`;
    if (known.has(key) || binding.has(pid)) continue;
    known.add(key);
    summary.servers.push({ pid, id: `os:${key}`, kind: 'process', protocol, seenIn: 'os', requested: { port }, listening: { address, port }, error: null, closed: false });
  }
  return summary;
}

/** Ports some server actually listened on or bound (in the order they were asked for); not client sockets. */
export function listeningPorts(summary) {
  const ports = summary.servers.filter((s) => s.listening && !s.implicit && typeof s.listening.port === 'number').map((s) => s.listening.port);
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

/** The servers bound somewhere (TCP, UDP, the inspector) — not client sockets. */
export function listeners(summary) {
  return summary.servers.filter((s) => s.listening && !s.implicit);
}

/** True when every listen() call has either bound or failed: nothing is still on its way. */
export function allSettled(summary) {
  return summary.servers.length > 0 && summary.servers.every((s) => s.listening || s.error);
}

/** A server a client can connect to and talk to: TCP, and not the inspector. */
export function isStreamServer(server) {
  return server.protocol !== 'udp' && server.kind !== 'inspector';
}

/** The (TCP) server listening on `port`, if any. */
export function serverOn(summary, port) {
  return summary.servers.find((s) => s.listening?.port === port && isStreamServer(s));
}

/** How listen() was called, in the learner's words: `listen(3000, "0.0.0.0")`. */
export function describeCall(server) {
  const { port, host, path, handle } = server.requested;
  const call = server.protocol === 'udp' ? 'bind' : 'listen';
  if (server.kind === 'inspector') return port === undefined || port === null ? 'the inspector' : `the inspector (port ${port})`;
  if (handle) return `${call}(<handle>)`;
  if (path !== undefined && path !== null) return `${call}(${JSON.stringify(path)})`;
  const shownPort = port === null || port === undefined ? 'undefined' : typeof port === 'number' ? String(port) : JSON.stringify(port);
  return host ? `${call}(${shownPort}, ${JSON.stringify(host)})` : `${call}(${shownPort})`;
}

/** One line per server: what was asked, where from, and what happened. */
export function describeServer(server) {
  const bound = server.protocol === 'udp' ? 'bound to' : 'listening on';
  if (server.seenIn === 'os') return `a process (pid ${server.pid}) ${server.protocol === 'udp' ? 'with a UDP socket bound to' : 'listening on'} ${formatAddress(server.listening.address, server.listening.port)} (seen in the system's socket table)`;
  const where = server.at ? ` at ${server.at.file}:${server.at.line}:${server.at.column}` : '';
  const thread = server.tid ? ` in worker thread ${server.tid}` : '';
  const kind = server.kind === 'inspector' ? '' : server.protocol === 'udp' ? (server.implicit ? 'udp client socket ' : 'udp socket ') : `${server.kind} server `;
  let outcome = 'still binding';
  if (server.listening?.path) outcome = `listening on the pipe ${server.listening.path}`;
  else if (server.listening) outcome = `${bound} ${formatAddress(server.listening.address, server.listening.port)}`;
  else if (server.error) outcome = `failed: ${server.error.code ?? server.error.message}`;
  return `${kind}${describeCall(server)}${thread}${where} → ${outcome}`;
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
