// The local runtime client against a real in-process runner (and, for a lost connection, a
// real socket that goes silent and then drops).
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, WebSocket as NodeWebSocket } from 'ws';
import { startFixturePlayground, type FixturePlayground } from '../../../test-support/fixture-playground.ts';
import { browserLikeWebSocket, connectRuntime, runnerUrl, waitFor } from '../../../test-support/runner-client.ts';
import { readAll } from '../../../test-support/processes.ts';
import { openLifelines } from '../../../test-support/lifelines.ts';
import { connectLocalRuntime } from './runtime.ts';
import { RuntimeUnavailableError, type PortEvent } from '../types.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

const serverScript = "require('node:http').createServer((q, s) => s.end('hi')).listen(Number(process.env.PORT), () => console.log('pid ' + process.pid))";

describe('connectLocalRuntime', () => {
  it('round-trips files', async () => {
    const runtime = await connectRuntime(playground);
    expect(runtime.kind).toBe('local');
    await runtime.writeFiles({ 'a/b.txt': 'héllo' });
    expect(await runtime.readFile('a/b.txt')).toBe('héllo');
    await runtime.remove('a');
    await expect(runtime.readFile('a/b.txt')).rejects.toThrow(/No file/);
    await runtime.dispose();
  });

  it('streams a process and reports ports until unsubscribed', async () => {
    const runtime = await connectRuntime(playground);
    const events: PortEvent[] = [];
    const unsubscribe = runtime.onPort((event) => events.push(event));
    const port = await runtime.freePort();
    await runtime.writeFiles({ 'server.js': serverScript });
    const child = await runtime.spawn('node', ['server.js'], { env: { PORT: String(port) } });
    await waitFor(() => events.find((e) => e.type === 'open'), 'the port to open');
    expect(events).toEqual([{ port, type: 'open', url: expect.stringMatching(new RegExp(`^http://${port}\\.[0-9a-f]{24}\\.localhost:${playground.port}/$`)) }]);
    unsubscribe();
    child.kill();
    const output = await readAll(child.output);
    expect(output).toMatch(/^pid \d+\n/);
    expect(await child.exit).toBe(143); // SIGTERM
    expect(events).toHaveLength(1);
    await runtime.dispose();
  });

  it('kills everything on dispose', async () => {
    const runtime = await connectRuntime(playground);
    // Inside the sandbox's PID namespace a pid means nothing here: the process holds a lifeline.
    const lifelines = await openLifelines();
    await runtime.spawn('node', ['-e', `${lifelines.holdScript} setInterval(() => {}, 1000)`]);
    await lifelines.held(1);
    await runtime.dispose();
    await waitFor(() => lifelines.alive === 0, 'the process to be gone');
    await lifelines.close();
    await expect(runtime.freePort()).rejects.toThrow(/disposed/);
  });

  it('refuses to connect with a wrong token, saying what to do', async () => {
    const connecting = connectLocalRuntime('wrong', { url: runnerUrl(playground, 'wrong'), WebSocket: browserLikeWebSocket(playground.origin) });
    await expect(connecting).rejects.toBeInstanceOf(RuntimeUnavailableError);
    await expect(connecting).rejects.toThrow(/npm start/);
  });

  it('ends processes, ports and pending requests when the runner goes away', async () => {
    const own = await startFixturePlayground();
    const runtime = await connectRuntime(own);
    const events: PortEvent[] = [];
    runtime.onPort((event) => events.push(event));
    const port = await runtime.freePort();
    const child = await runtime.spawn('node', ['-e', serverScript], { env: { PORT: String(port) } });
    await waitFor(() => events.find((e) => e.type === 'open'), 'the port to open');
    await own.close();
    expect(await child.exit).toBe(-1);
    expect(await readAll(child.output)).toMatch(/connection to the local runner was lost/);
    expect(events.at(-1)).toMatchObject({ port, type: 'close' });
    await expect(runtime.writeFiles({ 'x.txt': 'x' })).rejects.toThrow(/connection to the local runner was lost/);
  });

  it.each([
    ['isolated (bubblewrap)', { checksIsolated: true }, true],
    ['not isolated (the fallback)', { checksIsolated: false }, false],
    ['silent about it (an older runner)', {}, false],
  ])("learns from the runner's greeting whether checks are isolated from runs: %s", async (_name, greeting, isolated) => {
    const greeter = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    greeter.on('connection', (socket) => socket.send(JSON.stringify({ type: 'hello', workspace: '/nowhere', ...greeting })));
    await new Promise((resolve) => greeter.once('listening', resolve));
    const url = `ws://127.0.0.1:${(greeter.address() as AddressInfo).port}/`;
    const runtime = await connectLocalRuntime('t', { url, WebSocket: NodeWebSocket as unknown as typeof WebSocket });
    expect(runtime.checksIsolatedFromRuns).toBe(isolated);
    for (const client of greeter.clients) client.terminate();
    await new Promise((resolve) => greeter.close(resolve));
  });

  it('rejects a request still waiting when the connection drops', async () => {
    // A real socket that greets, then never answers, then drops.
    const silent = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    silent.on('connection', (socket) => socket.send(JSON.stringify({ type: 'hello', workspace: '/nowhere' })));
    await new Promise((resolve) => silent.once('listening', resolve));
    const url = `ws://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    const runtime = await connectLocalRuntime('t', { url, WebSocket: NodeWebSocket as unknown as typeof WebSocket });
    const waiting = runtime.readFile('a.txt');
    await waitFor(() => silent.clients.size === 1, 'the client to be connected');
    for (const client of silent.clients) client.terminate();
    await expect(waiting).rejects.toThrow(/connection to the local runner was lost/);
    await new Promise((resolve) => silent.close(resolve));
  });
});
