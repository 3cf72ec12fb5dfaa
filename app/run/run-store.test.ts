// Run, Stop and Restart against a real in-process runner: real node processes, real ports.
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

  it('runs a command typed into the terminal while nothing runs, in the workspace with the current files', async () => {
    opened = await open();
    const { runStore, plain } = opened;
    runStore.typed(`node -e "console.log('read: ' + require('fs').readFileSync('note.txt', 'utf8'))"\n`, { 'note.txt': 'typed works' });
    await waitFor(() => plain().includes('read: typed works'), 'the typed command to print the file');
    await waitFor(() => plain().includes('[process exited with code 0]'), 'the typed command to end');
    expect(runStore.getSnapshot().run.phase).toBe('idle');
  });

  it('passes typed lines to a running typed command, and Stop ends it', async () => {
    opened = await open();
    const { runStore, plain } = opened;
    runStore.typed(`node -e "process.stdin.on('data', (d) => console.log('got ' + d))"\n`, {});
    await waitFor(() => runStore.getSnapshot().busy === false, 'the command to start');
    runStore.typed('hello\n', {});
    await waitFor(() => plain().includes('got hello'), 'the command to read its input');
    await runStore.stop();
    await waitFor(() => /\[process exited with code \d+\]/.test(plain()), 'the command to be stopped');
  });
});
