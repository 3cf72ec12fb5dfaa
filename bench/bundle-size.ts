/**
 * The gzipped JavaScript a learner's browser loads before the editor appears, measured by
 * loading lesson 1 in Chromium on the local runtime: every script the page fetched (Resource
 * Timing, page clock) until both the editor placeholder showing the code is on screen and the
 * runtime is ready, minus the Monaco and xterm chunks, which are import()ed behind placeholders
 * and finish after first paint. Sizes are the built files gzipped here (zlib level 6, like
 * `gzip`); KB = 1000 bytes. Target ≤ 200 KB. Run alone with `npx tsx bench/bundle-size.ts`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../server/grade/probe-files.ts';
import { loadLessons } from '../server/lessons/load.ts';
import { buildApp, type AppBuild } from './app-build.ts';
import { groupOf, MONACO_MODULE, sourceOf, XTERM_MODULE, chunkFiles, entryGraph } from './chunk-groups.ts';
import { firstScreen } from './first-screen.ts';
import { withServedApp } from './served-app.ts';
import { formatKb, formatMs, table, verdict } from './stats.ts';

const TARGET_BYTES = 200_000;

interface Sized {
  file: string;
  raw: number;
  gzip: number;
}

export async function benchBundleSize(build: AppBuild): Promise<void> {
  const lesson = (await loadLessons(join(REPO_ROOT, 'lessons')))[0];
  if (!lesson) throw new Error('there is no lesson to open');
  const screen = await withServedApp(build.dir, ({ url, browser }) => firstScreen(browser, `${url}#/${lesson.id}`));
  const group = groupOf(build.manifest);
  const cutoff = Math.max(screen.placeholderAt, screen.runtimeReadyAt);
  const before = screen.scripts.filter((s) => s.startTime <= cutoff).map((s) => s.file);
  const counted = [...new Set(before)].filter((file) => group(file) !== 'monaco' && group(file) !== 'xterm');
  for (const file of await scriptsIn(join(build.dir, 'index.html'))) {
    if (!counted.includes(file)) throw new Error(`${file} is referenced by index.html but the page did not load it before the editor appeared`);
  }
  const sized = await Promise.all(counted.map((file) => size(build.dir, file)));
  const total = sum(sized);

  console.log(`JavaScript loaded before the editor appears: ${lesson.folder}, local runtime, Chromium (gzip level 6; KB = 1000 bytes)`);
  console.log(`page clock: placeholder with the code at ${formatMs(screen.placeholderAt)}, runtime ready at ${formatMs(screen.runtimeReadyAt)}, Monaco editor at ${formatMs(screen.editorAt)}`);
  console.log(table([['file', 'source', 'raw', 'gzip'], ...sized.map((s) => row(build, s)), ['total', '', formatKb(total.raw), formatKb(total.gzip)]], 2));
  console.log(`target: ≤ ${formatKb(TARGET_BYTES)} gzipped before the editor appears … ${verdict(total.gzip <= TARGET_BYTES)}`);

  const loaded = entryGraph(build.manifest);
  const monaco = await Promise.all([...chunkFiles(build.manifest, MONACO_MODULE, true, loaded)].map((file) => size(build.dir, file)));
  const xterm = await Promise.all([...chunkFiles(build.manifest, XTERM_MODULE, true, loaded)].map((file) => size(build.dir, file)));
  const core = monaco.filter((s) => chunkFiles(build.manifest, MONACO_MODULE, false, loaded).has(s.file));
  console.log('\nLoaded after first paint, for context (not counted above):');
  console.log(
    table([
      ['', 'files', 'raw', 'gzip'],
      ['Monaco: editor chunks (CodeEditor + editor.api)', String(core.length), formatKb(sum(core).raw), formatKb(sum(core).gzip)],
      ['Monaco: all, with workers and language modes', String(monaco.length), formatKb(sum(monaco).raw), formatKb(sum(monaco).gzip)],
      ['xterm: terminal chunk (XtermView)', String(xterm.length), formatKb(sum(xterm).raw), formatKb(sum(xterm).gzip)],
    ]),
  );
}

function row(build: AppBuild, s: Sized): string[] {
  return [s.file, sourceOf(build.manifest, s.file), formatKb(s.raw), formatKb(s.gzip)];
}

async function size(dir: string, file: string): Promise<Sized> {
  const bytes = await readFile(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
}

function sum(files: readonly Sized[]): { raw: number; gzip: number } {
  return files.reduce((total, s) => ({ raw: total.raw + s.raw, gzip: total.gzip + s.gzip }), { raw: 0, gzip: 0 });
}

/** The scripts and module preloads index.html names: loaded before anything renders, whatever else happens. */
async function scriptsIn(indexHtml: string): Promise<string[]> {
  const html = await readFile(indexHtml, 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  return tags
    .filter((tag) => tag.startsWith('<script') || /rel="modulepreload"/.test(tag))
    .map((tag) => /(?:src|href)="\/?([^"]+\.js)"/.exec(tag)?.[1])
    .filter((file): file is string => file !== undefined);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const build = await buildApp();
  try {
    await benchBundleSize(build);
  } finally {
    await build.remove();
  }
}
