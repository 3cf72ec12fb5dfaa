/** Reads and validates `lessons/NN-slug/` folders. Runs in Node: the Vite plugin, grade, tests. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { frontmatter, type Frontmatter } from '../../contracts/lesson-schema.ts';
import { namedPorts } from './named-ports.ts';
import type { FileMap } from '../../contracts/files.ts';

export interface Lesson extends Frontmatter {
  /** The folder's slug, e.g. `take-the-port` for `02-take-the-port`. */
  id: string;
  /** The folder name, e.g. `02-take-the-port`. */
  folder: string;
  order: number;
  /** The markdown body, below the frontmatter. */
  body: string;
  /** Port numbers the lesson's text mentions; checks never use them as PORT. */
  namedPorts: number[];
  starter: FileMap;
  solution: FileMap;
}

/**
 * A lesson that cannot be loaded. The message names the lesson's file, the line (counted from
 * the top of lesson.md) where one is known, and the field: `…/lesson.md:7: field "rules.1": …`.
 */
export class LessonError extends Error {
  constructor(message: string, readonly folder?: string) {
    super(message);
  }
}

/** Every lesson that loads, and an error for each one that does not, so one cannot block the rest. */
export interface LessonsReport {
  lessons: Lesson[];
  broken: LessonError[];
}

const FOLDER = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
/** Folders never shipped with a lesson's files. */
const SKIPPED = new Set(['node_modules', '.git', '.portside']);

/** Every lesson, or the errors of every broken one together (the build wants all or nothing). */
export async function loadLessons(root: string): Promise<Lesson[]> {
  const { lessons, broken } = await loadLessonsReport(root);
  if (broken.length === 1) throw broken[0];
  if (broken.length) throw new LessonError(`${broken.length} lessons cannot be loaded:\n${broken.map((e) => `  ${e.message}`).join('\n')}`);
  return lessons;
}

/** Loads what loads; for grading and verifying, where one broken lesson must not stop the others. */
export async function loadLessonsReport(root: string): Promise<LessonsReport> {
  const entries = await readdir(root, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_')).map((e) => e.name).sort();
  const settled = await Promise.allSettled(folders.map((name) => loadLesson(join(root, name))));
  const lessons: Lesson[] = [];
  const broken: LessonError[] = [];
  settled.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') lessons.push(outcome.value);
    else broken.push(outcome.reason instanceof LessonError ? outcome.reason : new LessonError(`${join(root, folders[i]!)}: ${(outcome.reason as Error).message}`, folders[i]));
  });
  return { lessons: lessons.sort((a, b) => a.order - b.order), broken };
}

/**
 * What is wrong with the numbering of lesson folders (01, 02, … without gaps or repeats), each
 * naming the folders: pure, for the course test and check-lesson.
 */
export function numberingProblems(folders: readonly string[]): string[] {
  const byNumber = new Map<number, string[]>();
  for (const folder of folders) {
    const number = Number(FOLDER.exec(folder)?.[1] ?? NaN);
    if (Number.isInteger(number)) byNumber.set(number, [...(byNumber.get(number) ?? []), folder]);
  }
  const problems: string[] = [];
  const highest = Math.max(0, ...byNumber.keys());
  for (let n = 1; n <= highest; n++) {
    const named = byNumber.get(n);
    const nn = String(n).padStart(2, '0');
    if (!named) problems.push(`no lesson is numbered ${nn}${n > 1 && byNumber.get(n - 1) ? ` (${byNumber.get(n - 1)![0]} is followed by ${nextAfter(byNumber, n)})` : ''}`);
    else if (named.length > 1) problems.push(`${named.join(' and ')} share the number ${nn}`);
  }
  if (byNumber.has(0)) problems.push(`${byNumber.get(0)!.join(' and ')}: lessons are numbered from 01`);
  return problems;
}

function nextAfter(byNumber: Map<number, string[]>, n: number): string {
  const later = [...byNumber.keys()].filter((k) => k > n).sort((a, b) => a - b)[0];
  return later === undefined ? 'nothing' : byNumber.get(later)![0]!;
}

