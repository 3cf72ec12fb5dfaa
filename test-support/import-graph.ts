/**
 * The project's own import graph, read with TypeScript's import scanner (`ts.preProcessFile`:
 * static imports and re-exports, `import type`, dynamic `import()`, type-position `import()` and,
 * in plain JavaScript, `require()`; comments and strings are not imports). The structure guards
 * (structure.test.ts) check the folder boundaries and cycles against it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

/** One import of one file: the specifier as written, and the repo-relative file it names (null: a package). */
export interface ImportEdge {
  from: string;
  specifier: string;
  to: string | null;
}

const SOURCE = /\.(?:[cm]?[jt]s|tsx)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'fixtures', 'dist']);

/** Every source file under `folders` (repo-relative, `/`-separated), fixtures and dependencies left out. */
export function sourceFiles(root: string, folders: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(path);
      } else if (SOURCE.test(entry.name)) files.push(path);
    }
  };
  for (const folder of folders) if (existsSync(join(root, folder))) walk(folder);
  return files.sort();
}

/** The imports of one file; `text` is its source. Relative specifiers are resolved against `file`. */
export function importsOf(file: string, text: string, root?: string): ImportEdge[] {
  const javascript = /\.[cm]?js$/.test(file);
  return ts.preProcessFile(text, true, javascript).importedFiles.map(({ fileName: specifier }) => ({
    from: file,
    specifier,
    to: specifier.startsWith('.') ? resolveRelative(file, specifier, root) : null,
  }));
}

/** The import edges of every file under `folders`. */
export function readImportGraph(root: string, folders: readonly string[]): ImportEdge[] {
  return sourceFiles(root, folders).flatMap((file) => importsOf(file, readFileSync(join(root, file), 'utf8'), root));
}

/** Specifiers here carry their extension; a bare folder or name falls back to the usual candidates. */
export function resolveRelative(file: string, specifier: string, root?: string): string {
  const target = posix.normalize(posix.join(posix.dirname(file), specifier));
  if (!root || isFile(join(root, target))) return target;
  const found = ['.ts', '.tsx', '.mjs', '.js', '/index.ts'].map((ending) => target + ending).find((path) => isFile(join(root, path)));
  return found ?? target;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** A folder rule: files under `from` must not import anything `forbidden` says yes to. */
export interface BoundaryRule {
  from: string;
  forbidden(target: string): boolean;
  why: string;
}

/** Each import that breaks a rule, as "file imports 'specifier' (target): why". */
export function boundaryViolations(edges: readonly ImportEdge[], rules: readonly BoundaryRule[]): string[] {
  const problems: string[] = [];
  for (const edge of edges) {
    if (edge.to === null) continue;
    for (const rule of rules) {
      if (isUnder(edge.from, rule.from) && rule.forbidden(edge.to)) {
        problems.push(`${edge.from} imports '${edge.specifier}' (${edge.to}): ${rule.why}`);
      }
    }
  }
  return problems;
}

export function isUnder(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}

/** A group of files that import each other, and one path through it that closes a loop. */
export interface ImportCycle {
  files: string[];
  /** e.g. "a.ts → b.ts → a.ts"; shortest loop from the group's first file. */
  path: string;
}

/** Every import cycle, one per strongly connected group of files. Only edges between files that exist in `edges` count. */
export function importCycles(edges: readonly ImportEdge[]): ImportCycle[] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, []);
    if (to !== null) next.get(from)?.push(to);
  }
  for (const [from, targets] of next) next.set(from, [...new Set(targets.filter((to) => next.has(to)))].sort());
  return stronglyConnected(next)
    .filter((group) => group.length > 1 || next.get(group[0] ?? '')?.includes(group[0] ?? ''))
    .map((files) => ({ files, path: cyclePath(files, next).join(' → ') }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Tarjan's algorithm, iterative so a long import chain cannot overflow the stack. */
function stronglyConnected(next: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  for (const start of [...next.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { node: string; child: number }[] = [{ node: start, child: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = next.get(frame.node) ?? [];
      if (frame.child < targets.length) {
        const target = targets[frame.child++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, child: 0 });
        } else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        groups.push(group.sort());
      }
    }
  }
  return groups;
}

/** The shortest path from the group's first file back to itself, staying inside the group. */
function cyclePath(group: readonly string[], next: ReadonlyMap<string, readonly string[]>): string[] {
  const members = new Set(group);
  const start = group[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of next.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path: string[] = [];
        for (let at = node; at !== start; at = cameFrom.get(at)!) path.unshift(at);
        return [start, ...path, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return [...group];
}
