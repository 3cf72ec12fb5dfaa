// The learner's shell: a real bash on a pseudo-terminal, through the same spawn path as Run —
// environment assignments and expansion, terminal size and resize, Ctrl+C, and the same
// clean environment and kill on disconnect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, waitFor, type Runtime } from '../../test-support/runner-client.ts';
import { openLifelines } from '../../test-support/lifelines.ts';

type RuntimeProcess = Awaited<ReturnType<Runtime['spawn']>>;

let playground: FixturePlayground;
beforeAll(async () => void (playground = await startFixturePlayground()));
afterAll(() => playground.close());

/** Everything a process printed so far, read in the background. */
function transcript(child: RuntimeProcess): { text: () => string } {
  let text = '';
  void (async () => {
    for await (const chunk of child.output as unknown as AsyncIterable<string>) text += chunk;
  })();
  return { text: () => text };
}

async function shell(runtime: Runtime, size = { cols: 80, rows: 24 }) {
  const child = await runtime.spawn('bash', ['--norc', '--noprofile'], { env: { PS1: 'shell$ ' }, terminal: size });
  const out = transcript(child);
  const seen = (pattern: RegExp, what: string) => waitFor(() => (pattern.test(out.text()) ? true : undefined), what, 15_000);
  await seen(/shell\$ /, 'the first prompt');
  return { child, out, seen };
}

describe('the shell on a pseudo-terminal', () => {
  it('runs NAME=value commands and expands $NAME, as a real shell does', async () => {
    const runtime = await connectRuntime(playground);
    const { child, seen } = await shell(runtime);
    child.write(`GREETING=hello sh -c 'echo "got:$GREETING"'\r`);
    await seen(/got:hello/, 'the assignment reaching the command');
    child.write('echo "home=$HOME"\r');
    await seen(/home=\S*portside-/, 'HOME in the workspace');
    await runtime.dispose();
  });

  it('is a terminal of the asked size, and follows a resize', async () => {
    const runtime = await connectRuntime(playground);
    const { child, seen } = await shell(runtime, { cols: 91, rows: 27 });
    child.write('stty size\r');
    await seen(/27 91/, 'the initial size');
    child.resize?.({ cols: 120, rows: 33 });
    child.write('stty size\r');
    await seen(/33 120/, 'the new size');
    await runtime.dispose();
  });

  it('stops a foreground program on Ctrl+C and keeps the shell', async () => {
    const runtime = await connectRuntime(playground);
    const { child, seen } = await shell(runtime);
    child.write(`node -e "setInterval(() => {}, 1000); console.log('looping')"\r`);
    await seen(/looping/, 'the program to start');
    child.write('\x03');
    child.write('echo "after:$?"\r');
    await seen(/after:130/, 'the shell to report SIGINT (130) and carry on');
    await runtime.dispose();
  });

  it('passes no server environment and is killed with its children when the tab goes', async () => {
    process.env.PORTSIDE_SECRET_FOR_TEST = 'leaked';
    // Inside the sandbox's PID namespace `$!` means nothing out here: the background job holds a lifeline.
    const lifelines = await openLifelines();
    const runtime = await connectRuntime(playground);
    await runtime.writeFiles({ 'hold.js': `${lifelines.holdScript} setInterval(() => {}, 1000)` });
    const { child, seen } = await shell(runtime);
    child.write('echo "secret=[$PORTSIDE_SECRET_FOR_TEST]"; node hold.js &\r');
    await seen(/secret=\[\]/, 'an empty secret');
    await lifelines.held(1);
    delete process.env.PORTSIDE_SECRET_FOR_TEST;
    await runtime.dispose();
    await waitFor(() => (lifelines.alive === 0 ? true : undefined), 'the background job to be killed', 10_000);
    await lifelines.close();
    expect(await child.exit).toBe(-1); // the connection ended first
  });
});
