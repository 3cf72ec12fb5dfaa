// Runs a check's rules and reports each as soon as it is known:
//   - rules this runtime cannot decide (rule-needs.mjs) at once, as `skipped` with the reason;
//   - static rules at once;
//   - the main run (PORT=p) starts, and with it every rule that starts its own runs, in parallel;
//   - rules probing the main run take turns on it, in lesson order, once it listens; rules that
//     only watch its evidence (`watches`) watch beside them;
//   - `last` rules (default-port, on a fixed port) after every other run has stopped.
// If the main run never calls listen(), the first server rule says so once ("your server never
// started: …") and the other server rules are reported `skipped`, with details.blockedBy.
import { Cancelled } from './poll.mjs';
import { neverStarted, neverStartedResult, startMainRun } from './main-run.mjs';
import { result } from './results.mjs';
import { undecidable, undecidableResult } from './rule-needs.mjs';
import { RULES } from '../rules/index.mjs';

/** Extra time the whole check may take beyond one readiness wait before it gives up on itself. */
const SLACK_MS = 30000;

/**
 * @param {object} ctx from createContext
 * @param {(event: object) => void} emit writes one protocol line
 * @returns {Promise<{ passed: boolean, results: object[] }>}
 */
export async function runRules(ctx, emit) {
  const all = ctx.config.rules.map((id) => RULES[id]);
  const results = new Map();
  const report = (res) => {
    if (!res || results.has(res.id)) return;
    results.set(res.id, res);
    emit({ type: 'result', result: res });
  };
  const running = (rule) => emit({ type: 'running', id: rule.id });
  emit({ type: 'start', rules: all.map((r) => r.id) });
  // A rule this runtime cannot decide says so at once, in words, and is not run (rule-needs.mjs).
  const rules = all.filter((rule) => {
    const reason = undecidable(ctx, rule);
    if (reason) report(undecidableResult(ctx, rule, reason));
    return !reason;
  });

  const tasks = rules.filter((r) => r.kind === 'static').map(async (rule) => {
    running(rule);
    report(await execute(rule, ctx));
  });

  const server = rules.filter((r) => r.kind !== 'static');
  if (server.length) {
    const mainRun = startMainRun(ctx);
    // The rules that talk to the main run are at work from the moment it starts (waiting for it
    // to listen is part of them), so say so now rather than after a slow start.
    for (const rule of server.filter((r) => r.kind === 'main')) running(rule);
    const gate = mainRun.then((p) => (neverStarted(p.ready) ? p : null), () => null);
    const afterGate = async (res) => {
      if (!(await gate)) report(res);
    };
    tasks.push(mainRun.catch((error) => {
      if (error instanceof Cancelled || ctx.signal.aborted) return; // a cancel is reported once, by `done`
      for (const rule of server) report(result(rule.id, 'error', `The check itself failed to start your server: ${withoutStop(error.message)}. This is a problem in Portside, not in your code.`));
    }));
    tasks.push(gate.then((failed) => {
      if (!failed) return;
      const first = server[0].id;
      report(neverStartedResult(ctx, first, failed));
      for (const rule of server) report(skipped(rule.id, first));
      ctx.abort(); // the other rules' runs would only fail the same way
    }));

    // Code with a literal port cannot run twice at once without the runs fighting over it, which
    // would make results depend on timing. Such code gets its rules one after another.
    const serial = queue(ctx.analysis.literalPorts.length > 0);
    const mainTask = serial(async () => {
      const main = await mainRun;
      try {
        if (neverStarted(main.ready)) return;
        // Rules that only watch the evidence (uses-env-port) need no turn: they keep watching
        // beside the others, and the main run lives until they are done.
        const onMain = server.filter((r) => r.kind === 'main');
        const watching = onMain.filter((r) => r.watches).map(async (rule) => report(await execute(rule, ctx, main)));
        for (const rule of onMain.filter((r) => !r.watches)) report(await execute(rule, ctx, main));
        await Promise.all(watching);
      } finally {
        await main.run.stop();
      }
    });
    const own = server.filter((r) => r.kind === 'run' && !r.last).map((rule) => serial(async () => {
      if (serial.exclusive && (await gate)) return;
      running(rule);
      await afterGate(await execute(rule, ctx, { mainReady: mainRun }));
    }));
    tasks.push(mainTask, ...own);
    tasks.push((async () => {
      await Promise.allSettled([mainTask, ...own]);
      for (const rule of server.filter((r) => r.last)) {
        if (await gate) return;
        running(rule);
        report(await execute(rule, ctx));
      }
    })());
  }

  const deadline = ctx.readyTimeoutMs * 2 * (ctx.analysis.literalPorts.length > 0 ? Math.max(1, server.length) : 1) + ctx.scaled(SLACK_MS);
  const finished = await Promise.race([Promise.allSettled(tasks).then(() => true), new Promise((resolve) => setTimeout(resolve, deadline, false).unref())]);
  if (!finished) {
    ctx.abort();
    for (const rule of rules) report(result(rule.id, 'error', `The check itself took longer than ${deadline / 1000} s and gave up. This is a problem in Portside, not in your code.`));
  }
  const ordered = all.map((rule) => results.get(rule.id)).filter(Boolean);
  return { passed: ordered.length === all.length && ordered.every((r) => r.status === 'pass'), results: ordered };
}

/** Runs one rule; a thrown error becomes an `error` result, a cancelled wait becomes nothing. */
async function execute(rule, ctx, arg) {
  const started = Date.now();
  try {
    const res = await rule.check(ctx, arg);
    return { ...res, durationMs: Date.now() - started };
  } catch (error) {
    if (error instanceof Cancelled || ctx.signal.aborted) return null;
    return result(rule.id, 'error', `The check itself failed: ${withoutStop(error.message)}. This is a problem in Portside, not in your code.`, { steps: String(error.stack ?? error).split('\n').slice(0, 8) });
  }
}

/** A message without its final full stop, to be embedded in a sentence. */
function withoutStop(message) {
  return String(message).replace(/[.\s]+$/, '');
}

/** Runs tasks one at a time when `exclusive`, else all at once. */
function queue(exclusive) {
  let tail = Promise.resolve();
  const serial = (task) => {
    if (!exclusive) return task();
    const next = tail.then(task, task);
    tail = next.catch(() => {});
    return next;
  };
  serial.exclusive = exclusive;
  return serial;
}

function skipped(id, blockedBy) {
  // The status already says "not run"; the message says why, so the two never repeat each other.
  return result(id, 'skipped', `Your server never started (see ${blockedBy}).`, { blockedBy });
}
