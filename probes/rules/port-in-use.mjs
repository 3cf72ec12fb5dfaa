// port-in-use: when PORT is already taken, the server exits non-zero within 3 s with a message
// naming the port: no hang, no move to another port, no raw stack trace. The 3 s count from its
// FIRST listen() (a program that retries does not get a fresh window per attempt, and a slow
// start-up before listen() is not held against it), and the time reported is the time measured.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { parseLog } from '../lib/observer-log.mjs';
import { pollUntil } from '../lib/poll.mjs';
import { lineOf } from '../lib/ast.mjs';
import { Run } from '../lib/run.mjs';
import { runEnv } from '../lib/stub-upstream.mjs';
import { describeServer, listeners } from '../lib/observer-log.mjs';
import { observedLines } from '../lib/explain.mjs';
import { describeExit, errorLine, result, runDetails, secondsText } from '../lib/results.mjs';

const LIMIT_MS = 3000;
/** A line of a stack trace as node prints it: "    at Server.setupListenHandle (node:net:1817:16)". */
const STACK_FRAME = /^\s+at\s.+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

export default {
  id: 'port-in-use',
  kind: 'run',
  async check(ctx) {
    const port = await ctx.ports.allocate();
    const blocker = await block(ctx, port);
    const run = new Run(ctx, { env: await runEnv(ctx, port), label: 'in-use' });
    try {
      const limit = ctx.scaled(LIMIT_MS);
      const waited = await waitFromFirstAttempt(run, limit, ctx.signal);
      const exit = waited.exit ?? null;
      const summary = run.summary();
      const output = run.output().text;
      const timing = timesOf(run);
      const took = timing.firstListenAt && timing.exitAt ? timing.exitAt - timing.firstListenAt : undefined;
      const steps = [`port ${port} taken by another program first`, timing.firstListenAt ? `first listen() ${seconds(timing.firstListenAt - run.startedAt)} after start` : 'listen() was never called'];
      if (exit) steps.push(`${describeExit(exit)}${took !== undefined ? ` ${seconds(took)} after its first listen()` : ''}`);
      const moved = listeners(summary);
      // Where to look: the listen() that moved to another port, else the first listen() on PORT.
      const call = (moved[0] ?? summary.servers.find((s) => s.requested.port === port))?.at;
      const where = call && ctx.sources[call.file] !== undefined ? { file: call.file, line: call.line, column: call.column, snippet: lineOf(ctx.sources[call.file], call.line) } : {};
      const details = (extra = {}) => ({ ...runDetails(run), steps, expected: `exit non-zero within ${secondsText(limit)} of the first listen(), with a message naming ${port}`, observed: observedLines(summary), ...where, ...extra });
      if (moved.length) return result(this.id, 'fail', `Port ${port} was taken, and your server listened elsewhere instead (${moved.map(describeServer).join('; ')}). The platform only routes to PORT: exit with an error instead.`, details());
      const attempts = timesOf(run).attempts;
      const retried = attempts > 1 ? ` It called listen(${port}) ${attempts} times: retrying a taken port only delays the failure.` : '';
      if (!exit) {
        const since = timing.firstListenAt ? `${seconds(Date.now() - timing.firstListenAt)} after its first listen()` : `${seconds(Date.now() - run.startedAt)} after it started, without calling listen()`;
        return result(this.id, 'timeout', `Port ${port} was taken, and your server was still running ${since}: it hangs instead of failing fast.${retried}`, details());
      }
      if (took !== undefined && took > limit) return result(this.id, 'timeout', `Port ${port} was taken, and your server ${describeExit(exit)} only ${seconds(took)} after its first listen(); it should fail within ${secondsText(limit)}.${retried}`, details());
      if (exit.code === 0) return result(this.id, 'fail', `Port ${port} was taken, and your server exited with code 0, as if all was well. Exit with a non-zero code.`, details());
      if (!output.includes(String(port))) {
        const said = errorLine(output);
        return result(this.id, 'fail', `Port ${port} was taken; your server ${describeExit(exit)}, but its output does not say which port${said ? ` (it said "${said}")` : ''}.`, details({ hint: `Handle the server's 'error' event: if error.code is 'EADDRINUSE', print e.g. "Port ${port} is already in use" and exit(1).` }));
      }
      if (STACK_FRAME.test(output)) {
        return result(this.id, 'fail', `Port ${port} was taken; your server ${describeExit(exit)} but printed a raw stack trace. Say what happened in one clear line instead.`, details({ hint: "Listen for the server's 'error' event, check error.code === 'EADDRINUSE', print one line naming the port, and exit(1)." }));
      }
      const when = took !== undefined ? `${seconds(took)} after its first listen()` : `${seconds(exit.afterMs)} after it started`;
      return result(this.id, 'pass', `With port ${port} already taken, it ${describeExit(exit)} ${when} and said which port.`, details());
    } finally {
      await run.stop();
      await blocker.stop();
    }
  },
};

/** Until the run exits, listens, or `limit` ms pass after its first listen() (readyTimeoutMs when it never calls one). */
async function waitFromFirstAttempt(run, limit, signal) {
  const cap = run.startedAt + Math.max(limit, run.ctx.readyTimeoutMs);
  const outcome = await pollUntil(
    () => {
      if (run.exitInfo) return { exit: run.exitInfo };
      if (run.summary().servers.some((s) => s.listening)) return { listening: true };
      const first = timesOf(run).firstListenAt;
      if (first && Date.now() > first + limit) return { timedOut: true };
      return undefined;
    },
    { timeoutMs: Math.max(0, cap - Date.now()), signal },
  );
  return outcome.value ?? { timedOut: true };
}

/** When the program first called listen() and when it exited, by the observer's own clock. */
function timesOf(run) {
  let events = [];
  try {
    events = parseLog(readFileSync(run.logFile, 'utf8'));
  } catch {
    // Not written yet, or not a node program.
  }
  const firstListenAt = events.find((e) => e.event === 'listen')?.t;
  const exits = events.filter((e) => e.event === 'exit').map((e) => e.t);
  const exitAt = exits.length ? Math.max(...exits) : run.exitInfo ? run.startedAt + run.exitInfo.afterMs : undefined;
  return { firstListenAt, exitAt, attempts: events.filter((e) => e.event === 'listen').length };
}

function seconds(ms) {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}

/** Takes `port` on every interface, the way another program on the machine would. */
async function block(ctx, port) {
  const server = createServer((socket) => socket.destroy());
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(undefined));
  });
  const blocker = { stop: () => new Promise((resolve) => server.close(() => resolve(undefined))) };
  ctx.track(blocker);
  return blocker;
}
