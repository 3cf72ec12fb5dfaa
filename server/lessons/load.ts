/** Reads and validates `lessons/NN-slug/` folders. Runs in Node: the Vite plugin, grade, tests. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
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

/** A lesson that cannot be loaded; the message names the lesson file and the field. */
export class LessonError extends Error {}

const FOLDER = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
/** Folders never shipped with a lesson's files. */
const SKIPPED = new Set(['node_modules', '.git', '.portside']);

export async function loadLessons(root: string): Promise<Lesson[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_'));
  const lessons = await Promise.all(folders.map((e) => loadLesson(join(root, e.name))));
  return lessons.sort((a, b) => a.order - b.order);
}

export async function loadLesson(dir: string): Promise<Lesson> {
  const folder = dir.split(sep).at(-1) ?? dir;
  const file = join(dir, 'lesson.md');
  const name = FOLDER.exec(folder);
  if (!name) throw new LessonError(`${dir}: folder name must look like NN-slug (e.g. 02-take-the-port)`);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new LessonError(`${file}: missing lesson.md`);
  });
  const match = FRONTMATTER.exec(text);
  if (!match) throw new LessonError(`${file}: must start with a --- frontmatter block ---`);
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? '');
  } catch (error) {
    throw new LessonError(`${file}: frontmatter is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = frontmatter.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `field "${i.path.join('.') || '(root)'}": ${i.message}`);
    throw new LessonError(`${file}: ${problems.join('; ')}`);
  }
  const starter = await readFiles(join(dir, 'starter'), file);
  const solution = await readFiles(join(dir, 'solution'), file);
  const open = parsed.data.open;
  if (open && !(open in starter)) throw new LessonError(`${file}: field "open": starter/${open} does not exist`);
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

async function readFiles(dir: string, lessonFile: string): Promise<FileMap> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => {
    throw new LessonError(`${lessonFile}: missing folder ${dir}`);
  });
  const files: FileMap = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (path.split('/').some((part) => SKIPPED.has(part))) continue;
    files[path] = await readFile(join(dir, path), 'utf8');
  }
  if (Object.keys(files).length === 0) throw new LessonError(`${lessonFile}: ${dir} has no files`);
  return files;
}

/** Finds a lesson by slug (`take-the-port`), folder name (`02-take-the-port`) or number (`02`, `2`). */
export function findLesson(lessons: Lesson[], id: string): Lesson | undefined {
  const number = /^\d+$/.test(id) ? Number(id) : undefined;
  return lessons.find((l) => l.id === id || l.folder === id || l.order === number);
}
