// The measurements behind capabilities.mjs: each one tries the real thing on this runtime and
// answers true or false, with a note saying why when it is false. Nothing here is assumed from
// the platform's name: a WebContainer and a Linux box get the same questions.
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { readAllStatsSync } from './proc-stat.mjs';

/**
 * How long one measurement may take. Each normally answers in well under a second; this only
 * bounds a runtime where something hangs (a signal that is never delivered, a python3 that
 * blocks), with room for a machine busy running several checks at once.
 */
const MEASURE_MS = 8000;
const MARK = '__portsidePreloadSeen';

/** @typedef {{ ok: boolean, note?: string }} Answer */

/** A tiny file to preload: it only marks that it ran. */
export function writePreload(dir) {
  const file = join(dir, 'capability-preload.cjs');
  writeFileSync(file, `globalThis.${MARK} = true;\n`);
  return file;
}

/**
 * Is a `--require` in NODE_OPTIONS honoured (so it rides along into child processes)?
 * @returns {Promise<Answer>}
 */
export async function nodeOptionsPreload(preload, env) {
  const quoted = preload.includes(' ') ? `"${preload}"` : preload;
  const { stdout, error } = await runNode(['-e', `process.stdout.write(globalThis.${MARK} ? 'yes' : 'no')`], { ...env, NODE_OPTIONS: `--require ${quoted}` });
  if (stdout === 'yes') return { ok: true };
  return { ok: false, note: error ?? 'node started with NODE_OPTIONS=--require did not load the preload' };
}

/**
 * One child, started with `node --require <preload>` in its own process group where allowed:
 * was the preload loaded, does signal 0 reach it, does a group kill `kill(-pid)` reach it, and
 * can it catch SIGTERM sent from another process?
 * @param {{ preload: string, env: Record<string, string | undefined>, tryGroups: boolean }} options
 * @returns {Promise<{ cliPreload: Answer, signalZero: Answer, processGroups: Answer, sigtermCatchable: Answer }>}
 */
export async function signalsAndCliPreload({ preload, env, tryGroups }) {
  const script = [
    `process.on('SIGTERM', () => { process.stdout.write('caught\\n'); process.exit(0); });`,
    `process.stdout.write((globalThis.${MARK} ? 'preloaded' : 'plain') + '\\n');`,
    'setInterval(() => {}, 1000);',
  ].join('\n');
  const child = spawn(process.execPath, ['--require', preload, '-e', script], { env, detached: tryGroups, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = lineReader(child);
  const failed = (note) => ({ ok: false, note });
  try {
    const first = await lines.next(MEASURE_MS);
    if (first === null) {
      const why = lines.error() ?? 'a node child did not start';
      return { cliPreload: failed(why), signalZero: failed(why), processGroups: failed(why), sigtermCatchable: failed(why) };
    }
    const cliPreload = first === 'preloaded' ? { ok: true } : failed('node --require did not load the preload');
    const signalZero = attempt(() => process.kill(/** @type {number} */ (child.pid), 0));
    let processGroups = tryGroups ? attempt(() => process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM')) : failed('not tried');
    let caught = processGroups.ok && (await lines.next(MEASURE_MS)) === 'caught';
    // Reached but not caught: the child died of the signal, so the group kill did work.
    if (processGroups.ok && !caught && !lines.ended()) processGroups = failed('kill(-pid) did not reach the process group');
    if (!caught && !lines.ended()) {
      const direct = attempt(() => child.kill('SIGTERM'));
      caught = direct.ok && (await lines.next(MEASURE_MS)) === 'caught';
    }
    const sigtermCatchable = caught ? { ok: true } : failed('a SIGTERM sent to a node child was not caught by its handler');
    return { cliPreload, signalZero, processGroups, sigtermCatchable };
  } finally {
    child.kill('SIGKILL');
  }
}

/** Does `python3` exist and can it listen on a TCP port (a WebAssembly build cannot)? */
export async function python3(env) {
  const code = 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(1); print("listening")';
  const child = spawn('python3', ['-c', code], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = lineReader(child);
  try {
    const first = await lines.next(MEASURE_MS);
    if (first === 'listening') return { ok: true };
    return { ok: false, note: lines.error() ?? 'python3 could not listen on a TCP port' };
  } finally {
    child.kill('SIGKILL');
  }
}

/** /proc with process and socket tables, as Linux has it. */
export function proc() {
  const ok = existsSync('/proc/self/stat') && existsSync('/proc/net/tcp') && readAllStatsSync() !== null;
  return ok ? { ok: true } : { ok: false, note: 'no /proc process and socket tables' };
}

export function shell() {
  return existsSync('/bin/sh') ? { ok: true } : { ok: false, note: 'no /bin/sh' };
}

/**
 * Raw TCP on loopback (a server, a client, bytes both ways), what `server.address()` reports,
 * and whether a second bind of the same port on another host (0.0.0.0 after 127.0.0.1) fails.
 * @returns {Promise<{ tcpLoopback: Answer, serverAddress: Answer & { reported?: unknown }, eaddrinuseAcrossHosts: Answer }>}
 */
export async function tcp() {
  const server = createServer((socket) => socket.pipe(socket));
  try {
    await listen(server, { port: 0, host: '127.0.0.1' });
    const reported = server.address();
    const port = typeof reported === 'object' && reported ? reported.port : 0;
    const truthful = typeof reported === 'object' && reported !== null && reported.address === '127.0.0.1' && reported.family === 'IPv4' && port > 0;
    const serverAddress = truthful ? { ok: true, reported } : { ok: false, reported, note: `server.address() reported ${JSON.stringify(reported)} for a listen on 127.0.0.1` };
    const echoed = await echo(port);
    const tcpLoopback = echoed ? { ok: true } : { ok: false, note: 'a TCP client on 127.0.0.1 got nothing back from a server there' };
    const eaddrinuseAcrossHosts = await secondBind(port);
    return { tcpLoopback, serverAddress, eaddrinuseAcrossHosts };
  } catch (error) {
    const failed = { ok: false, note: `a TCP server on 127.0.0.1 could not listen: ${error.message}` };
    return { tcpLoopback: failed, serverAddress: failed, eaddrinuseAcrossHosts: failed };
  } finally {
    server.close();
  }
}

/** A UDP datagram sent to oneself on loopback arrives. */
export function udp() {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const done = (answer) => {
      clearTimeout(timer);
      socket.close();
      resolve(answer);
    };
    const timer = setTimeout(() => done({ ok: false, note: 'a UDP datagram sent to 127.0.0.1 never arrived' }), MEASURE_MS);
    socket.once('error', (error) => done({ ok: false, note: `UDP on 127.0.0.1 failed: ${error.message}` }));
    socket.once('message', (message) => done(message.toString() === 'ping' ? { ok: true } : { ok: false, note: 'a UDP datagram arrived changed' }));
    socket.bind(0, '127.0.0.1', () => socket.send('ping', socket.address().port, '127.0.0.1'));
  });
}

/** @returns {Answer} */
function attempt(action) {
  try {
    action();
    return { ok: true };
  } catch (error) {
    return { ok: false, note: error.code ?? error.message };
  }
}

function listen(server, options) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options, () => resolve(undefined));
  });
}

