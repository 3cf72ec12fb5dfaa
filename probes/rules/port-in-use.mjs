// port-in-use: when PORT is already taken, the server exits non-zero within 3 s with a message
// naming the port: no hang, no move to another port, no raw stack trace.
import { createServer } from 'node:net';
import { Run } from '../lib/run.mjs';
import { runEnv } from '../lib/stub-upstream.mjs';
import { describeServer, listeners } from '../lib/observer-log.mjs';
import { observedLines } from '../lib/explain.mjs';
import { describeExit, errorLine, result, runDetails } from '../lib/results.mjs';

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
      const exit = (await run.waitExitOrListen(LIMIT_MS)).exit ?? null;
      const summary = run.summary();
      const output = run.output().text;
      const details = (extra = {}) => ({ ...runDetails(run), steps: [`port ${port} taken by another program first`], expected: `exit non-zero within ${LIMIT_MS / 1000} s with a message naming ${port}`, observed: observedLines(summary), ...extra });
      const moved = listeners(summary);
      if (moved.length) return result(this.id, 'fail', `Port ${port} was taken, and your server listened elsewhere instead (${moved.map(describeServer).join('; ')}). The platform only routes to PORT: exit with an error instead.`, details());
      if (!exit) return result(this.id, 'timeout', `Port ${port} was taken, and your server was still running ${LIMIT_MS / 1000} s later without listening: it hangs instead of failing fast.`, details());
      if (exit.code === 0) return result(this.id, 'fail', `Port ${port} was taken, and your server exited with code 0, as if all was well. Exit with a non-zero code.`, details());
      if (!output.includes(String(port))) {
        const said = errorLine(output);
        return result(this.id, 'fail', `Port ${port} was taken; your server ${describeExit(exit)}, but its output does not say which port${said ? ` (it said "${said}")` : ''}.`, details({ hint: `Handle the server's 'error' event: if error.code is 'EADDRINUSE', print e.g. "Port ${port} is already in use" and exit(1).` }));
      }
      if (STACK_FRAME.test(output)) {
        return result(this.id, 'fail', `Port ${port} was taken; your server ${describeExit(exit)} but printed a raw stack trace. Say what happened in one clear line instead.`, details({ hint: "Listen for the server's 'error' event, check error.code === 'EADDRINUSE', print one line naming the port, and exit(1)." }));
      }
      return result(this.id, 'pass', `With port ${port} already taken, it ${describeExit(exit)} within ${LIMIT_MS / 1000} s and said which port.`, details());
    } finally {
      await run.stop();
      await blocker.stop();
    }
  },
};

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
