// The runner runs real processes: output, exit codes, stdin, kill (also of processes that
// ignore SIGTERM or escape with setsid), and nothing survives a disconnect.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, openRaw, waitFor } from '../../test-support/runner-client.ts';
import { readAll } from '../../test-support/processes.ts';
import { openLifelines } from '../../test-support/lifelines.ts';

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

describe('runner processes', () => {
  it('streams output and reports the exit code', async () => {
    const runtime = await connectRuntime(playground);
    const child = await runtime.spawn('node', ['-e', 'console.log("out"); console.error("err"); process.exit(3)']);
    const [output, code] = await Promise.all([readAll(child.output), child.exit]);
    expect(output).toContain('out\n');
    expect(output).toContain('err\n');
    expect(code).toBe(3);
    await runtime.dispose();
  });

  it('passes the given env, but never the server environment', async () => {
    process.env.PORTSIDE_SECRET_FOR_TEST = 'leaked';
    const runtime = await connectRuntime(playground);
    const script = 'console.log(JSON.stringify({ port: process.env.PORT, secret: process.env.PORTSIDE_SECRET_FOR_TEST ?? null, home: process.env.HOME }))';
    const child = await runtime.spawn('node', ['-e', script], { env: { PORT: '41234' } });
    const seen = JSON.parse(await readAll(child.output)) as { port: string; secret: string | null; home: string };
    expect(seen.port).toBe('41234');
    expect(seen.secret).toBeNull();
    expect(seen.home).toMatch(/portside-/);
    delete process.env.PORTSIDE_SECRET_FOR_TEST;
    await runtime.dispose();
  });

  it('keeps multi-byte characters whole across chunk boundaries', async () => {
    const runtime = await connectRuntime(playground);
    // "é" is two bytes; write them in two separate writes with a pause between.
    const script = 'process.stdout.write(Buffer.from([0xc3])); setTimeout(() => process.stdout.write(Buffer.from([0xa9, 0x0a])), 50)';
    const child = await runtime.spawn('node', ['-e', script]);
    expect(await readAll(child.output)).toBe('é\n');
    await runtime.dispose();
  });

  it('writes to stdin', async () => {
    const runtime = await connectRuntime(playground);
    const child = await runtime.spawn('node', ['-e', 'process.stdin.once("data", (d) => { console.log("got " + d.toString().trim()); process.exit(0) })']);
    child.write('hello\n');
    expect(await readAll(child.output)).toBe('got hello\n');
    await runtime.dispose();
  });

  it('reports a signal as 128 + its number', async () => {
    const runtime = await connectRuntime(playground);
    const child = await runtime.spawn('node', ['-e', 'process.kill(process.pid, "SIGKILL")']);
    expect(await child.exit).toBe(137);
    await runtime.dispose();
  });

  it('kills a process that ignores SIGTERM', async () => {
    const runtime = await connectRuntime(playground);
    const child = await runtime.spawn('node', ['-e', 'process.on("SIGTERM", () => console.log("ignoring SIGTERM")); console.log("ready"); setInterval(() => {}, 1000)']);
    const reader = child.output.getReader();
    expect((await reader.read()).value).toContain('ready');
    reader.releaseLock();
    child.kill();
    expect(await child.exit).toBe(137);
    await runtime.dispose();
  });

  it('reports a command that does not exist', async () => {
    const runtime = await connectRuntime(playground);
    await expect(runtime.spawn('no-such-command-portside', [])).rejects.toThrow(/Command not found: "no-such-command-portside"/);
    await runtime.dispose();
  });

  it('leaves no process behind after a disconnect, not even one that escaped with setsid', async () => {
    const runtime = await connectRuntime(playground);
    // Pids mean nothing inside the sandbox's PID namespace: each process holds a lifeline socket instead.
    const lifelines = await openLifelines();
    const hold = JSON.stringify(`${lifelines.holdScript} setInterval(() => {}, 1000)`);
    const script = `
      const { spawn } = require('node:child_process');
      spawn(process.execPath, ['-e', ${hold}], { detached: true, stdio: 'ignore' });
      ${lifelines.holdScript}
      setInterval(() => {}, 1000);`;
    await runtime.spawn('node', ['-e', script]);
    await lifelines.held(2);
    // Give the port poller a chance to see the tree; the kill must work even if it has not.
    await runtime.dispose();
    await waitFor(() => lifelines.alive === 0, 'both processes to be gone');
    await lifelines.close();
  });

  it('caps flooding output and says how much it skipped', async () => {
    const runtime = await connectRuntime(playground);
    // Writes as fast as the runner reads (honouring backpressure) for 1.5 s.
    const script = `const chunk = 'x'.repeat(65535) + '\\n'; const end = Date.now() + 1500;
      (function go() { while (Date.now() < end) if (!process.stdout.write(chunk)) return process.stdout.once('drain', go); })();`;
    const child = await runtime.spawn('node', ['-e', script]);
    const output = await readAll(child.output);
    expect(await child.exit).toBe(0);
    expect(output).toMatch(/\[portside: output is flooding — skipped [\d.]+ (MB|KB)\]/);
    // About 1 MB per second gets through: far less than the process wrote.
    expect(output.length).toBeLessThan(3_500_000);
    await runtime.dispose();
  });

  it('has a synchronous last resort for a crashing server: kills every tree and removes every workspace', async () => {
    const own = await startFixturePlayground();
    const { ws, next } = await openRaw(own);
    const { workspace } = (await next((m) => m.type === 'hello', 'hello')) as { workspace: string };
    const lifelines = await openLifelines();
    ws.send(JSON.stringify({ op: 'spawn', id: 1, command: 'node', args: ['-e', `${lifelines.holdScript} setInterval(() => {}, 1000)`] }));
    await lifelines.held(1);
    own.runner.killAllSync();
    expect(existsSync(workspace)).toBe(false);
    await waitFor(() => lifelines.alive === 0, 'the process to be gone');
    await lifelines.close();
    await own.close();
  });
});
