// rejects-bad-port: with PORT set to abc, -1 or 70000, the server exits non-zero within 3 s with a
// message naming PORT, and listens nowhere. (Node alone would treat "abc" as a pipe name and
// listen on it, or crash with ERR_SOCKET_BAD_PORT, which does not say which setting was wrong.)
import { Run } from '../lib/run.mjs';
import { runEnv } from '../lib/stub-upstream.mjs';
import { describeServer, listeners } from '../lib/observer-log.mjs';
import { describeExit, errorLine, result, runDetails, secondsText } from '../lib/results.mjs';
import { splitNodeReport } from '../lib/node-report.mjs';

export const BAD_PORTS = ['abc', '-1', '70000'];
const LIMIT_MS = 3000;
const NAMES_PORT = /\bPORT\b/;
const CHECK_HINT = 'Check that PORT is a whole number from 1 to 65535 before calling listen(); if not, print a message naming PORT and process.exit(1).';

export default {
  id: 'rejects-bad-port',
  kind: 'run',
  async check(ctx, { mainReady }) {
    const runs = await Promise.all(BAD_PORTS.map(async (value) => new Run(ctx, { env: await runEnv(ctx, value), label: 'bad-port' })));
    try {
      // Read once the bad runs are over: by then the main run has printed its start-up lines.
      const startupLines = () => startupLinesOf(mainReady);
      const limit = ctx.scaled(LIMIT_MS);
      const verdicts = await Promise.all(runs.map((run, i) => judge(run, BAD_PORTS[i], startupLines, limit)));
      const steps = verdicts.map((v) => `PORT=${v.value} → ${v.summary}`);
      const bad = verdicts.find((v) => v.status !== 'pass');
      if (!bad) return result(this.id, 'pass', 'With PORT set to abc, -1 and 70000, it exited with an error naming PORT each time, and listened nowhere.', { steps });
      return result(this.id, bad.status, `With PORT=${bad.value}, ${bad.message}`, { ...runDetails(bad.run), steps, expected: `exit with a non-zero code within ${secondsText(limit)}, a message naming PORT, and no listen()`, hint: bad.hint });
    } finally {
      await Promise.all(runs.map((run) => run.stop()));
    }
  },
};

async function judge(run, value, startupLines, limit) {
  const exit = (await run.waitExitOrListen(limit)).exit ?? null;
  const summary = run.summary();
  const listened = listeners(summary);
  const output = run.output().text;
  const verdict = (status, message, hint) => ({ value, run, status, message, hint, summary: status === 'pass' ? `${describeExit(exit)}, naming PORT` : message });
  if (listened.length) return verdict('fail', `your server accepted it: ${listened.map(describeServer).join('; ')}.`, CHECK_HINT);
  if (!exit) return verdict('timeout', `your server was still running after ${secondsText(limit)} without listening; it should exit at once with an error.`);
  if (exit.code === 0) return verdict('fail', 'your server exited with code 0, which tells the platform all is well. Exit with a non-zero code, e.g. process.exit(1).');
  const { own, crash } = splitNodeReport(output);
  if (crash?.internal) {
    const passed = summary.servers.find((s) => s.error);
    const where = passed ? ` when it passed "${value}" to listen()` : '';
    return verdict('fail', `your server crashed with node's own error${where} (${crash.line}) instead of saying what is wrong with PORT.`, CHECK_HINT);
  }
  // The program's own explanation: a line it printed (not one it prints on every start, such as
  // "starting with PORT=…"), or the message of an error it threw itself.
  const usual = await startupLines();
  const printed = own.filter((line) => NAMES_PORT.test(line) && !usual.has(normalize(line, value)));
  const thrown = crash && NAMES_PORT.test(crash.message) ? [crash.line] : [];
  if (printed.length || thrown.length) return verdict('pass', '');
  const startup = own.find((line) => NAMES_PORT.test(line));
  const said = crash?.line ?? errorLine(output) ?? own.filter((line) => line.trim()).at(-1)?.trim();
  const why = startup ? ` ("${startup.trim()}" is printed on every start, good PORT or bad)` : said ? ` (it said "${said}")` : '';
  return verdict('fail', `your server ${describeExit(exit)}, but no message of its own names PORT${why}.`, 'Print a message that names the setting, e.g. `PORT must be a number from 1 to 65535, got "abc"`, then process.exit(1).');
}

/** A line with the PORT value in it made comparable across runs. */
function normalize(line, value) {
  return line.trim().split(value).join('<PORT>');
}

/** The lines the program prints when PORT is good (from the main run), normalized. */
async function startupLinesOf(mainReady) {
  const main = await Promise.resolve(mainReady).catch(() => null);
  if (!main?.run) return new Set();
  return new Set(main.run.output().text.split('\n').map((line) => normalize(line, String(main.port))));
}
