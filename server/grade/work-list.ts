/**
 * What to grade against what: every item of the command line against the one lesson, or every
 * entry of a manifest against its own lesson (or the default). An entry whose lesson is unknown
 * or broken becomes an item that says so, so it still gets its row.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { findLesson, folderMatches, type Lesson, type LessonError } from '../lessons/load.ts';
import { expandItems, type Item } from './items.ts';
import { ManifestError, parseManifest } from './manifest.ts';

export interface Work {
  item: Item;
  /** Undefined when the item names no usable lesson (then it is invalid and says why). */
  lesson?: Lesson;
}

export async function itemsWork(paths: readonly string[], lesson: Lesson): Promise<Work[]> {
  return (await expandItems(paths)).map((item) => ({ item, lesson }));
}

/** Throws ManifestError for a manifest that cannot be read (bad usage, not a bad entry). */
export async function manifestWork(file: string, fallback: Lesson | undefined, lessons: Lesson[], broken: LessonError[]): Promise<Work[]> {
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new ManifestError(`the manifest could not be read: ${error.message}`);
  });
  const work: Work[] = [];
  for (const entry of parseManifest(text, file, dirname(resolve(file)))) {
    const lesson = entry.lesson ? findLesson(lessons, entry.lesson) : fallback;
    const items = await expandItems([entry.path]);
    for (const found of items) {
      const item = entry.student && items.length === 1 ? { ...found, student: entry.student } : found;
      if (lesson) work.push({ item, lesson });
      else work.push({ item: { ...item, kind: 'invalid', problem: lessonProblem(entry.lesson, entry.line, broken) } });
    }
  }
  return work;
}

function lessonProblem(id: string | undefined, line: number, broken: LessonError[]): string {
  if (!id) return `no lesson for it on manifest line ${line}, and no default lesson given`;
  const error = broken.find((e) => e.folder && folderMatches(e.folder, id));
  return error ? `lesson "${id}" cannot be loaded: ${error.message}` : `unknown lesson "${id}" (manifest line ${line})`;
}