export async function loadLesson(dir: string): Promise<Lesson> {
  const folder = dir.split(sep).at(-1) ?? dir;
  const file = join(dir, 'lesson.md');
  const fail = (message: string) => new LessonError(message, folder);
  const name = FOLDER.exec(folder);
  if (!name) throw fail(`${dir}: folder name must look like NN-slug (e.g. 02-take-the-port)`);
  const text = await readFile(file, 'utf8').catch(() => {
    throw fail(`${file}: missing lesson.md`);
  });
  const match = FRONTMATTER.exec(text);
  if (!match) throw fail(`${file}: must start with a --- frontmatter block ---`);
  const lines = new LineCounter();
  const document = parseDocument(match[1] ?? '', { lineCounter: lines, prettyErrors: false });
  /** A line of lesson.md: the frontmatter's own line numbers start below the opening ---. */
  const fileLine = (offset: number) => lines.linePos(offset).line + 1;
  const yamlError = document.errors[0];
  if (yamlError) throw fail(`${file}:${fileLine(yamlError.pos[0])}: frontmatter is not valid YAML: ${yamlError.message.split('\n')[0]}`);
  const parsed = frontmatter.safeParse(document.toJS());
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ line: fieldLine(document, i.path, fileLine), text: `field "${i.path.join('.') || '(root)'}": ${i.message}` }));
    throw fail(`${file}:${problems[0]!.line}: ${problems.map((p) => (p === problems[0] ? p.text : `line ${p.line}: ${p.text}`)).join('; ')}`);
  }
  const starter = await readFiles(join(dir, 'starter'), file, folder);
  const solution = await readFiles(join(dir, 'solution'), file, folder);
  const open = parsed.data.open;
  if (open && !(open in starter)) throw fail(`${file}:${fieldLine(document, ['open'], fileLine)}: field "open": starter/${open} does not exist`);
  return {
    ...parsed.data,
    id: name[2] ?? folder,
    folder,
    order: Number(name[1]),
    body: match[2] ?? '',
    namedPorts: namedPorts([match[2] ?? '', parsed.data.title, parsed.data.summary, ...parsed.data.hints]),
    starter,
    solution,
  };
}

/**
 * The line in lesson.md of a field's value, or, for a field that is missing, of the key of its
 * nearest parent that exists (`probe:` for a missing probe.defaultPort; line 2 for the root).
 */
function fieldLine(document: ReturnType<typeof parseDocument>, path: readonly PropertyKey[], fileLine: (offset: number) => number): number {
  let node: unknown = document.contents;
  let line = 2;
  for (const [depth, segment] of path.entries()) {
    const pair = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === segment) : undefined;
    const next = pair ? pair.value : isSeq(node) && typeof segment === 'number' ? node.items[segment] : undefined;
    const at = (depth === path.length - 1 ? next : pair?.key ?? next) as { range?: [number, number, number] } | undefined;
    if (!at?.range) return line;
    line = fileLine(at.range[0]);
    node = next;
  }
  return line;
}

async function readFiles(dir: string, lessonFile: string, folder: string): Promise<FileMap> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => {
    throw new LessonError(`${lessonFile}: missing folder ${dir}`, folder);
  });
  const files: FileMap = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (path.split('/').some((part) => SKIPPED.has(part))) continue;
    files[path] = await readFile(join(dir, path), 'utf8');
  }
  if (Object.keys(files).length === 0) throw new LessonError(`${lessonFile}: ${dir} has no files`, folder);
  return files;
}

/** Finds a lesson by slug (`take-the-port`), folder name (`02-take-the-port`) or number (`02`, `2`). */
export function findLesson(lessons: Lesson[], id: string): Lesson | undefined {
  return lessons.find((l) => folderMatches(l.folder, id));
}

/** True when `id` names the lesson folder: its slug, its whole name or its number. */
export function folderMatches(folder: string, id: string): boolean {
  const [, number, slug] = FOLDER.exec(folder) ?? [];
  return folder === id || slug === id || (/^\d+$/.test(id) && number !== undefined && Number(number) === Number(id));
}
