// What a file imports (`import`, `export … from`, `import()`, `require()`), and which of those
// are packages that must be declared in package.json rather than Node built-ins or local files.
import { builtinModules } from 'node:module';
import { position, stringValue, walk } from './ast.mjs';

const BUILTINS = new Set(builtinModules);

/**
 * A module specifier as node would see it: a string, or a path built from the module's own
 * folder — `path.join(__dirname, 'app')`, `resolve(__dirname, 'lib', 'db.js')`,
 * `` `${__dirname}/app` ``, `new URL('./app.js', import.meta.url)` — read as `./app`.
 */
export function specifierOf(node) {
  const text = stringValue(node);
  if (text !== undefined) return text;
  if (node?.type === 'CallExpression' && /^(join|resolve)$/.test(calleeName(node.callee) ?? '') && isHere(node.arguments[0])) {
    const rest = node.arguments.slice(1).map(stringValue);
    if (rest.every((part) => part !== undefined)) return './' + rest.join('/').replace(/^\.?\/+/, '');
  }
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 1 && isHere(node.expressions[0]) && node.quasis[0].value.cooked === '') {
    return '.' + (node.quasis[1].value.cooked ?? '');
  }
  if (node?.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'URL' && isImportMetaUrl(node.arguments[1])) {
    const first = stringValue(node.arguments[0]);
    if (first !== undefined) return first.startsWith('.') ? first : `./${first}`;
  }
  if (node?.type === 'MemberExpression' && !node.computed && node.property.name === 'pathname') return specifierOf(node.object);
  return undefined;
}

/** `__dirname`, `import.meta.dirname`, or `path.dirname(fileURLToPath(import.meta.url))`. */
function isHere(node) {
  if (node?.type === 'Identifier') return node.name === '__dirname';
  if (node?.type === 'MemberExpression' && node.object.type === 'MetaProperty') return node.property.name === 'dirname';
  return node?.type === 'CallExpression' && calleeName(node.callee) === 'dirname';
}

function isImportMetaUrl(node) {
  return node?.type === 'MemberExpression' && node.object.type === 'MetaProperty' && node.property.name === 'url';
}

/** `join` for `join(…)` and `path.join(…)`. */
function calleeName(callee) {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed) return callee.property.name;
  return undefined;
}

/** @returns {{ specifier: string, how: 'import'|'require'|'dynamic', line: number, column: number }[]} */
export function findImports(ast) {
  const found = [];
  const add = (source, how) => {
    const specifier = specifierOf(source);
    if (specifier !== undefined) found.push({ specifier, how, ...position(source) });
  };
  walk(ast, (node) => {
    if (node.type === 'ImportDeclaration') add(node.source, 'import');
    else if ((node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') && node.source) add(node.source, 'import');
    else if (node.type === 'ImportExpression') add(node.source, 'dynamic');
    else if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) add(node.arguments[0], 'require');
  });
  return found;
}

/** True for `./x`, `../x`, `/abs`, and URLs or `#imports`: nothing package.json must declare. */
export function isLocal(specifier) {
  return /^(\.{1,2}(\/|$)|\/|#|[a-z][a-z0-9+.-]*:(?!$))/i.test(specifier) && !specifier.startsWith('node:');
}

/** True for Node's own modules, with or without `node:` (`fs`, `node:http`, `fs/promises`). */
export function isBuiltin(specifier) {
  if (specifier.startsWith('node:')) return true;
  return BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]);
}

/** The package a bare specifier names: `express` for `express/lib/router`, `@fastify/static` for its subpaths. */
export function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Bare package imports only, each with the package it belongs to. */
export function packageImports(imports) {
  return imports.filter((i) => !isLocal(i.specifier) && !isBuiltin(i.specifier)).map((i) => ({ ...i, name: packageName(i.specifier) }));
}
