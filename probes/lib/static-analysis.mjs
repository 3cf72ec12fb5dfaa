// Static analysis of the learner's files with acorn. The parser is passed in (`acorn` is the
// module: `.portside/acorn.mjs` in a sandbox, the npm package in tests), so this file has no
// imports that only exist in one place. Results only add line numbers and hints to what the
// runs prove.
import { findImports, isLocal } from './imports.mjs';
import { lineOf, position, stringValue, walk } from './ast.mjs';

/** A URL pointing at this machine, written into the code: an assumed environment. */
const LOCAL_URL = /^(https?|wss?|redis):\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(:\d+)?/;
/** A host written into the code: where binds-host-from-env points when the host does not follow HOST. */
const HOST_LITERAL = /^(0\.0\.0\.0|127\.0\.0\.1|localhost|::|::1)$/;
import { collectBindings, findEnvReads, findPortChoices } from './port-analysis.mjs';
import { pythonPorts } from './python-ports.mjs';

const JAVASCRIPT = /\.[cm]?js$/;

/** Parses with the file's module system first, then the other (a .js file could be either). */
export function parseFile(acorn, file, code, packageType) {
  const preferred = file.endsWith('.mjs') ? 'module' : file.endsWith('.cjs') ? 'script' : packageType === 'module' ? 'module' : 'script';
  const options = (sourceType) => ({ ecmaVersion: 'latest', sourceType, locations: true, allowHashBang: true, allowReturnOutsideFunction: sourceType === 'script', allowAwaitOutsideFunction: true });
  try {
    return { ast: acorn.parse(code, options(preferred)), sourceType: preferred };
  } catch (first) {
    const other = preferred === 'module' ? 'script' : 'module';
    if (!file.endsWith('.mjs') && !file.endsWith('.cjs')) {
      try {
        return { ast: acorn.parse(code, options(other)), sourceType: other };
      } catch {
        // Report the error from the module system node will use.
      }
    }
    const loc = first.loc ?? { line: 1, column: 0 };
    const message = String(first.message).replace(/\s*\(\d+:\d+\)$/, '');
    return { error: { file, line: loc.line, column: loc.column + 1, message, snippet: lineOf(code, loc.line) } };
  }
}

/** Everything the rules may want to know about one file. */
export function analyzeFile(acorn, file, code, packageType) {
  const parsed = parseFile(acorn, file, code, packageType);
  if (parsed.error) return { file, error: parsed.error, portChoices: [], envReads: [], imports: [], numbers: [], urlLiterals: [], hostLiterals: [], exitsOnSignal: [] };
  const { ast } = parsed;
  const bindings = collectBindings(ast);
  const portChoices = findPortChoices(ast, bindings).map((choice) => describeChoice(file, code, choice));
  const envReads = findEnvReads(ast).map((read) => ({ file, ...read, snippet: lineOf(code, read.line) }));
  const imports = findImports(ast).map((i) => ({ file, ...i }));
  const numbers = [];
  const urlLiterals = [];
  const hostLiterals = [];
  const exitsOnSignal = findExitsOnSignal(ast).map((node) => ({ file, ...position(node), snippet: lineOf(code, position(node).line) }));
  walk(ast, (node) => {
    const host = stringValue(node);
    if (host !== undefined && HOST_LITERAL.test(host) && node.type === 'Literal') hostLiterals.push({ file, value: host, ...position(node), snippet: lineOf(code, position(node).line) });
    if (node.type === 'Literal' && Number.isInteger(node.value) && node.value > 0 && node.value < 65536) numbers.push(node.value);
    const text = stringValue(node) ?? (node.type === 'TemplateLiteral' ? node.quasis[0]?.value.cooked : undefined);
    if (text && LOCAL_URL.test(text) && (node.type === 'Literal' || node.type === 'TemplateLiteral')) {
      const at = position(node);
      urlLiterals.push({ file, value: text, line: at.line, column: at.column, snippet: lineOf(code, at.line) });
    }
  });
  return { file, portChoices, envReads, imports, numbers, urlLiterals, hostLiterals, exitsOnSignal };
}

