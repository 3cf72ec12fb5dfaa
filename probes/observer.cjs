// The listen() observer. Preloaded into every node process a check starts
// (NODE_OPTIONS=--require <abs path>/observer.cjs), it appends one JSON line per event to the
// file named by PORTSIDE_OBSERVER_LOG: process start and exit, every listen() call with where it
// came from, the address actually bound, bind errors such as EADDRINUSE, closes and requests.
// Express, Fastify, ws and node:http all end up in net.Server.prototype.listen, so one patch
// sees them all. It must never change the learner's program: it adds no 'error' listener (that
// would swallow a crash), prints nothing, and rethrows whatever listen() throws.
'use strict';

const LOG = process.env.PORTSIDE_OBSERVER_LOG;
if (LOG && !global.__portsideObserver) {
  global.__portsideObserver = true;
  install(LOG);
}

function install(logFile) {
  const fs = require('node:fs');
  const net = require('node:net');
  const http = require('node:http');
  const https = require('node:https');
  const path = require('node:path');
  const { fileURLToPath } = require('node:url');

  // Output to a pipe is asynchronous in node, so a program that floods and then crashes loses the
  // queued output and, when the reader is slow, even its error message. Blocking writes make the
  // check see what a terminal would: everything, ending with the crash.
  // @ts-ignore — _handle is node's internal pipe or TTY handle, not in its types.
  for (const stream of [process.stdout, process.stderr]) stream._handle?.setBlocking?.(true);

  const cwd = process.cwd();
  const ids = new WeakMap();
  let nextId = 1;

  function write(event) {
    try {
      fs.appendFileSync(logFile, JSON.stringify({ t: Date.now(), pid: process.pid, ...event }) + '\n');
    } catch {
      // The check may be over and its folder gone; the program must carry on regardless.
    }
  }

  function serverId(server) {
    if (!ids.has(server)) ids.set(server, nextId++);
    return ids.get(server);
  }

  /** The kind of server, from its class and from which library called listen(). */
  function kindOf(server, stack) {
    if (/[\\/]node_modules[\\/]fastify[\\/]/.test(stack)) return 'fastify';
    if (/[\\/]node_modules[\\/]express[\\/]/.test(stack)) return 'express';
    if (/[\\/]node_modules[\\/]ws[\\/]/.test(stack)) return 'ws';
    if (/[\\/]node_modules[\\/]koa[\\/]/.test(stack)) return 'koa';
    if (server instanceof https.Server) return 'https';
    if (server instanceof http.Server) return 'http';
    return 'net';
  }

  /** The first stack frame in the learner's own code: who called listen(). */
  function callSite(stack) {
    for (const line of stack.split('\n').slice(1)) {
      const match = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?\s*$/.exec(line);
      if (!match) continue;
      let file = match[1];
      if (file.startsWith('node:') || file.includes('node_modules') || file === __filename) continue;
      if (file.startsWith('file://')) file = fileURLToPath(file);
      if (!path.isAbsolute(file)) continue;
      const relative = path.relative(cwd, file);
      if (relative.startsWith('..')) continue;
      return { file: relative.split(path.sep).join('/'), line: Number(match[2]), column: Number(match[3]) };
    }
    return undefined;
  }

  /** What listen() was asked for, following net.Server's own argument rules. */
  function requested(args) {
    const [first, second] = args;
    if (first !== null && typeof first === 'object') {
      if ('_handle' in first || 'fd' in first) return { handle: true };
      return { port: portOf(first.port), host: first.host ?? undefined, path: first.path ?? undefined };
    }
    if (typeof first === 'string' && first !== '' && !/^\s*\d+\s*$/.test(first)) return { path: first };
    const host = typeof second === 'string' ? second : undefined;
    return { port: portOf(first), host };
  }

  function portOf(value) {
    if (value === undefined || value === null || typeof value === 'function') return null;
    if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
    if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
    return String(value);
  }

  const originalListen = net.Server.prototype.listen;
  net.Server.prototype.listen = function portsideListen(...args) {
    const id = serverId(this);
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 40;
    const stack = new Error().stack || '';
    Error.stackTraceLimit = limit;
    write({ event: 'listen', id, kind: kindOf(this, stack), ...requested(args), at: callSite(stack) });
    try {
      return originalListen.apply(this, /** @type {any} */ (args));
    } catch (error) {
      write({ event: 'listen-throw', id, code: error && error.code, message: String(error && error.message) });
      throw error;
    }
  };

  // Watching emit instead of adding listeners keeps the program's behaviour exactly as it was:
  // an 'error' nobody handles still crashes it.
  const originalEmit = net.Server.prototype.emit;
  net.Server.prototype.emit = function portsideEmit(name, ...args) {
    if (name === 'listening' || name === 'error' || name === 'close' || name === 'request') {
      record(this, name, args[0]);
    }
    return originalEmit.call(this, name, ...args);
  };

  function record(server, name, arg) {
    const id = serverId(server);
    if (name === 'listening') {
      const address = server.address();
      if (address && typeof address === 'object') {
        write({ event: 'listening', id, address: address.address, family: address.family, port: address.port });
      } else write({ event: 'listening', id, path: String(address) });
    } else if (name === 'error') {
      write({ event: 'error', id, code: arg && arg.code, syscall: arg && arg.syscall, port: arg && arg.port, address: arg && arg.address, message: String(arg && arg.message) });
    } else if (name === 'close') {
      write({ event: 'close', id });
    } else if (arg && typeof arg.method === 'string') {
      write({ event: 'request', id, method: arg.method, url: String(arg.url).slice(0, 200) });
    }
  }

  write({ event: 'start', ppid: process.ppid, argv: process.argv.slice(1, 4) });
  process.on('exit', (code) => write({ event: 'exit', code }));
  watchHarness(Number(process.env.PORTSIDE_HARNESS_PID));
}

/**
 * A safety net: if the harness that started this process is gone (killed without a chance to
 * clean up), leave too instead of holding a port forever. Disabled where signal 0 is unsupported.
 */
function watchHarness(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return;
  const state = () => {
    try {
      process.kill(pid, 0);
      return 'alive';
    } catch (error) {
      if (error && error.code === 'ESRCH') return 'gone';
      return error && error.code === 'EPERM' ? 'alive' : 'unknown';
    }
  };
  const now = state();
  if (now === 'unknown') return; // no signal 0 here (some sandboxes): rely on the harness's teardown
  if (now === 'gone') process.exit(137); // started just as the harness was killed
  const timer = setInterval(() => {
    if (state() === 'gone') process.exit(137);
  }, 500);
  timer.unref();
}
