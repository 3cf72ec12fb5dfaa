// What a file imports (`import`, `export … from`, `import()`, `require()`), and which of those
// are packages that must be declared in package.json rather than Node built-ins or local files.
import { builtinModules } from 'node:module';
import { position, stringValue, walk } from './ast.mjs';

const BUILTINS = new Set(builtinModules);

/** @returns {{ specifier: string, how: 'import'|'require'|'dynamic', line: number, column: number }[]} */
export function findImports(ast) {
  const found = [];
  const add = (source, how) => {
    const specifier = stringValue(source);
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
