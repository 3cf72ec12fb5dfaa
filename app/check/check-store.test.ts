// The CheckStore against a real in-process runner: the real harness, real node processes, real ports.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFixturePlayground, type FixturePlayground } from '../../test-support/fixture-playground.ts';
import { connectRuntime, waitFor } from '../../test-support/runner-client.ts';
import { loadClientLessons } from '../../test-support/server-side.ts';
import { RunStore } from '../run/run-store.ts';
import type { ClientLesson } from '../lessons/types.ts';
import type { FileMap, Runtime } from '../runtime/types.ts';
import { TerminalFeed } from '../terminal/terminal-feed.ts';
import { markersFor } from './check-markers.ts';
import { summaryText } from './check-words.ts';
import type { CheckState } from './check-state.ts';
import { CheckStore, type LearnerRun } from './check-store.ts';
import { probeFiles } from './probe-files.ts';

let playground: FixturePlayground;
let lessons: ClientLesson[];
beforeAll(async () => {
  playground = await startFixturePlayground();
  lessons = await loadClientLessons();
});
afterAll(() => playground.close());

const lesson = (id: string) => {
  const found = lessons.find((l) => l.id === id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
};

let runtime: Runtime | null = null;
afterEach(async () => {
  await runtime?.dispose();
  runtime = null;
});

/**
 * A store on a fresh runtime, recording every phase it went through. `sharedNetwork` describes
 * the same runner as one network for checks and runs (the fallback, a WebContainer), where Check
 * stops and restores the Run.
 */
async function open(harnessFiles?: () => Promise<FileMap>, { sharedNetwork = false } = {}) {
  const connected = await connectRuntime(playground);
  runtime = connected;
  const used: Runtime = sharedNetwork ? { ...connected, checksIsolatedFromRuns: false } : connected;
  const store = new CheckStore(used, harnessFiles);
  const seen: CheckState[] = [];
  store.subscribe(() => {
    const state = store.getSnapshot();
    if (state) seen.push(state);
  });
  return { runtime: used, store, seen, state: () => store.getSnapshot() };
}

/** Lesson 2's starter with a server that waits a minute before it listens: a check of it runs until cancelled. */
const slowToListen = (files: FileMap): FileMap => ({
  ...files,
  'server.js': (files['server.js'] ?? '').replace('const server =', 'await new Promise((resolve) => setTimeout(resolve, 60_000));\nconst server ='),
});

describe('CheckStore', () => {
  it("checks lesson 2's starter: every rule fails, naming the literal 3000 on line 9", async () => {
    const { store, seen, state } = await open();
    const take = lesson('take-the-port');
    let passed = 0;
    await store.check({ lesson: take, files: take.starter, onPassed: () => (passed += 1) });
    const final = state();
    expect(final?.phase).toBe('failed');
    expect(final?.rules.map((rule) => [rule.id, rule.state])).toEqual(take.rules.map((id) => [id, 'fail']));
    const uses = final?.rules.find((rule) => rule.id === 'uses-env-port')?.result;
    expect(uses?.message).toMatch(/listened on 3000 instead of \d+/);
    expect(uses?.details).toMatchObject({ file: 'server.js', line: 9 });
    expect(markersFor(final?.rules ?? [], take.starter)).toContainEqual(expect.objectContaining({ path: 'server.js', line: 9, severity: 'error' }));
    // It went through the phases a learner sees: preparing, running with rules in progress, failed.
    expect(seen.map((s) => s.phase)).toEqual(expect.arrayContaining(['preparing', 'running', 'failed']));
    expect(seen.some((s) => s.rules.some((rule) => rule.state === 'running'))).toBe(true);
    expect(passed).toBe(0);
  });

  it("checks lesson 2's solution: every rule passes and onPassed is called once", async () => {
    const { store, state } = await open();
    const take = lesson('take-the-port');
    let passed = 0;
    await store.check({ lesson: take, files: take.solution, onPassed: () => (passed += 1) });
    expect(state()?.phase).toBe('passed');
    expect(state()?.rules.every((rule) => rule.state === 'pass')).toBe(true);
    expect(passed).toBe(1);
  });

  it("where checks have a network of their own (bubblewrap), leaves the learner's Run alone: same process, same port", async (context) => {
    const { runtime, store, state } = await open();
    if (!runtime.checksIsolatedFromRuns) context.skip('the runner has no private network for checks here (no bubblewrap)');
    const runStore = new RunStore(runtime, new TerminalFeed());
    const take = lesson('take-the-port');
    await runStore.run(take.solution, take.command);
    const before = runStore.getSnapshot().run;
    expect(before.phase).toBe('running');
    const phases: string[] = [];
    runStore.subscribe(() => phases.push(runStore.getSnapshot().run.phase));
    const calls: string[] = [];
    const learnerRun: LearnerRun = {
      isRunning: () => runStore.getSnapshot().run.phase === 'running',
      stop: async () => void calls.push('stop'),
      restore: async () => void calls.push('restore'),
    };
    await store.check({ lesson: take, files: take.solution, learnerRun });
    expect(state()?.phase).toBe('passed');
    expect(calls).toEqual([]);
    expect(phases.filter((phase) => phase !== 'running')).toEqual([]);
    expect(runStore.getSnapshot().run).toMatchObject({ phase: 'running', port: before.phase === 'running' ? before.port : -1 });
    // The very server the learner started still answers where it did.
    const port = before.phase === 'running' ? before.port : null;
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('orders');
    runStore.dispose();
  });

  it("where checks share the Run's network (the fallback, a WebContainer), stops the Run for the check and starts it again afterwards", async () => {
    const { runtime, store, state } = await open(undefined, { sharedNetwork: true });
    const runStore = new RunStore(runtime, new TerminalFeed());
    const take = lesson('take-the-port');
    await runStore.run(take.solution, take.command);
    const before = runStore.getSnapshot().run;
    expect(before.phase).toBe('running');
    const phases: string[] = [];
    runStore.subscribe(() => phases.push(runStore.getSnapshot().run.phase));
    const learnerRun: LearnerRun = {
      isRunning: () => runStore.getSnapshot().run.phase === 'running',
      stop: () => runStore.stop(),
      restore: () => runStore.run(take.solution, take.command),
    };
    await store.check({ lesson: take, files: take.solution, learnerRun });
    expect(state()?.phase).toBe('passed');
    expect(phases).toContain('exited');
    expect(runStore.getSnapshot().run).toMatchObject({ phase: 'running' });
    runStore.dispose();
  });

  it('a Check in a new lesson before any Run there removes the files the last Run wrote', async () => {
    const { runtime, store, state } = await open();
    const runStore = new RunStore(runtime, new TerminalFeed());
    const take = lesson('take-the-port');
    // The Run of an earlier lesson, which had a file this one does not.
    await runStore.run({ ...take.solution, 'earlier-lesson.js': '// only in the earlier lesson' }, take.command);
    await runStore.stop();
    expect(await runtime.readFile('earlier-lesson.js')).toContain('earlier lesson');
    await store.check({ lesson: take, files: take.solution });
    expect(state()?.phase).toBe('passed');
    await expect(runtime.readFile('earlier-lesson.js')).rejects.toThrow();
    runStore.dispose();
  });

  it('cancels a running check: the harness stops and the check says it was cancelled', async () => {
    const { store, state } = await open();
    const take = lesson('take-the-port');
    const checking = store.check({ lesson: take, files: slowToListen(take.solution) });
    await waitFor(() => state()?.rules.some((rule) => rule.state === 'running'), 'a rule to be running');
    store.cancel();
    expect(state()?.phase).toBe('cancelling');
    await checking;
    expect(state()?.phase).toBe('cancelled');
    expect(state()?.rules.every((rule) => rule.state === 'not-run')).toBe(true);
    // Nothing was left holding the workspace: the next check runs and passes.
    await store.check({ lesson: take, files: take.solution });
    expect(state()?.phase).toBe('passed');
  });

  it('a harness that dies without its done line is "the check itself failed", with its output', async () => {
    const broken = async () => ({
      ...(await probeFiles()),
      '.portside/harness.mjs': "console.log(JSON.stringify({ type: 'start', rules: ['responds-http'] }));\nthrow new Error('harness bug on purpose');\n",
    });
    const { store, state } = await open(broken);
    const take = lesson('take-the-port');
    await store.check({ lesson: take, files: take.solution });
    expect(state()?.phase).toBe('crashed');
    expect(state()?.problem).toMatch(/^The checker stopped \(exit code 1\)/);
    expect(summaryText(state() as CheckState)).toMatch(/^The check itself failed: /);
    expect(state()?.output.join('\n')).toContain('harness bug on purpose');
    expect(state()?.rules.every((rule) => rule.state === 'not-run')).toBe(true);
  });

  it('a lesson the harness cannot check is "could not run", naming the problem', async () => {
    const { store, state } = await open();
    const take = lesson('take-the-port');
    await store.check({ lesson: { ...take, rules: ['no-such-rule'] }, files: take.solution });
    expect(state()?.phase).toBe('error');
    expect(state()?.problem).toMatch(/unknown rule "no-such-rule"/);
  });

  it('another lesson resets the results and cancels the check without restoring the Run it stopped', async () => {
    const { store, state } = await open(undefined, { sharedNetwork: true });
    const take = lesson('take-the-port');
    let stopped = false;
    let restored = false;
    const learnerRun: LearnerRun = { isRunning: () => true, stop: async () => void (stopped = true), restore: async () => void (restored = true) };
    const checking = store.check({ lesson: take, files: slowToListen(take.solution), learnerRun });
    await waitFor(() => state()?.phase === 'running', 'the harness to start');
    store.reset();
    await checking;
    expect(state()).toBeNull();
    expect(stopped).toBe(true);
    expect(restored).toBe(false);
  });
});
