// `npm start` as a real process: its messages for bad settings, and a clean SIGTERM that takes
// every learner process and workspace with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_HTML, REPO_ROOT } from '../test-support/fixture-playground.ts';
import { openRunnerAt, waitFor } from '../test-support/runner-client.ts';
import { openLifelines } from '../test-support/lifelines.ts';

let dist: string;
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'portside-main-dist-'));
  await writeFile(join(dist, 'index.html'), FIXTURE_HTML);
});
afterAll(() => rm(dist, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startMain(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORTSIDE_DIST: dist, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe('npm start (server/main.ts)', () => {
  it('explains a PORT that is not a number', async () => {
    const main = startMain({ PORT: 'abc' });
    expect(await main.exited).toBe(1);
    expect(main.output()).toContain('PORT must be a whole number from 1 to 65535 (0 picks any free port), but it is "abc"');
  });

  it('explains a port that is already taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const { port } = blocker.address() as AddressInfo;
    const main = startMain({ PORT: String(port) });
    expect(await main.exited).toBe(1);
    expect(main.output()).toContain(`Port ${port} is already in use. Start Portside on another port: PORT=${port + 1} npm start`);
    blocker.close();
  });

  it('warns loudly when HOST is not loopback', async () => {
    const main = startMain({ PORT: '0', HOST: '0.0.0.0' });
    await waitFor(() => /running at/.test(main.output()), 'the server to start');
    expect(main.output()).toMatch(/WARNING: Portside is listening on 0\.0\.0\.0:\d+, not on loopback/);
    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
  });

  it.each(['SIGTERM', 'SIGHUP'] as const)('kills learner processes and removes workspaces on %s', async (signal) => {
    const main = startMain({ PORT: '0' });
    const url = await waitFor(() => /running at (http:\/\/\S+)/.exec(main.output())?.[1], 'the server to print its URL');
    const { socket, messages, hello } = await openRunnerAt(url);
    // A pid printed inside the sandbox's PID namespace means nothing here: the process holds a lifeline socket.
    const lifelines = await openLifelines();
    socket.send(JSON.stringify({ op: 'spawn', id: 1, command: 'node', args: ['-e', `${lifelines.holdScript} setInterval(() => {}, 1000)`] }));
    await lifelines.held(1);

    main.child.kill(signal);
    expect(await main.exited).toBe(0);
    await waitFor(() => lifelines.alive === 0, 'the learner process to be gone', 2000);
    await lifelines.close();
    expect(existsSync(hello.type === 'hello' ? hello.workspace : '')).toBe(false);
  });
});
