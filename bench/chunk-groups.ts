/**
 * Which built files belong to what, read from Vite's manifest: the entry's static graph (always
 * loaded), and the lazily imported Monaco and xterm graphs, so the bundle-size bench can tell
 * the JavaScript a learner waits for from what loads after first paint.
 */
import type { Manifest } from './app-build.ts';

/** The app's modules that pull in the heavy libraries with import(). */
export const MONACO_MODULE = 'app/editor/CodeEditor.tsx';
export const XTERM_MODULE = 'app/terminal/XtermView.tsx';

/**
 * Files (`assets/…`) of `key` and everything it imports; with `lazy`, also its import()s and
 * worker assets. Chunks named in `loaded` (already on the page) are not entered, so walking back
 * into the entry does not drag in every other import() the entry has.
 */
export function chunkFiles(manifest: Manifest, key: string, lazy: boolean, loaded: ReadonlySet<string> = new Set()): Set<string> {
  const files = new Set<string>();
  const seen = new Set(loaded);
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    const chunk = manifest[current];
    if (!chunk) throw new Error(`the build manifest has no entry "${current}"`);
    files.add(chunk.file);
    for (const next of chunk.imports ?? []) visit(next);
    if (!lazy) return;
    for (const next of chunk.dynamicImports ?? []) visit(next);
    for (const asset of chunk.assets ?? []) if (asset.endsWith('.js')) files.add(asset);
  };
  visit(key);
  return files;
}

/** Manifest keys of the entry and its static imports: what every page load runs. */
export function entryGraph(manifest: Manifest): Set<string> {
  const keys = new Set<string>();
  const visit = (current: string) => {
    if (keys.has(current)) return;
    keys.add(current);
    for (const next of manifest[current]?.imports ?? []) visit(next);
  };
  visit(entryKey(manifest));
  return keys;
}

export function entryKey(manifest: Manifest): string {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry in the build manifest, found ${entries.length}`);
  return entries[0]![0];
}

export type Group = 'entry' | 'monaco' | 'xterm' | 'other';

/** Sorts a file into its group; the entry's own graph wins, since it is loaded either way. */
export function groupOf(manifest: Manifest): (file: string) => Group {
  const loaded = entryGraph(manifest);
  const entry = chunkFiles(manifest, entryKey(manifest), false);
  const monaco = chunkFiles(manifest, MONACO_MODULE, true, loaded);
  const xterm = chunkFiles(manifest, XTERM_MODULE, true, loaded);
  return (file) => (entry.has(file) ? 'entry' : monaco.has(file) ? 'monaco' : xterm.has(file) ? 'xterm' : 'other');
}

/** The source a built file came from, for people reading the table (`app/runtime/local/runtime.ts`). */
export function sourceOf(manifest: Manifest, file: string): string {
  const found = Object.entries(manifest).find(([, chunk]) => chunk.file === file);
  return found ? found[0].replace(/^node_modules\/monaco-editor\/esm\/vs\//, 'monaco: ') : '(asset)';
}
