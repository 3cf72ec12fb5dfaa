// Small helpers over ESTree nodes (as acorn makes them): walking, locations, and reading
// `process.env.X`. Kept apart so the analyses read as what they look for.

/** Visits every node depth-first, parents before children. */
export function walk(node, visit, parent = null) {
  if (!node || typeof node.type !== 'string') return;
  visit(node, parent);
  for (const key in node) {
    if (key === 'loc' || key === 'type' || key === 'start' || key === 'end') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === 'string') walk(child, visit, node);
    } else if (value && typeof value.type === 'string') {
      walk(value, visit, node);
    }
  }
}

/** 1-based line and column of a node's start, as editors count. */
export function position(node) {
  return { line: node.loc.start.line, column: node.loc.start.column + 1, endLine: node.loc.end.line, endColumn: node.loc.end.column + 1 };
}

/** The source line a node starts on, trimmed and capped, for transcripts. */
export function lineOf(code, line) {
  const text = code.split('\n')[line - 1] ?? '';
  const trimmed = text.trim();
  return trimmed.length > 120 ? trimmed.slice(0, 117) + '...' : trimmed;
}

/** The name of a non-computed or literal-keyed property (`a.b`, `a['b']`, `{ b: … }`). */
export function propertyName(node, computed) {
  if (!node) return undefined;
  if (!computed && node.type === 'Identifier') return node.name;
  if (node.type === 'Literal' && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  return undefined;
}

/** True for `process.env`. */
export function isProcessEnv(node) {
  return node?.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === 'process' && propertyName(node.property, node.computed) === 'env';
}

/** `X` for `process.env.X` / `process.env['X']`, else undefined. */
export function envName(node) {
  if (node?.type !== 'MemberExpression' || !isProcessEnv(node.object)) return undefined;
  return propertyName(node.property, node.computed);
}

/** A number literal (or a string of digits) as a number, else undefined. */
export function numberValue(node) {
  if (node?.type === 'Literal') {
    if (typeof node.value === 'number') return node.value;
    if (typeof node.value === 'string' && /^\s*\d+\s*$/.test(node.value)) return Number(node.value);
  }
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) {
    const text = node.quasis[0]?.value.cooked ?? '';
    if (/^\s*\d+\s*$/.test(text)) return Number(text);
  }
  return undefined;
}

/** A string literal (or a template without expressions) as a string, else undefined. */
export function stringValue(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}
