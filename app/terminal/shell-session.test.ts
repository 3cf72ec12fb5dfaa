// The Shell tab's session against a real runner: a real bash on a pseudo-terminal, the editor's
// files written before each Enter, a new shell after `exit`, and a server started from it
// reported like one started by Run.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, waitFor } from '../../test-support/runner-client.ts';
import type { FileMap, PortEvent, Runtime } from '../runtime/types.ts';
import { ShellSession } from './shell-session.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

let runtime: Runtime | null = null;
let session: ShellSession | null = null;
afterEach(async () => {
  session?.dispose();
  await runtime?.dispose();
  session = runtime = null;
});

async function open(files: () => FileMap) {
  runtime = await connectRuntime(playground);
  const ports: PortEvent[] = [];
  runtime.onPort((event) => ports.push(event));
  session = new ShellSession(runtime, files);
  let screen = '';
  session.feed.attach((text) => (screen += text));
  const plain = () => screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  const seen = (pattern: RegExp, what: string) => waitFor(() => pattern.test(plain()) || undefined, what, 15_000);
  session.open({ cols: 100, rows: 30 });
  await seen(/~ \$ /, 'the prompt');
  return { session, plain, seen, ports };
}

describe('ShellSession', () => {
  it('runs commands on the files in the editor as of each Enter', async () => {
    let files: FileMap = { 'note.txt': 'first draft' };
    const { session, seen } = await open(() => files);
    session.input('cat note.txt; echo\r');
    await seen(/first draft/, 'the file as first written');
    files = { 'note.txt': 'edited in the editor' };
    session.input('cat note.txt; echo\r');
    await seen(/edited in the editor/, 'the edit, written before the Enter');
  });

  it('starts a fresh shell on Enter after the shell exits', async () => {
    const { session, plain, seen } = await open(() => ({}));
    session.input('exit 3\r');
    await seen(/\[shell exited with code 3 — press Enter for a new one\]/, 'the exit note');
    const before = plain().split('~ $ ').length;
    session.input('\r');
    await waitFor(() => plain().split('~ $ ').length > before || undefined, 'a new prompt', 15_000);
    session.input('echo "again:$((40 + 2))"\r');
    await seen(/again:42/, 'the new shell to work');
  });

  it('reports a server started from the shell as the runtime reports any port', async () => {
    const { session, seen, ports } = await open(() => ({ 'server.js': `require('node:http').createServer((q, s) => s.end('from the shell')).listen(process.env.PORT, () => console.log('up on ' + process.env.PORT))` }));
    const port = await runtime!.freePort();
    session.input(`PORT=${port} node server.js\r`);
    await seen(new RegExp(`up on ${port}`), 'the server to listen');
    const opened = await waitFor(() => ports.find((e) => e.port === port && e.type === 'open'), 'the port to be reported');
    expect(opened.url).toContain(String(port));
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('from the shell');
    session.input('\x03');
    await waitFor(() => ports.find((e) => e.port === port && e.type === 'close'), 'Ctrl+C to stop it and the port to close');
  });
});
