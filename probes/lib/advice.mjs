// Advice chosen from what was observed: one explanation per distinct mistake, each naming the
// file and line to change. Every function returns details fields ({ file, line, column, snippet,
// hint }) or undefined when its mistake is not the one at hand, so a rule can try them in turn
// and fall back to the general hint only when none fits.

/** `process.env.port`: the right idea, the wrong name (environment variable names are case-sensitive). */
export function wrongCase(ctx, name = 'PORT') {
  const read = ctx.analysis.envReads.find((r) => r.name !== name && r.name.toUpperCase() === name);
  if (!read) return undefined;
  return { ...at(read), hint: `${read.file}:${read.line} reads process.env.${read.name}, but environment variable names are case-sensitive: the platform sets ${name}, not ${read.name}. Write process.env.${name}.` };
}

/** PORT read with no fallback: fine on the platform, a random port when it is unset. */
export function missingFallback(ctx, port) {
  const choice = ctx.analysis.portChoices.find((c) => c.kind === 'env' && c.env === 'PORT' && !c.fallback);
  const read = ctx.analysis.envReads.find((r) => r.name === 'PORT');
  if (!choice || !read) return undefined;
  return { ...at(read), hint: `${read.file}:${read.line} reads process.env.PORT, which is right, but has no fallback: with PORT unset, listen() gets undefined and the system picks a random port. Fall back to ${port} when PORT is unset.` };
}

/** A WebSocket (or second) server given a port of its own beside the one on PORT. */
export function secondPort(ctx, summary, port) {
  const server = summary?.servers.find((s) => s.requested.port === port || s.listening?.port === port);
  const constructed = ctx.analysis.portChoices.find((c) => c.how === 'constructor');
  if (server?.kind !== 'ws' && !(constructed && (!server || server.kind === 'net'))) return undefined;
  const where = constructed ?? server?.at;
  if (!where) return undefined;
  const code = ctx.sources[where.file];
  return {
    file: where.file,
    line: where.line,
    column: where.column,
    snippet: where.snippet ?? code?.split('\n')[where.line - 1]?.trim(),
    hint: `${where.file}:${where.line} gives the WebSocket server a port of its own${port ? ` (${port})` : ''}; a second port would collide with the next instance and the platform routes only PORT. Attach it to the HTTP server instead: new WebSocketServer({ server }).`,
  };
}

/** The host written into the code, wherever it is (lesson 13: config.js, not server.js). */
export function fixedHost(ctx) {
  const literal = ctx.analysis.hostLiterals?.find((h) => !ctx.analysis.envReads.some((r) => r.name === 'HOST' && r.file === h.file && r.line === h.line));
  if (!literal) return undefined;
  return { ...at(literal), hint: `${literal.file}:${literal.line} fixes the host to '${literal.value}'. Read it from process.env.HOST there, with '127.0.0.1' as the development default.` };
}

/** process.exit() straight in the SIGTERM handler: the process ends before close() lets requests finish. */
export function exitBeforeClose(ctx) {
  const exit = ctx.analysis.exitsOnSignal?.[0];
  if (!exit) return undefined;
  return { ...at(exit), hint: `${exit.file}:${exit.line} calls process.exit() in the SIGTERM handler itself, before the requests in flight have finished. Call it in server.close()'s callback instead: server.close(() => process.exit(0)).` };
}

function at({ file, line, column, endLine, endColumn, snippet }) {
  return { file, line, column, endLine, endColumn, snippet };
}
