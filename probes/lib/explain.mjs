// Turns evidence (observer records, exits, static findings) into plain sentences and details.
import { describeServer, listeningPorts, parseLog, summarize } from './observer-log.mjs';
import { crashLocation, describeExit, errorLine, result, runDetails } from './results.mjs';
import { lineOf } from './ast.mjs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageName } from './imports.mjs';
import { secondPort, wrongCase } from './advice.mjs';

/** node's words for a package it cannot find: CJS "Cannot find module 'x'", ESM "Cannot find package 'x'". */
const NOT_FOUND = /Cannot find (?:module|package) '([^'./][^']*)'/;

/**
 * A package the program needs, declares in package.json, and that is not installed here: the
 * check cannot run it, which is Portside's limit, not the learner's mistake. Returns its name.
 */
export function unavailablePackage(ctx, run) {
  const text = [...run.tail.notable, run.output().text].join('\n');
  const match = NOT_FOUND.exec(text);
  if (!match) return undefined;
  const name = packageName(match[1]);
  const pkg = ctx.packageJson?.value ?? {};
  const declared = { ...pkg.devDependencies, ...pkg.optionalDependencies, ...pkg.dependencies };
  if (!(name in declared) || existsSync(join(ctx.cwd, 'node_modules', name, 'package.json'))) return undefined;
  return name;
}

/** The `error` result for a declared package the check does not have. */
export function unavailableResult(ctx, id, run, name, base = {}) {
  return result(id, 'error', `Your package.json declares ${name}, but this package is not available to the check, so your server could not start here. This is a limit of Portside, not a mistake in your code.`, { ...runDetails(run), ...base, hint: `Portside provides only some packages; the lesson lists which. Does the task need ${name}?` });
}

/** Lines for `observed:` in a transcript: every listen() and what became of it. */
export function observedLines(summary) {
  if (!summary.observed && !summary.servers.length) return [summary.osTable ? "no listening socket in the system's socket table" : '(no listen() calls could be observed: is the command a node program?)'];
  if (summary.servers.length === 0) return ['listen() was never called'];
  return summary.servers.map(describeServer);
}

/** A short list of ports for sentences: "3000", "3000 and 3001". */
export function portList(ports) {
  return ports.length <= 1 ? String(ports[0] ?? 'none') : `${ports.slice(0, -1).join(', ')} and ${ports.at(-1)}`;
}

/**
 * Where in the learner's code the port `port` comes from: a literal the static scan found, or
 * the call site the observer recorded. Returns details fields (file, line, column, snippet, hint).
 */
export function portSource(ctx, { port, summary }) {
  const literal = ctx.analysis.literalPorts.find((l) => l.port === port) ?? (port === undefined ? ctx.analysis.literalPorts[0] : undefined);
  const fallback = literal ? undefined : ctx.analysis.portChoices.find((c) => c.fallback?.port === port)?.fallback;
  if (fallback) {
    return { file: fallback.file, line: fallback.line, column: fallback.column, endLine: fallback.endLine, endColumn: fallback.endColumn, snippet: fallback.snippet, hint: `${fallback.file}:${fallback.line} falls back to ${fallback.port} when PORT is unset.` };
  }
  if (literal?.how === 'python') {
    return { file: literal.file, line: literal.line, column: literal.column, endLine: literal.endLine, endColumn: literal.endColumn, snippet: literal.snippet, hint: `${literal.file}:${literal.line} binds the literal port ${literal.port}. Read it from the environment instead: int(os.environ.get("PORT") or <a default>).` };
  }
  if (literal?.how === 'constructor') {
    // new WebSocketServer({ port: 8099 }): the fix is not another port from the environment.
    return { file: literal.file, line: literal.line, column: literal.column, endLine: literal.endLine, endColumn: literal.endColumn, snippet: literal.snippet, hint: `${literal.file}:${literal.line} gives a server of its own the port ${literal.port}; the platform routes only PORT. A WebSocket server can share it: new WebSocketServer({ server }).` };
  }
  if (literal) {
    const where = literal.line === literal.call.line ? `passes the literal ${literal.port} to listen()` : `sets the port to the literal ${literal.port}, which reaches listen() on line ${literal.call.line}`;
    const readsPort = ctx.analysis.envReads.find((read) => read.name === 'PORT');
    const unused = readsPort ? ` You read process.env.PORT on line ${readsPort.line} of ${readsPort.file}, but that value never reaches listen().` : '';
    return { file: literal.file, line: literal.line, column: literal.column, endLine: literal.endLine, endColumn: literal.endColumn, snippet: literal.snippet, hint: `${literal.file}:${literal.line} ${where}. Use process.env.PORT instead.${unused}` };
  }
  const specific = wrongCase(ctx) ?? secondPort(ctx, summary, port);
  if (specific) return specific;
  const server = summary?.servers.find((s) => s.listening?.port === port || s.requested.port === port) ?? summary?.servers.find((s) => s.at);
  if (server?.at) {
    const code = ctx.sources[server.at.file];
    return { file: server.at.file, line: server.at.line, column: server.at.column, snippet: code ? lineOf(code, server.at.line) : undefined, hint: `listen() is called at ${server.at.file}:${server.at.line}; pass it the port from process.env.PORT.` };
  }
  return {};
}

/**
 * Failures of listen() the observer saw, in words: "port 3000 was already in use (EADDRINUSE)".
 * With the check's context, a taken port names who held it: another run of the learner's own
 * server that this check started (a fixed port cannot serve two instances), or another program.
 */
export function listenErrors(summary, ctx, run) {
  return summary.servers
    .filter((s) => s.error)
    .map((s) => {
      const port = s.requested.port;
      if (s.error.code === 'EADDRINUSE') {
        if (!ctx || typeof port !== 'number') return `port ${port} was already in use (EADDRINUSE)`;
        return heldByOwnRun(ctx, run, port)
          ? `port ${port} was already taken by another copy of your server that the check was running (EADDRINUSE): a fixed port lets only one copy run`
          : `port ${port} was already in use by another program (EADDRINUSE)`;
      }
      if (s.error.code === 'EACCES') return `port ${port} needs special permission (EACCES)`;
      return `listen(${port ?? ''}) failed: ${s.error.message}`;
    });
}

/** True when another run of this check (its observer log in ctx.tmpDir) listened on `port`. */
function heldByOwnRun(ctx, run, port) {
  let names = [];
  try {
    names = readdirSync(ctx.tmpDir).filter((name) => name.endsWith('.jsonl'));
  } catch {
    return false;
  }
  return names.some((name) => {
    const file = join(ctx.tmpDir, name);
    if (run && file === run.logFile) return false;
    try {
      return summarize(parseLog(readFileSync(file, 'utf8'))).servers.some((s) => s.listening?.port === port);
    } catch {
      return false;
    }
  });
}

/**
 * The result for a run that did not end up listening on `port`. `ready` is Run.waitReady's
 * answer. `what` names the run in sentences ("With PORT=41873"); `extra` adds details (a curl).
 */
export function notListening(ctx, id, run, port, ready, { what = `With PORT=${port}`, extra = {} } = {}) {
  const summary = ready.summary;
  const base = { ...runDetails(run), expected: `listen() on port ${port}`, observed: observedLines(summary), ...extra };
  if (ready.state === 'spawn-error') {
    return result(id, 'error', `The check could not start "${ctx.command}": ${ready.exit?.spawnError}. This is a problem with the environment, not with your code.`, base);
  }
  const elsewhere = listeningPorts(summary).filter((p) => p !== port);
  const errors = listenErrors(summary, ctx, run);
  const source = portSource(ctx, { port: elsewhere[0] ?? summary.servers[0]?.requested.port, summary });
  if (ready.state === 'timeout') {
    const seconds = ctx.readyTimeoutMs / 1000;
    const said = claimsListening(run.output().text);
    const message = summary.servers.length
      ? `${what}, your server called ${summary.servers.map((s) => describeServerCall(s)).join(' and ')} but was not listening on ${port} after ${seconds} s; it was stopped.`
      : said
        ? `${what}, your program printed "${said}", but after ${seconds} s none of its processes was listening on ${port}${summary.osTable ? '' : ' that Portside could see'}; it was stopped.`
        : `${what}, your server had not called listen() after ${seconds} s; it was stopped. Something before listen() may be stuck in a loop or waiting.`;
    return result(id, 'timeout', message, { ...base, ...source });
  }
  if (ready.state === 'exited') {
    const missing = unavailablePackage(ctx, run);
    if (missing) return unavailableResult(ctx, id, run, missing, base);
    const crash = crashFacts(ctx, run);
    const onPort = summary.servers.some((s) => s.listening?.port === port);
    const calls = summary.servers.map(describeServerCall).join(' and ');
    const lead = onPort
      ? `${what}, your server listened on ${port} but then ${describeExit(ready.exit)}`
      : summary.servers.length
        ? `${what}, your server called ${calls} — not port ${port} — and then ${describeExit(ready.exit)}`
        : `${what}, your server ${describeExit(ready.exit)} before it called listen()`;
    const why = errors.length ? `: ${errors.join('; ')}` : crash.error ? `: ${crash.error}` : '.';
    return result(id, 'fail', `${lead}${why}`, { ...base, ...(crash.location ?? source), crashed: ready.exit?.code !== 0 || undefined });
  }
  const message = `${what}, your server listened on ${portList(elsewhere)} instead of ${port}.${errors.length ? ` Also: ${errors.join('; ')}.` : ''}`;
  return result(id, 'fail', message, { ...base, ...source });
}

function describeServerCall(server) {
  const port = server.requested.port;
  if (server.requested.path) return `listen(${JSON.stringify(server.requested.path)})`;
  return port === null || port === undefined ? 'listen() without a port' : `listen(${typeof port === 'number' ? port : JSON.stringify(port)})`;
}

/** The error line and location of a crash, from node's own output and the static scan. */
export function crashFacts(ctx, run) {
  // The error lines noticed while the output streamed by, then the tail: a flood after the
  // error must not hide it.
  const text = [...run.tail.notable, run.output().text].join('\n');
  const error = errorLine(text);
  /** @type {{ file: string, line: number, column?: number, snippet?: string } | undefined} */
  let location = crashLocation(text, ctx.cwd) ?? frameLocation(text, ctx) ?? pythonLocation(text, ctx);
  const syntax = ctx.analysis.syntaxErrors.find((e) => !location || e.file === location.file);
  if (syntax && /SyntaxError/.test(text)) location = { file: syntax.file, line: syntax.line, column: syntax.column, snippet: syntax.snippet };
  else if (location && ctx.sources[location.file]) location = { ...location, snippet: lineOf(ctx.sources[location.file], location.line) };
  return { error, location };
}

/** A stack frame `at f (server.js:5:8)` or `at file:///w/server.js:5:8`. */
const FRAME = /^\s+at\s(?:.*\()?(?:file:\/\/)?([^\s()]+?):(\d+):(\d+)\)?$/;

/**
 * The learner's line from a crash's stack, when node's header points elsewhere (into node's own
 * code, or into the observer that wraps listen()): the first frame in one of their files.
 */
export function frameLocation(text, ctx) {
  const root = `${ctx.cwd}/`;
  for (const line of text.split('\n')) {
    const match = FRAME.exec(line);
    if (!match) continue;
    const file = match[1].startsWith(root) ? match[1].slice(root.length) : match[1];
    if (ctx.sources[file] !== undefined) return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}

/** The learner's line from a Python traceback: the last `File "server.py", line 16` in their files. */
export function pythonLocation(text, ctx) {
  const root = `${ctx.cwd}/`;
  let found;
  for (const [, path, line] of text.matchAll(/File "([^"]+)", line (\d+)/g)) {
    const file = path.startsWith(root) ? path.slice(root.length) : path;
    if (ctx.sources[file] !== undefined) found = { file, line: Number(line) };
  }
  return found;
}

/** The last line of output in which the program says it is listening or running on a port. */
export function claimsListening(text) {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => /\b(listening|started|running|ready|serving)\b/i.test(line) && /\b\d{2,5}\b/.test(line));
  return lines.at(-1)?.slice(0, 120);
}
