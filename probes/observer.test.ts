/**
 * The observer, preloaded into real node processes: it must record every listen() — whichever
 * library made it — and never change what the program does (an unhandled EADDRINUSE still
 * crashes it, a handled one is still handled).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { listeningPorts, parseLog, summarize } from './lib/observer-log.mjs';

const OBSERVER = join(import.meta.dirname, 'observer.cjs');
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function runObserved(source: string, { observe = true, file = 'server.cjs', args = [] as string[], files = {} as Record<string, string> } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'portside-observer-test-'));
  folders.push(dir);
  symlinkSync(join(import.meta.dirname, '..', 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, file), source);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const log = join(dir, 'observer.jsonl');
  const env = { ...process.env, PORTSIDE_OBSERVER_LOG: log, PORTSIDE_TEST_MARK: 'carried', NODE_OPTIONS: observe ? `--require ${OBSERVER}` : '' };
  const run = spawnSync(process.execPath, [...args, file], { cwd: dir, env, encoding: 'utf8', timeout: 20000 });
  const events = observe ? parseLog(readFileSync(log, 'utf8')) : [];
  return { status: run.status, stderr: run.stderr, events, summary: summarize(events) };
}

const TWO_ON_ONE_PORT = `
const http = require('node:http');
const first = http.createServer();
first.listen(0, '127.0.0.1', () => {
  const second = http.createServer();
  second.listen(first.address().port, '127.0.0.1');
});
`;

describe('the listen() observer', () => {
  test('records listen(), the address bound, and EADDRINUSE — and the crash happens as without it', () => {
    const observed = runObserved(TWO_ON_ONE_PORT);
    const bare = runObserved(TWO_ON_ONE_PORT, { observe: false });
    expect(observed.status).toBe(bare.status);
    expect(observed.status).toBe(1);
    expect(observed.stderr).toMatch(/EADDRINUSE/);
    const [first, second] = observed.summary.servers;
    expect(first).toMatchObject({ kind: 'http', requested: { port: 0, host: '127.0.0.1' }, at: { file: 'server.cjs', line: 4 }, listening: { address: '127.0.0.1' } });
    expect(second).toMatchObject({ requested: { port: first!.listening!.port }, at: { file: 'server.cjs', line: 6 }, listening: null, error: { code: 'EADDRINUSE' } });
    expect(observed.summary.exits).toEqual([expect.objectContaining({ code: 1 })]);
  });

  test("a program's own error handler still runs", () => {
    const handled = runObserved(`${TWO_ON_ONE_PORT.replace("second.listen(", "second.on('error', (e) => { console.error('handled ' + e.code); process.exit(3); });\n  second.listen(")}`);
    expect(handled.status).toBe(3);
    expect(handled.stderr).toContain('handled EADDRINUSE');
  });

  test('tells Express, ws and net servers apart, and records requests', () => {
    const { summary } = runObserved(`
const express = require('express');
const { WebSocketServer } = require('ws');
const net = require('node:net');
const app = express();
app.get('/', (req, res) => res.send('hi'));
const server = app.listen(0, async () => {
  await fetch('http://127.0.0.1:' + server.address().port + '/?x=1');
  const sockets = new WebSocketServer({ port: 0 }, () => {
    const raw = net.createServer().listen(0, () => process.exit(0));
  });
});
`);
    expect(summary.servers.map((s) => s.kind)).toEqual(['express', 'ws', 'net']);
    expect(summary.servers[0]!.at).toMatchObject({ file: 'server.cjs', line: 7 });
    expect(summary.requests).toEqual([expect.objectContaining({ method: 'GET', url: '/?x=1' })]);
  });

  test('records a bad port that listen() throws on, and rethrows it', () => {
    const { status, stderr, summary } = runObserved("require('node:http').createServer().listen(70000);");
    expect(status).toBe(1);
    expect(stderr).toMatch(/ERR_SOCKET_BAD_PORT/);
    expect(summary.servers[0]).toMatchObject({ requested: { port: 70000 }, error: { code: 'ERR_SOCKET_BAD_PORT' } });
  });

  test('records UDP binds, and tells a socket that send() bound by itself (a client) apart', () => {
    const { summary } = runObserved(`
const dgram = require('node:dgram');
const client = dgram.createSocket('udp4');
client.send('hi', 9, '127.0.0.1', () => {
  const server = dgram.createSocket('udp4');
  server.bind(0, '127.0.0.1', () => process.exit(0));
});
`);
    const [client, server] = summary.servers;
    expect(client).toMatchObject({ kind: 'udp', protocol: 'udp', implicit: true });
    expect(server).toMatchObject({ kind: 'udp', protocol: 'udp', requested: { port: 0, host: '127.0.0.1' }, at: { file: 'server.cjs', line: 6 }, listening: { address: '127.0.0.1' } });
    expect(listeningPorts(summary)).toEqual([server!.listening!.port]);
  });

  test("records the inspector's port, from the --inspect flag and from inspector.open()", () => {
    const flag = runObserved('setTimeout(() => {}, 10);', { args: ['--inspect=127.0.0.1:0'] });
    expect(flag.summary.servers).toEqual([expect.objectContaining({ kind: 'inspector', requested: expect.objectContaining({ port: 0, host: '127.0.0.1' }), listening: expect.objectContaining({ address: '127.0.0.1' }) })]);
    const opened = runObserved("require('node:inspector').open(0, '127.0.0.1'); process.exit(0);");
    expect(opened.summary.servers).toEqual([expect.objectContaining({ kind: 'inspector', at: expect.objectContaining({ file: 'server.cjs', line: 1 }), listening: expect.objectContaining({ port: expect.any(Number) }) })]);
  });

  test("keys a worker thread's server by thread, so the main thread's record never overwrites it", () => {
    const { summary } = runObserved(`
const http = require('node:http');
const { Worker } = require('node:worker_threads');
http.createServer().listen(0, () => {
  // Each thread numbers its servers from 1, so the worker's ids repeat the main thread's.
  const worker = new Worker("const http = require('node:http'); http.createServer().listen(0, () => http.createServer().listen(0, () => process.exit(0)))", { eval: true });
  worker.on('exit', () => process.exit(0));
});
`);
    expect(summary.servers.map((s) => s.tid ?? 0)).toEqual([0, 1, 1]);
    expect(new Set(summary.servers.map((s) => s.id)).size).toBeLessThan(3);
    expect(summary.servers.every((s) => s.listening)).toBe(true);
  });

  test('follows a worker thread given an env of its own', () => {
    const { summary } = runObserved(`
const { Worker } = require('node:worker_threads');
const worker = new Worker("require('node:net').createServer().listen(0, () => process.exit(0))", { eval: true, env: { QUEUE: 'mail' } });
worker.on('exit', () => process.exit(0));
`);
    expect(summary.servers).toEqual([expect.objectContaining({ tid: 1, kind: 'net', listening: expect.objectContaining({ port: expect.any(Number) }) })]);
  });

  test('re-arms children started with an env of their own (CJS execFile, ESM spawn and fork), and reports their pids', () => {
    const child = "require('node:net').createServer().listen(0, () => { console.log(process.env.PORTSIDE_TEST_MARK); process.exit(0); });";
    const cjs = runObserved(`
const { execFile } = require('node:child_process');
execFile(process.execPath, ['-e', ${JSON.stringify(child)}], { env: { PATH: process.env.PATH } }, (error, stdout) => {
  process.stdout.write(stdout);
});
`);
    expect(cjs.summary.pids).toHaveLength(2);
    expect(cjs.summary.children).toEqual([expect.objectContaining({ pid: cjs.summary.pids[1] })]);
    expect(cjs.summary.servers).toEqual([expect.objectContaining({ pid: cjs.summary.pids[1], kind: 'net' })]);
    expect(cjs.status).toBe(0);
    const esm = runObserved(`
import { spawn, fork } from 'node:child_process';
const spawned = spawn(process.execPath, ['child.cjs'], { env: {}, stdio: 'inherit' });
spawned.on('exit', () => fork('child.cjs', [], { env: { A: '1' } }));
`, { file: 'server.mjs', files: { 'child.cjs': child } });
    expect(esm.summary.pids).toHaveLength(3);
    expect(esm.summary.servers.map((s) => s.pid)).toEqual(esm.summary.pids.slice(1));
    expect(esm.summary.processes.every((p) => /^\d+$/.test(p.start ?? ''))).toBe(true);
    // A sync child is re-armed too, but not reported: it is gone (and its pid free) when spawnSync returns.
    const sync = runObserved(`require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(child)}], { env: {} });`);
    expect(sync.summary.servers).toHaveLength(1);
    expect(sync.summary.children).toEqual([]);
  });
});
