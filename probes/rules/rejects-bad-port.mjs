// rejects-bad-port: with PORT set to abc, -1 or 70000, the server exits non-zero within 3 s with a
// message naming PORT, and listens nowhere. (Node alone would treat "abc" as a pipe name and
// listen on it, or crash with ERR_SOCKET_BAD_PORT, which does not say which setting was wrong.)
import { Run } from '../lib/run.mjs';
import { runEnv } from '../lib/stub-upstream.mjs';
import { describeServer, listeners } from '../lib/observer-log.mjs';
import { describeExit, errorLine, result, runDetails } from '../lib/results.mjs';

export const BAD_PORTS = ['abc', '-1', '70000'];
const LIMIT_MS = 3000;

export default {
  id: 'rejects-bad-port',
  kind: 'run',
  async check(ctx) {
    const runs = await Promise.all(BAD_PORTS.map(async (value) => new Run(ctx, { env: await runEnv(ctx, value), label: 'bad-port' })));
    try {
      const verdicts = await Promise.all(runs.map((run, i) => judge(run, BAD_PORTS[i])));
      const steps = verdicts.map((v) => `PORT=${v.value} → ${v.summary}`);
      const bad = verdicts.find((v) => v.status !== 'pass');
      if (!bad) return result(this.id, 'pass', 'With PORT set to abc, -1 and 70000, it exited with an error naming PORT each time, and listened nowhere.', { steps });
      return result(this.id, bad.status, `With PORT=${bad.value}, ${bad.message}`, { ...runDetails(bad.run), steps, expected: 'exit with a non-zero code within 3 s, a message naming PORT, and no listen()', hint: bad.hint });
    } finally {
      await Promise.all(runs.map((run) => run.stop()));
    }
  },
};

async function judge(run, value) {
  const exit = (await run.waitExitOrListen(LIMIT_MS)).exit ?? null;
  const summary = run.summary();
  const listened = listeners(summary);
  const output = run.output().text;
  const verdict = (status, message, hint) => ({ value, run, status, message, hint, summary: status === 'pass' ? `${describeExit(exit)}, naming PORT` : message });
  if (listened.length) return verdict('fail', `your server accepted it: ${listened.map(describeServer).join('; ')}.`, 'Check that PORT is a whole number from 1 to 65535 before calling listen().');
  if (!exit) return verdict('timeout', `your server was still running after ${LIMIT_MS / 1000} s without listening; it should exit at once with an error.`);
  if (exit.code === 0) return verdict('fail', 'your server exited with code 0, which tells the platform all is well. Exit with a non-zero code, e.g. process.exit(1).');
  if (!/\bPORT\b/.test(output)) {
    const said = errorLine(output);
    return verdict('fail', `your server ${describeExit(exit)}, but its output does not name PORT${said ? ` (it said "${said}")` : ''}.`, 'Print a message that names the setting, e.g. `PORT must be a number from 1 to 65535, got "abc"`.');
  }
  return verdict('pass', '');
}
