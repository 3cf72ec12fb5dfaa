/**
 * The lesson-package snapshot for WebContainers: the packages lessons declare (express, ws…)
 * and everything they depend on, copied from Portside's own node_modules into one tree in
 * `@webcontainer/api`'s FileSystemTree shape. The browser mounts it at boot instead of running
 * `npm install` (no registry round trips, works behind firewalls that allow only StackBlitz).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackageTree } from '../../contracts/package-snapshot.ts';

export interface InstalledPackage {
  name: string;
  /** Where it sits below the project root, e.g. `node_modules/send/node_modules/ms`. */
  installPath: string;
}

/** A declared package that is not installed; names the chain of packages that needed it. */
export class MissingPackageError extends Error {}

interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/**
 * Every package `names` need at run time, found the way Node's resolver finds them: from the
 * requiring package's folder up through each enclosing node_modules. Follows `dependencies`,
 * required `peerDependencies`, and `optionalDependencies` that are installed.
 */
export async function resolvePackageClosure(root: string, names: string[]): Promise<InstalledPackage[]> {
  const found = new Map<string, InstalledPackage>();
  const queue = names.map((name) => ({ name, from: '', chain: [name] }));
  for (let item = queue.shift(); item; item = queue.shift()) {
    const installPath = await locate(root, item.name, item.from);
    if (!installPath) {
      throw new MissingPackageError(`Lesson package "${item.chain.join('" → "')}" is not installed in ${root}; run npm install.`);
    }
    if (found.has(installPath)) continue;
    found.set(installPath, { name: item.name, installPath });
    const manifest = JSON.parse(await readFile(join(root, installPath, 'package.json'), 'utf8')) as Manifest;
    for (const [dependency, required] of dependenciesOf(manifest)) {
      if (!required && !(await locate(root, dependency, installPath))) continue;
      queue.push({ name: dependency, from: installPath, chain: [...item.chain, dependency] });
    }
  }
  return [...found.values()].sort((a, b) => a.installPath.localeCompare(b.installPath));
}

function dependenciesOf(manifest: Manifest): Array<[name: string, required: boolean]> {
  const optionalPeers = manifest.peerDependenciesMeta ?? {};
  return [
    ...Object.keys(manifest.dependencies ?? {}).map((name): [string, boolean] => [name, true]),
    ...Object.keys(manifest.optionalDependencies ?? {}).map((name): [string, boolean] => [name, false]),
    ...Object.keys(manifest.peerDependencies ?? {}).map((name): [string, boolean] => [name, !optionalPeers[name]?.optional]),
  ];
}

/** Node's lookup: `<from>/node_modules/<name>`, then each enclosing folder's node_modules. */
export function lookupPaths(name: string, from: string): string[] {
  const parts = from === '' ? [] : from.split('/');
  const paths: string[] = [];
  for (let end = parts.length; end >= 0; end -= 1) {
    if (end > 0 && parts[end - 1] === 'node_modules') continue;
    paths.push([...parts.slice(0, end), 'node_modules', name].join('/'));
  }
  return paths;
}

async function locate(root: string, name: string, from: string): Promise<string | null> {
  for (const path of lookupPaths(name, from)) {
    if (await isFile(join(root, path, 'package.json'))) return path;
  }
  return null;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** Files Node needs to run a package; docs, type declarations, tests and source maps stay behind. */
export function isRuntimeFile(relativePath: string): boolean {
  const parts = relativePath.split('/');
  const file = parts.at(-1) ?? '';
  if (parts.includes('node_modules')) return false; // nested packages are resolved on their own
  if (parts.length > 1 && SKIPPED_FOLDERS.has((parts[0] ?? '').toLowerCase())) return false;
  if (/^(licen[cs]e|notice)/i.test(file)) return true; // licences travel with the code
  return /\.(c|m)?js$|\.json$/.test(file) && !file.endsWith('.d.ts');
}

/** Top-level folders of a package that never hold its runtime code. */
const SKIPPED_FOLDERS = new Set(['test', 'tests', '__tests__', 'docs', 'example', 'examples', 'benchmark', 'benchmarks', '.github', 'coverage']);

/** The snapshot tree for `packages`, rooted at `node_modules`. */
export async function buildPackageTree(root: string, packages: InstalledPackage[]): Promise<PackageTree> {
  const tree: PackageTree = {};
  for (const { installPath } of packages) {
    const entries = await readdir(join(root, installPath), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const relative = join(entry.parentPath, entry.name).slice(join(root, installPath).length + 1).split('\\').join('/');
      if (!isRuntimeFile(relative)) continue;
      const contents = await readFile(join(root, installPath, relative), 'utf8');
      place(tree, `${installPath}/${relative}`.split('/'), contents);
    }
  }
  return tree;
}

function place(tree: PackageTree, parts: string[], contents: string): void {
  const [head, ...rest] = parts;
  if (head === undefined) return;
  if (rest.length === 0) {
    tree[head] = { file: { contents } };
    return;
  }
  const node = (tree[head] ??= { directory: {} });
  if ('directory' in node) place(node.directory, rest, contents);
}

/** The whole snapshot for the lesson packages `names`, as the JSON the browser fetches. */
export async function buildPackageSnapshot(root: string, names: string[]): Promise<string> {
  return JSON.stringify(await buildPackageTree(root, await resolvePackageClosure(root, names)));
}