/** `process.exit()` called directly in a SIGTERM/SIGINT handler: before server.close() can finish. */
function findExitsOnSignal(ast) {
  const found = [];
  walk(ast, (node) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || !/^(on|once|addListener)$/.test(node.callee.property?.name ?? '')) return;
    if (node.callee.object.type !== 'Identifier' || node.callee.object.name !== 'process' || !/^SIG(TERM|INT)$/.test(stringValue(node.arguments[0]) ?? '')) return;
    const handler = node.arguments[1];
    if (!handler || !/Function/.test(handler.type)) return;
    // Only the handler's own statements: an exit inside a callback (server.close(() => …)) is right.
    const visit = (inner) => {
      if (!inner || typeof inner.type !== 'string') return;
      if (inner !== handler.body && /Function/.test(inner.type)) return;
      if (inner.type === 'CallExpression' && inner.callee.type === 'MemberExpression' && inner.callee.object.type === 'Identifier' && inner.callee.object.name === 'process' && inner.callee.property.name === 'exit') found.push(inner);
      for (const key of Object.keys(inner)) {
        if (key === 'loc') continue;
        const value = inner[key];
        for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child.type === 'string') visit(child);
      }
    };
    visit(handler.body);
  });
  return found;
}

function describeChoice(file, code, { call, how, port }) {
  const callAt = position(call);
  const choice = { file, how, kind: port.kind, line: callAt.line, column: callAt.column, snippet: lineOf(code, callAt.line) };
  if (port.kind === 'env') choice.env = port.name;
  const literal = port.kind === 'literal' ? port : port.fallback;
  if (literal) {
    const at = position(literal.node);
    const found = { port: literal.port, file, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, snippet: lineOf(code, at.line) };
    if (port.kind === 'literal') choice.literal = found;
    else choice.fallback = found;
  }
  return choice;
}

/**
 * Analyzes the files reachable from `entry` through relative imports (all files when there is
 * no entry). `files` maps workspace paths to source text.
 * @param {any} acorn
 * @param {Record<string, string>} allFiles workspace path → source (.js and .py)
 * @param {{ entry?: string, packageType?: unknown }} [options]
 */
export function analyzeWorkspace(acorn, allFiles, { entry, packageType } = {}) {
  const analyses = new Map();
  const files = Object.fromEntries(Object.entries(allFiles).filter(([name]) => JAVASCRIPT.test(name)));
  const python = Object.entries(allFiles).filter(([name]) => name.endsWith('.py')).map(([name, code]) => pythonPorts(name, code));
  // `node app` and `node ./src/` name files the way require() would: resolve them the same way.
  const start = entry === undefined ? undefined : files[normalize(entry)] !== undefined ? normalize(entry) : resolveLocal('', `./${normalize(entry)}`, files);
  const queue = start ? [start] : Object.keys(files);
  while (queue.length) {
    const file = queue.shift();
    if (analyses.has(file)) continue;
    const analysis = analyzeFile(acorn, file, files[file], packageType);
    analyses.set(file, analysis);
    if (!entry) continue;
    for (const i of analysis.imports) {
      const target = isLocal(i.specifier) ? resolveLocal(file, i.specifier, files) : undefined;
      if (target && !analyses.has(target)) queue.push(target);
    }
  }
  const all = [...analyses.values()];
  const choices = all.flatMap((a) => a.portChoices);
  return {
    files: [...analyses.keys()],
    portChoices: choices,
    literalPorts: [...choices.filter((c) => c.literal).map((c) => ({ ...c.literal, how: c.how, call: { line: c.line, column: c.column, snippet: c.snippet } })), ...python.flatMap((p) => p.literals)],
    envReads: all.flatMap((a) => a.envReads),
    imports: all.flatMap((a) => a.imports),
    numbers: [...new Set([...all.flatMap((a) => a.numbers), ...python.flatMap((p) => p.numbers)])],
    urlLiterals: all.flatMap((a) => a.urlLiterals),
    hostLiterals: all.flatMap((a) => a.hostLiterals),
    exitsOnSignal: all.flatMap((a) => a.exitsOnSignal),
    syntaxErrors: all.filter((a) => a.error).map((a) => a.error),
  };
}

function normalize(path) {
  return path.replace(/^\.\//, '');
}

/** Resolves `./x` from `from` the way node would, within the file map (x, x.js, x/index.js…). */
export function resolveLocal(from, specifier, files) {
  if (!specifier.startsWith('.')) return undefined;
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  const base = parts.join('/');
  const candidates = [base, `${base}.js`, `${base}.mjs`, `${base}.cjs`, `${base}/index.js`, `${base}/index.mjs`, `${base}/index.cjs`];
  return candidates.find((candidate) => files[candidate] !== undefined);
}
