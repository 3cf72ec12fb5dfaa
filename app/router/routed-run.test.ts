// A run behind the router, against a real runner: two real instances, the real probes/router.mjs,
// real requests through it — driven through RunStore, the way Run drives it.
import { createServer, connect, type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, waitFor } from '../../test-support/runner-client.ts';
import { RunStore } from '../run/run-store.ts';
import type { Runtime } from '../runtime/types.ts';
import { TerminalFeed } from '../terminal/terminal-feed.ts';
import { instanceSentence, routerSentence } from './router-words.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

/** A server that answers with the port it listens on, so a test can tell instances apart. */
const serverOn = (port: string) =>
  `const s = require('node:http').createServer((q, r) => r.end('served by ' + s.address().port)); s.listen(${port}, () => console.log('listening on ' + s.address().port))`;

async function open() {
  const runtime: Runtime = await connectRuntime(playground);
  const terminal = new TerminalFeed();
  let printed = '';
  terminal.attach((text) => (printed += text));
  const runStore = new RunStore(runtime, terminal);
  const plain = () => printed.replace(/\x1b\[[0-9;]*m/g, '');
  const router = () => runStore.getSnapshot().router;
  return { runtime, runStore, plain, router };
}

let opened: Awaited<ReturnType<typeof open>> | null = null;
afterEach(async () => {
  opened?.runStore.dispose();
  await opened?.runtime.dispose();
  opened = null;
});

async function get(port: number): Promise<{ status: number; body: string; servedBy: string | null }> {
  const response = await fetch(`http://127.0.0.1:${port}/`);
  return { status: response.status, body: await response.text(), servedBy: response.headers.get('x-served-by') };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** A port free right now, to stand in for a literal port in a learner's code. */
async function literalPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a run behind the router', () => {
  it('starts two instances on their own PORTs and the router in front; requests alternate and the panel sees who served', async () => {
    opened = await open();
    const { runStore, plain, router } = opened;
    await runStore.run({ 'server.js': serverOn('process.env.PORT') }, 'node server.js', { behindRouter: true });
    const state = await waitFor(() => {
      const now = router();
      const run = runStore.getSnapshot().run;
      const previewable = run.phase === 'running' && run.opened.includes(run.port);
      return previewable && now?.listening && now.instances.every((i) => i.listening.includes(i.port)) ? now : null;
    }, 'the router and both instances to listen');
    const [a, b] = state.instances.map((i) => i.port);
    expect(runStore.getSnapshot().run).toMatchObject({ phase: 'running', port: state.port, opened: [state.port] });
    expect(plain()).toContain(`[instance :${a}] $ PORT=${a} node server.js`);
    expect(plain()).toContain(`[instance :${b}] listening on ${b}`);
    expect(plain()).toContain(`[router :${state.port}] $ PORT=${state.port} UPSTREAMS=http://127.0.0.1:${a},http://127.0.0.1:${b} node .portside/router.mjs`);

    const answers = [await get(state.port), await get(state.port)];
    expect(answers.map((x) => x.body).sort()).toEqual([`served by ${a}`, `served by ${b}`].sort());
    expect(answers.map((x) => x.servedBy).sort()).toEqual([String(a), String(b)].sort());
    const served = await waitFor(() => (router()?.requests.length === 2 ? router() : null), 'the router to log both requests');
    expect(served.requests.map((r) => (r.kind === 'served' ? r.instance : null)).sort()).toEqual([a, b].sort());
    expect(served.instances.map((i) => i.served)).toEqual([1, 1]);
    expect(served.instances.map((i) => instanceSentence(served, i).text)).toEqual([`Instance 1 listens on its PORT, ${a}`, `Instance 2 listens on its PORT, ${b}`]);

    await runStore.stop();
    const stopped = router();
    if (!stopped) throw new Error('the router state is gone');
    expect(stopped.instances.map((i) => instanceSentence(stopped, i).text)).toEqual(['Instance 1 stopped', 'Instance 2 stopped']);
    expect(routerSentence(stopped).text).toBe('The router stopped');
    expect(runStore.getSnapshot().run).toMatchObject({ phase: 'exited', stoppedByLearner: true });
    for (const port of [state.port, a, b]) expect(await listening(port ?? 0)).toBe(false);
  });

  it('shows why the second instance of a hardcoded port cannot start, and the router answers 502', async () => {
    opened = await open();
    const { runStore, plain, router } = opened;
    const literal = await literalPort();
    await runStore.run({ 'server.js': serverOn(String(literal)) }, 'node server.js', { behindRouter: true });
    const state = await waitFor(() => {
      const now = router();
      return now?.listening && now.instances[1]?.phase === 'exited' ? now : null;
    }, 'the second instance to fail and the router to listen');
    expect(state.instances.map((i) => instanceSentence(state, i).text)).toEqual([
      `Instance 1 listens on ${literal}, not on its PORT ${state.instances[0]?.port}: the router sends its requests to ${state.instances[0]?.port}, where nobody answers`,
      `Instance 2 could not start: port ${literal} was already taken by instance 1 — a hardcoded port cannot run twice`,
    ]);
    expect(plain()).toMatch(new RegExp(`\\[instance :${state.instances[1]?.port}\\] Error: listen EADDRINUSE: address already in use .*:${literal}`));

    const answer = await get(state.port);
    expect(answer.status).toBe(502);
    expect(answer.body).toMatch(/none accepted the connection/);
    await waitFor(() => router()?.requests.some((r) => r.kind === 'no-instance'), 'the router to log the 502');
    await runStore.stop();
    expect(await listening(literal)).toBe(false);
  });

  it('a run that is not behind the router has no router state, and the last one is forgotten', async () => {
    opened = await open();
    const { runStore, router } = opened;
    await runStore.run({ 'server.js': serverOn('process.env.PORT') }, 'node server.js', { behindRouter: true });
    await waitFor(() => router()?.listening, 'the router to listen');
    await runStore.run({ 'server.js': serverOn('process.env.PORT') }, 'node server.js');
    expect(router()).toBeNull();
    expect(runStore.getSnapshot().run.phase).toBe('running');
  });
});
