/**
 * What a file imports at runtime: the imports that survive type erasure (not `import type`, not
 * imports of types only), dynamic `import()` included. The structure guards use it to keep zod,
 * which the contracts' lesson schema runs on the server, out of the browser bundle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { isUnder, resolveRelative } from './import-graph.ts';

export function runtimeSpecifiers(file: string, text: string): string[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !importsTypesOnly(node)) found.push((node.moduleSpecifier as ts.StringLiteral).text);
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && !exportsTypesOnly(node)) found.push((node.moduleSpecifier as ts.StringLiteral).text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [specifier] = node.arguments;
      if (specifier && ts.isStringLiteral(specifier)) found.push(specifier.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importsTypesOnly(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './x'` runs x
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return !clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function exportsTypesOnly(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/**
 * Every path by which the files in `entries` load `pkg` at runtime, as "a.ts → b.ts → pkg";
 * one path per project file that imports the package itself.
 */
export function runtimePathsTo(pkg: string, root: string, entries: readonly string[]): string[] {
  const cameFrom = new Map<string, string | null>(entries.map((file) => [file, null]));
  const queue = [...entries];
  const paths: string[] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const specifier of runtimeSpecifiers(file, readFileSync(join(root, file), 'utf8'))) {
      if (specifier === pkg || specifier.startsWith(`${pkg}/`)) paths.push([...chain(file, cameFrom), specifier].join(' → '));
      if (!specifier.startsWith('.')) continue;
      const target = resolveRelative(file, specifier, root);
      if (cameFrom.has(target) || isUnder(target, 'node_modules') || !/\.(?:[cm]?[jt]s|tsx)$/.test(target)) continue;
      cameFrom.set(target, file);
      queue.push(target);
    }
  }
  return paths;
}

function chain(file: string, cameFrom: ReadonlyMap<string, string | null>): string[] {
  const files: string[] = [];
  for (let at: string | null | undefined = file; at; at = cameFrom.get(at)) files.unshift(at);
  return files;
}
