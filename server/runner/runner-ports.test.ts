// Port events come from what the connection's processes really listen on, in any language.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, waitFor, type PortEvent } from '../../test-support/runner-client.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

const hasPython = (() => {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('runner port events', () => {
  it('reports a node server opening and closing its port, with a preview url', async () => {
    const runtime = await connectRuntime(playground);
    const events: PortEvent[] = [];
    runtime.onPort((event) => events.push(event));
    const port = await runtime.freePort();
    await runtime.writeFiles({ 'server.js': "require('node:http').createServer((q, s) => s.end('hi')).listen(Number(process.env.PORT))" });
    const child = await runtime.spawn('node', ['server.js'], { env: { PORT: String(port) } });
    await waitFor(() => events.find((e) => e.port === port && e.type === 'open'), `port ${port} to open`);
    expect(events[0]).toEqual({ port, type: 'open', url: expect.stringMatching(new RegExp(`^http://${port}\\.[0-9a-f]{24}\\.localhost:${playground.port}/$`)) });
    expect(playground.runner.isConnectionPort(port)).toBe(true);
    child.kill();
    await waitFor(() => events.find((e) => e.port === port && e.type === 'close'), `port ${port} to close`);
    expect(playground.runner.isConnectionPort(port)).toBe(false);
    await runtime.dispose();
  });

  it('sees a port opened by a grandchild process', async () => {
    const runtime = await connectRuntime(playground);
    const events: PortEvent[] = [];
    runtime.onPort((event) => events.push(event));
    const port = await runtime.freePort();
    const server = "require('node:net').createServer().listen(Number(process.env.PORT), '127.0.0.1')";
    await runtime.spawn('node', ['-e', `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(server)}], { stdio: 'inherit' })`], { env: { PORT: String(port) } });
    await waitFor(() => events.find((e) => e.port === port && e.type === 'open'), `port ${port} to open`);
    await runtime.dispose();
  });

  it.skipIf(!hasPython)('sees a python server too', async () => {
    const runtime = await connectRuntime(playground);
    const events: PortEvent[] = [];
    runtime.onPort((event) => events.push(event));
    const port = await runtime.freePort();
    await runtime.spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1']);
    await waitFor(() => events.find((e) => e.port === port && e.type === 'open'), `port ${port} to open`);
    await runtime.dispose();
  });

  it('hands out free ports that are never the usual ones or the playground’s own', async () => {
    const runtime = await connectRuntime(playground);
    const ports = await Promise.all(Array.from({ length: 10 }, () => runtime.freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThan(0);
      expect([3000, 5000, 8080, 4780, playground.port]).not.toContain(port);
    }
    await runtime.dispose();
  });

  it('lets lesson code import a lesson package without installing it', async () => {
    const runtime = await connectRuntime(playground);
    await runtime.writeFiles({ 'check.mjs': "import express from 'express'; console.log(typeof express)" });
    const child = await runtime.spawn('node', ['check.mjs']);
    const reader = child.output.getReader();
    expect((await reader.read()).value).toBe('function\n');
    expect(await child.exit).toBe(0);
    await runtime.dispose();
  });
});
