// The listen() observer. Preloaded into every node process a check starts (and re-armed in the
// processes those start), it appends one JSON line per event to the file named by
// PORTSIDE_OBSERVER_LOG: process start and exit, every listen() / bind() call with where it came
// from — TCP servers (net, http, https and the libraries on top), UDP sockets (dgram), the
// inspector's port — the address actually bound, bind errors such as EADDRINUSE, closes,
// requests, and the pids of the child processes it starts. Each line names its process and
// thread (pid, tid), so a worker thread's server is never confused with the main thread's.
// Express, Fastify, ws and node:http all end up in net.Server.prototype.listen, so one patch
// sees them all. It must never change the learner's program: it adds no 'error' listener (that
// would swallow a crash), prints nothing, and rethrows whatever listen() throws.
'use strict';

// The check's own variables (PORTSIDE_*), which children and workers get back when the program
// hands them an env of their own.
/** @type {Record<string, string>} */
const CHECK_VARS = Object.fromEntries(Object.entries(process.env).filter(([name, value]) => name.startsWith('PORTSIDE_') && value !== undefined).map(([name, value]) => [name, String(value)]));
const LOG = CHECK_VARS.PORTSIDE_OBSERVER_LOG;
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
  const { threadId } = require('node:worker_threads');
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
      fs.appendFileSync(logFile, JSON.stringify({ t: Date.now(), pid: process.pid, tid: threadId, ...event }) + '\n');
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

  function captureStack() {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 40;
    const stack = new Error().stack || '';
    Error.stackTraceLimit = limit;
    return stack;
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
    const stack = captureStack();
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

  const tools = { write, serverId, captureStack, callSite, portOf, record };
  observeUdp(tools);
  if (threadId === 0) observeInspector(tools); // one inspector per process, opened by the main thread
  rearmChildren(tools);
  // ESM `import { spawn } from 'node:child_process'` reads the builtins' exports; make it see the patches.
  require('node:module').syncBuiltinESMExports();

  write({ event: 'start', ppid: process.ppid, start: startTicks(process.pid), argv: process.argv.slice(1, 4) });
  if (threadId !== 0) return; // a worker's end is not the process's exit
  process.on('exit', (code) => write({ event: 'exit', code }));
  watchHarness(Number(CHECK_VARS.PORTSIDE_HARNESS_PID));
}

/**
 * UDP: dgram sockets bind() rather than listen(). A socket that send() or connect() binds by
 * itself to a random port is a client, not a server; it is recorded with `implicit: true`.
 */
