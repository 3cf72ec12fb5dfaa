// Turns evidence (observer records, exits, static findings) into plain sentences and details.
import { describeServer, listeningPorts } from './observer-log.mjs';
import { crashLocation, describeExit, errorLine, result, runDetails } from './results.mjs';
import { lineOf } from './ast.mjs';

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
  if (literal) {
    const where = literal.line === literal.call.line ? `passes the literal ${literal.port} to listen()` : `sets the port to the literal ${literal.port}, which reaches listen() on line ${literal.call.line}`;
    const readsPort = ctx.analysis.envReads.find((read) => read.name === 'PORT');
    const unused = readsPort ? ` You read process.env.PORT on line ${readsPort.line} of ${readsPort.file}, but that value never reaches listen().` : '';
    return { file: literal.file, line: literal.line, column: literal.column, endLine: literal.endLine, endColumn: literal.endColumn, snippet: literal.snippet, hint: `${literal.file}:${literal.line} ${where}. Use process.env.PORT instead.${unused}` };
  }
  const server = summary?.servers.find((s) => s.listening?.port === port || s.requested.port === port) ?? summary?.servers.find((s) => s.at);
  if (server?.at) {
    const code = ctx.sources[server.at.file];
    return { file: server.at.file, line: server.at.line, column: server.at.column, snippet: code ? lineOf(code, server.at.line) : undefined, hint: `listen() is called at ${server.at.file}:${server.at.line}; pass it the port from process.env.PORT.` };
  }
  return {};
}

/** Failures of listen() the observer saw, in words: "listen(3000) failed: port 3000 was already in use". */
export function listenErrors(summary) {
  return summary.servers
    .filter((s) => s.error)
    .map((s) => {
      const port = s.requested.port;
      if (s.error.code === 'EADDRINUSE') return `port ${port} was already in use (EADDRINUSE)`;
      if (s.error.code === 'EACCES') return `port ${port} needs special permission (EACCES)`;
      return `listen(${port ?? ''}) failed: ${s.error.message}`;
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
  const errors = listenErrors(summary);
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
  let location = crashLocation(text, ctx.cwd);
  const syntax = ctx.analysis.syntaxErrors.find((e) => !location || e.file === location.file);
  if (syntax && /SyntaxError/.test(text)) location = { file: syntax.file, line: syntax.line, column: syntax.column, snippet: syntax.snippet };
  else if (location && ctx.sources[location.file]) location = { ...location, snippet: lineOf(ctx.sources[location.file], location.line) };
  return { error, location };
}

/** The last line of output in which the program says it is listening or running on a port. */
export function claimsListening(text) {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => /\b(listening|started|running|ready|serving)\b/i.test(line) && /\b\d{2,5}\b/.test(line));
  return lines.at(-1)?.slice(0, 120);
}