function echo(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const timer = setTimeout(() => finish(false), MEASURE_MS);
    function finish(ok) {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    }
    socket.once('connect', () => socket.write('ping'));
    socket.once('data', (data) => finish(data.toString() === 'ping'));
    socket.once('error', () => finish(false));
  });
}

/** @returns {Promise<Answer>} */
async function secondBind(port) {
  const second = createServer();
  try {
    await listen(second, { port, host: '0.0.0.0' });
    second.close();
    return { ok: false, note: 'binding 0.0.0.0 on a port already bound on 127.0.0.1 succeeded' };
  } catch (error) {
    return error.code === 'EADDRINUSE' ? { ok: true } : { ok: false, note: `binding 0.0.0.0 on a taken port failed with ${error.code ?? error.message}, not EADDRINUSE` };
  }
}

/** Runs `node <args>` to the end (bounded); its stdout, or why it failed. */
function runNode(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), MEASURE_MS);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve({ stdout, error: error.message });
    });
    child.once('close', () => {
      clearTimeout(timer);
      resolve({ stdout, error: stderr.trim().split('\n')[0] || undefined });
    });
  });
}

/**
 * Reads a child's stdout line by line: `next(ms)` is the next line, or null when none comes in
 * time or the child ended; `error()` says why it could not start, if it could not.
 */
function lineReader(child) {
  /** @type {string[]} */
  const lines = [];
  /** @type {((line: string | null) => void) | null} */
  let waiting = null;
  let ended = false;
  let startError;
  let buffer = '';
  const deliver = (line) => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(line);
    } else if (line !== null) lines.push(line);
  };
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
      deliver(buffer.slice(0, at).trim());
      buffer = buffer.slice(at + 1);
    }
  });
  child.stderr.resume();
  const end = () => {
    ended = true;
    deliver(null);
  };
  child.once('error', (error) => {
    startError = error.code === 'ENOENT' ? `${child.spawnfile} is not installed` : error.message;
    end();
  });
  child.once('close', end);
  return {
    next(ms) {
      if (lines.length) return Promise.resolve(/** @type {string} */ (lines.shift()));
      if (ended) return Promise.resolve(null);
      return new Promise((resolve) => {
        const timer = setTimeout(() => deliver(null), ms);
        waiting = (line) => {
          clearTimeout(timer);
          resolve(line);
        };
      });
    },
    error: () => startError,
    ended: () => ended,
  };
}