function observeUdp({ write, serverId, captureStack, callSite, portOf }) {
  const dgram = require('node:dgram');
  const originalBind = dgram.Socket.prototype.bind;
  dgram.Socket.prototype.bind = function portsideBind(...args) {
    const id = serverId(this);
    const stack = captureStack();
    const [first, second] = args;
    const options = first !== null && typeof first === 'object' ? first : { port: first, address: typeof second === 'string' ? second : undefined };
    const implicit = /at Socket\.(send|connect) \(node:dgram/.test(stack) || undefined;
    write({ event: 'listen', id, kind: 'udp', protocol: 'udp', port: portOf(options.port) ?? 0, host: options.address ?? undefined, implicit, at: implicit ? undefined : callSite(stack) });
    try {
      return originalBind.apply(this, /** @type {any} */ (args));
    } catch (error) {
      write({ event: 'listen-throw', id, code: error && error.code, message: String(error && error.message) });
      throw error;
    }
  };
  const originalEmit = dgram.Socket.prototype.emit;
  dgram.Socket.prototype.emit = function portsideUdpEmit(name, ...args) {
    if (name === 'listening') {
      try {
        const { address, family, port } = this.address();
        write({ event: 'listening', id: serverId(this), address, family, port });
      } catch {
        // Closed again before we could ask.
      }
    } else if (name === 'error') {
      const error = args[0];
      write({ event: 'error', id: serverId(this), code: error && error.code, message: String(error && error.message) });
    } else if (name === 'close') write({ event: 'close', id: serverId(this) });
    return originalEmit.apply(this, /** @type {any} */ ([name, ...args]));
  };
}

/**
 * The inspector's port is a port too: `node --inspect=9229` (on the command line or in
 * NODE_OPTIONS) has opened it before this file runs, and inspector.open() opens it later.
 */
function observeInspector({ write, serverId, captureStack, callSite, portOf }) {
  let inspector;
  try {
    inspector = require('node:inspector');
  } catch {
    return; // node built without the inspector
  }
  const id = serverId(inspector);
  const bound = () => {
    const url = inspector.url();
    if (!url) return false;
    const { hostname, port } = new URL(url);
    write({ event: 'listening', id, address: hostname.replace(/^\[|\]$/g, ''), port: Number(port) });
    return true;
  };
  const flag = [...process.execArgv, ...String(process.env.NODE_OPTIONS ?? '').split(/\s+/)].map((arg) => /^--inspect(?:-brk|-wait)?(?:=(.*))?$/.exec(arg)).find(Boolean);
  if (flag) {
    const [host, port] = (flag[1] ?? '').includes(':') ? flag[1].split(/:(?=[^:]*$)/) : [undefined, flag[1] ?? '9229'];
    write({ event: 'listen', id, kind: 'inspector', port: portOf(port), host: host || undefined });
    if (!bound()) write({ event: 'error', id, message: 'the inspector did not start (its port may be in use)' });
  }
  const originalOpen = inspector.open;
  inspector.open = function portsideInspectorOpen(...args) {
    const [port, host] = args;
    write({ event: 'listen', id, kind: 'inspector', port: portOf(port) ?? 9229, host: typeof host === 'string' ? host : undefined, at: callSite(captureStack()) });
    try {
      const opened = originalOpen.apply(this, /** @type {any} */ (args));
      bound();
      return opened;
    } catch (error) {
      write({ event: 'listen-throw', id, code: error && error.code, message: String(error && error.message) });
      throw error;
    }
  };
  const originalClose = inspector.close;
  inspector.close = function portsideInspectorClose() {
    write({ event: 'close', id });
    return originalClose.call(this);
  };
}

/**
 * Child processes and worker threads keep the observer even when the program hands them an env of its own
 * (`spawn('node', ['app.js'], { env: { PORT } })`): the check's variables (PORTSIDE_*) and the
 * preload go back into that env. Every child's pid is logged, so the harness can stop it even
 * if it is not node, or detaches and outlives its parent.
 */
function rearmChildren({ write }) {
  const childProcess = require('node:child_process');
  const ours = CHECK_VARS;
  const preload = `--require ${__filename.includes(' ') ? JSON.stringify(__filename) : __filename}`;
  /** The env a child would get, with the observer put back; null when it has it already. */
  const armed = (env) => {
    const base = env && typeof env === 'object' ? env : process.env;
    const options = String(base.NODE_OPTIONS ?? '');
    if (options.includes(__filename) && Object.keys(ours).every((name) => base[name] === ours[name])) return null;
    return { ...base, ...ours, NODE_OPTIONS: options.includes(__filename) ? options : [options, preload].filter(Boolean).join(' ') };
  };
  // (file, args?, options?, callback?) for all but exec/execSync, which take (command, options?, callback?).
  const patch = (name, hasArgs) => {
    const original = childProcess[name];
    if (typeof original !== 'function') return;
    childProcess[name] = function portsideChild(...args) {
      let at = 1;
      if (hasArgs && (Array.isArray(args[1]) || (args[1] == null && args.length > 2))) at = 2;
      const given = args[at] !== null && typeof args[at] === 'object' ? args[at] : undefined;
      const env = armed(given?.env);
      if (env) {
        if (given) args[at] = { ...given, env };
        else args.splice(at, args[at] === undefined && args.length > at ? 1 : 0, { env });
      }
      const child = original.apply(this, args);
      // Only a running child (not spawnSync's record of one already reaped), its start time read
      // now, while it cannot have been reaped: that tells it apart from a later process given its pid.
      if (child instanceof childProcess.ChildProcess && typeof child.pid === 'number') write({ event: 'child', child: child.pid, start: startTicks(child.pid), file: String(args[0]).slice(0, 200) });
      return child;
    };
  };
  for (const name of ['spawn', 'fork', 'execFile', 'spawnSync', 'execFileSync']) patch(name, true);
  for (const name of ['exec', 'execSync']) patch(name, false);

  // A worker thread runs the preloads named in the NODE_OPTIONS of its env: with `env: { … }` of
  // its own it would run without the observer.
  const workerThreads = require('node:worker_threads');
  const OriginalWorker = workerThreads.Worker;
  workerThreads.Worker = class Worker extends OriginalWorker {
    constructor(filename, options) {
      const env = options && options.env !== null && typeof options.env === 'object' ? armed(options.env) : null;
      super(filename, env ? { ...options, env } : options);
    }
  };
}

/**
 * When a process started, in clock ticks since boot (Linux /proc/<pid>/stat, field 22): with the
 * pid, it names one process for good. Undefined where there is no /proc.
 */
function startTicks(pid) {
  try {
    const text = require('node:fs').readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
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
