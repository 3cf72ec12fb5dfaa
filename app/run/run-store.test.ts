// Run, Stop and Restart against a real in-process runner: real node processes, real ports.
import { createServer, connect, type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, waitFor } from '../../test-support/runner-client.ts';
import { previewView, applyPortEvent, type Preview } from './previews.ts';
import type { Runtime } from '../runtime/types.ts';
import { TerminalFeed } from '../terminal/terminal-feed.ts';
import { RunStore } from './run-store.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

const serverOn = (port: string, body: string) =>
  `require('node:http').createServer((q, s) => s.end(${JSON.stringify(body)})).listen(${port}, function () { console.log('listening on ' + this.address().port) })`;

/** A runStore with everything it printed and every port the runtime reported, as a learner's page would have. */
async function open() {
  const runtime: Runtime = await connectRuntime(playground);
  const terminal = new TerminalFeed();
  let printed = '';
  terminal.attach((text) => (printed += text));
  let previews: readonly Preview[] = [];
  runtime.onPort((event) => (previews = applyPortEvent(previews, event)));
  const runStore = new RunStore(runtime, terminal);
  const plain = () => printed.replace(/\x1b\[[0-9;]*m/g, '');
  const view = () => previewView(runStore.getSnapshot().run, previews);
  return { runtime, runStore, plain, view };
}

let opened: Awaited<ReturnType<typeof open>> | null = null;
afterEach(async () => {
  opened?.runStore.dispose();
  await opened?.runtime.dispose();
  opened = null;
});

async function get(url: string): Promise<string> {
  const port = new URL(url).hostname.split('.')[0];
  const response = await fetch(`http://127.0.0.1:${port}/`);
  return response.text();
}

describe('RunStore', () => {
  it('runs the command with PORT from the runtime, and the preview shows that port', async () => {
    opened = await open();
    const { runStore, plain, view } = opened;
    await runStore.run({ 'server.js': serverOn('process.env.PORT', 'Hello from my own server') }, 'node server.js');
    const shown = await waitFor(() => (view().kind === 'showing' ? view() : null), 'the preview to show the server');
    if (shown.kind !== 'showing') throw new Error('unreachable');
    expect(plain()).toContain(`$ PORT=${shown.port} node server.js\n`);
    await waitFor(() => plain().includes(`listening on ${shown.port}`), 'the server to say where it listens');
    expect(await get(shown.url)).toBe('Hello from my own server');
  });

  it('Stop kills the process and says so in the terminal', async () => {
    opened = await open();
    const { runStore, plain, view } = opened;
    await runStore.run({ 'server.js': serverOn('process.env.PORT', 'hi') }, 'node server.js');
    await waitFor(() => view().kind === 'showing', 'the server to listen');
    await runStore.stop();
    expect(runStore.getSnapshot()).toMatchObject({ busy: false, run: { phase: 'exited', stoppedByLearner: true } });
    expect(view().kind).toBe('stopped');
    expect(plain()).toMatch(/\[process stopped — exit code \d+\]/);
  });

  it('reports a program that exits before it listens, with its exit code', async () => {
    opened = await open();
    const { runStore, plain, view } = opened;
    await runStore.run({ 'server.js': "console.log('handler ready'); process.exitCode = 3" }, 'node server.js');
    await waitFor(() => runStore.getSnapshot().run.phase === 'exited', 'the program to exit');
    expect(view()).toMatchObject({ kind: 'exited-before-listening', code: 3 });
    expect(plain()).toContain('handler ready\n[process exited with code 3]\n');
  });

  it('names the port a server listened on instead of PORT', async () => {
    opened = await open();
    const { runStore, view } = opened;
    // Port 0 stands in for a hardcoded port: the OS picks one, never PORT.
    await runStore.run({ 'server.js': serverOn('0', 'wrong port') }, 'node server.js');
    const wrong = await waitFor(() => (view().kind === 'wrong-port' ? view() : null), 'the wrong port to be reported');
    if (wrong.kind !== 'wrong-port') throw new Error('unreachable');
    expect(wrong.listened).toHaveLength(1);
    expect(wrong.listened[0]).not.toBe(wrong.port);
  });

  it('Restart runs the edited files', async () => {
    opened = await open();
    const { runStore, view } = opened;
    await runStore.run({ 'server.js': serverOn('process.env.PORT', 'before') }, 'node server.js');
    const first = await waitFor(() => (view().kind === 'showing' ? view() : null), 'the first server');
    if (first.kind !== 'showing') throw new Error('unreachable');
    expect(await get(first.url)).toBe('before');
    await runStore.run({ 'server.js': serverOn('process.env.PORT', 'after') }, 'node server.js');
    const second = await waitFor(() => {
      const now = view();
      return now.kind === 'showing' && now.url !== first.url ? now : null;
    }, 'the restarted server');
    if (second.kind !== 'showing') throw new Error('unreachable');
    expect(await get(second.url)).toBe('after');
  });

  it('runs one process at a time, however often Run is pressed', async () => {
    opened = await open();
    const { runStore, plain } = opened;
    const files = { 'server.js': serverOn('process.env.PORT', 'once') };
    await Promise.all([runStore.run(files, 'node server.js'), runStore.run(files, 'node server.js'), runStore.run(files, 'node server.js')]);
    expect(runStore.getSnapshot()).toMatchObject({ busy: false, run: { phase: 'running' } });
    // Each later Run stopped the one before: two stopped, one running.
    expect(plain().match(/\$ PORT=/g)).toHaveLength(3);
    await waitFor(() => plain().match(/\[process stopped/g)?.length === 2, 'the earlier runs to be stopped');
  });

  it('removes files an earlier lesson left in the workspace', async () => {
    opened = await open();
    const { runtime, runStore } = opened;
    await runStore.run({ 'old.js': 'setTimeout(() => {}, 1)' }, 'node old.js');
    await runStore.leave('Opened another lesson');
    await runStore.run({ 'server.js': "console.log(require('node:fs').existsSync('old.js'))" }, 'node server.js');
    await waitFor(() => runStore.getSnapshot().run.phase === 'exited', 'the program to exit');
    await expect(runtime.readFile('old.js')).rejects.toThrow();
  });

  it('explains a command that cannot start, and is ready to run again', async () => {
    opened = await open();
    const { runStore, plain } = opened;
    await runStore.run({ 'a.js': '' }, 'node "a.js');
    expect(runStore.getSnapshot()).toMatchObject({ busy: false, run: { phase: 'idle' } });
    expect(runStore.getSnapshot().error).toMatch(/unclosed " quote/);
    expect(plain()).toMatch(/Could not start your program/);
  });

  it('points a line typed while nothing runs to the shell, instead of guessing at it as a command', async () => {
    opened = await open();
    const { runStore, plain } = opened;
    runStore.typed('PORT=5000 node server.js\n');
    expect(plain()).toContain('Commands go in the Shell tab');
    expect(runStore.getSnapshot().run.phase).toBe('idle');
  });

  it('passes exactly the environment chosen, and prints exactly that: a fixed PORT and HOST', async () => {
    opened = await open();
    const { runStore, plain, view } = opened;
    const fixed = await freeLocalPort();
    const script = `require('node:http').createServer((q, s) => s.end(process.env.HOST + ' ' + process.env.PORT)).listen(process.env.PORT, process.env.HOST)`;
    await runStore.run({ 'server.js': script }, 'node server.js', { environment: { port: { kind: 'fixed', port: fixed }, host: '0.0.0.0', upstream: { kind: 'unset' } } });
    const shown = await waitFor(() => (view().kind === 'showing' ? view() : null), 'the preview to show the server');
    expect(plain()).toContain(`$ PORT=${fixed} HOST=0.0.0.0 node server.js\n`);
    expect(shown).toMatchObject({ port: fixed });
    if (shown.kind === 'showing') expect(await get(shown.url)).toBe(`0.0.0.0 ${fixed}`);
  });

  it('passes no PORT as on a laptop, and the preview shows the port the server chose', async () => {
    opened = await open();
    const { runStore, plain, view } = opened;
    const own = await freeLocalPort();
    await runStore.run({ 'server.js': serverOn(`process.env.PORT || ${own}`, 'laptop') }, 'node server.js', { environment: { port: { kind: 'unset' }, host: '', upstream: { kind: 'stand-in' } } });
    const shown = await waitFor(() => (view().kind === 'showing' ? view() : null), 'the preview to show the server');
    expect(plain()).toContain('$ node server.js\n');
    expect(shown).toMatchObject({ port: own });
    expect(runStore.getSnapshot().run).toMatchObject({ phase: 'running', port: null });
  });

  it('starts a stand-in upstream for a backing-service lesson and passes its URL', async () => {
    opened = await open();
    const { runStore, plain, view } = opened;
    const script = `require('node:http').createServer(async (q, s) => s.end('quote: ' + await (await fetch(process.env.QUOTES_URL)).text())).listen(process.env.PORT)`;
    await runStore.run({ 'server.js': script }, 'node server.js', { upstream: { name: 'QUOTES_URL', body: '{"text":"hi"}' } });
    const shown = await waitFor(() => (view().kind === 'showing' ? view() : null), 'the preview to show the server');
    expect(plain()).toMatch(/\$ PORT=\d+ QUOTES_URL=http:\/\/127\.0\.0\.1:\d+ node server\.js\n/);
    expect(plain()).toMatch(/stand-in upstream listening on http:\/\/127\.0\.0\.1:\d+/);
    if (shown.kind !== 'showing') throw new Error('unreachable');
    expect(await get(shown.url)).toBe('quote: {"text":"hi"}');
    const upstream = Number(/QUOTES_URL=http:\/\/127\.0\.0\.1:(\d+)/.exec(plain())?.[1]);
    expect(runStore.getSnapshot().run).toMatchObject({ opened: [shown.port] }); // the stand-in's port is not the learner's
    await runStore.stop();
    await waitFor(async () => !(await reachable(upstream)), 'the stand-in to stop with the run');
  });

  it('says the server may be stuck before listen() once the ready timeout has passed', async () => {
    opened = await open();
    const { runStore, plain, view } = opened;
    await runStore.run({ 'server.js': 'setInterval(() => {}, 1000)' }, 'node server.js', { readyTimeoutMs: 400 });
    await waitFor(() => view().kind === 'stuck', 'the preview to say it is stuck');
    expect(runStore.getSnapshot().run).toMatchObject({ phase: 'running', stuck: true });
    expect(plain()).toContain('has not listened after 0.4 s');
  });
});

describe('RunStore, for the port map', () => {
  it('lists each process with its env and the sockets it holds, and names a taken port', async () => {
    opened = await open();
    const { runStore } = opened;
    await runStore.run({ 'server.js': serverOn('process.env.PORT', 'mapped') }, 'node server.js', { upstream: { name: 'QUOTES_URL' } });
    const mapped = await waitFor(() => {
      const server = runStore.getSnapshot().processes.find((p) => p.label === 'your server');
      return server?.sockets?.length ? runStore.getSnapshot().processes : null;
    }, 'the server and its socket in the map');
    const port = Number(mapped.find((p) => p.label === 'your server')?.env.PORT);
    expect(mapped.map((p) => p.label)).toEqual(['stand-in upstream', 'your server']);
    expect(mapped[1]).toMatchObject({ running: true, taken: [], sockets: [{ protocol: 'tcp', port }] });

    // Something outside the run holds a port; a server that insists on it says EADDRINUSE.
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const held = (holder.address() as AddressInfo).port;
    await runStore.run({ 'server.js': serverOn(String(held), 'never') }, 'node server.js');
    const taken = await waitFor(() => runStore.getSnapshot().processes.find((p) => p.taken.length > 0), 'the conflict to be seen');
    expect(taken).toMatchObject({ label: 'your server', taken: [held] });
    await waitFor(() => runStore.getSnapshot().processes[0]?.running === false || undefined, 'the failed server to be marked exited');
    await new Promise((resolve) => holder.close(resolve));
  });
});

async function freeLocalPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
