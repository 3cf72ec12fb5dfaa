/**
 * Turns the paths a teacher typed into the list of things to grade. A path may be a submission
 * folder, a `.zip`/`.tar.gz`, or a class folder (a folder of submissions); anything else still
 * becomes an item, with the reason it cannot be graded, so one bad path never stops the class.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { archiveKind, withoutArchiveExtension } from './archive.ts';

export interface Item {
  /** The path as the teacher typed it, or class folder + child: the row's name. */
  path: string;
  /** Who handed it in, as far as the path says (`alice` for `class/alice.zip`). */
  student: string;
  kind: 'folder' | 'archive' | 'invalid';
  /** Why an invalid item cannot be graded. */
  problem?: string;
}

const HIDDEN = /^[._]|^__MACOSX$/;
const CODE_OR_MANIFEST = /\.(m?js|cjs|ts|py)$|^package\.json$/i;
/** A class folder's own papers (a list of students, notes): not submissions. */
const CLASS_PAPERS = /\.(md|txt|csv|json|pdf|docx?|xlsx?)$|^readme/i;

export async function expandItems(paths: readonly string[]): Promise<Item[]> {
  const items: Item[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) items.push(invalid(path, 'no such file or folder'));
    else if (info.isFile()) items.push(archiveKind(path) ? { path, student: student(path), kind: 'archive' } : invalid(path, 'not a folder, .zip or .tar.gz'));
    else if (!info.isDirectory()) items.push(invalid(path, 'not a folder, .zip or .tar.gz'));
    else {
      const children = await classChildren(path);
      if (children) items.push(...(await expandItems(children)));
      else items.push({ path, student: student(path), kind: 'folder' });
    }
  }
  return items;
}

/**
 * A class folder's submissions, or undefined for a submission. A class folder holds no code of
 * its own and at least two submissions (folders or archives); one folder alone is a submission
 * nested a level down, which locateProject finds and names.
 */
async function classChildren(dir: string): Promise<string[] | undefined> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !HIDDEN.test(e.name) && e.name !== 'node_modules');
  if (entries.some((e) => e.isFile() && CODE_OR_MANIFEST.test(e.name))) return undefined;
  const submissions = entries.filter((e) => e.isDirectory() || (e.isFile() && archiveKind(e.name)));
  if (submissions.length < 2) return undefined;
  // Anything else a student may have handed in (a .rar, a lone file) still gets its row.
  const others = entries.filter((e) => !submissions.includes(e) && !CLASS_PAPERS.test(e.name));
  return [...submissions, ...others].map((e) => join(dir, e.name)).sort();
}

function student(path: string): string {
  return withoutArchiveExtension(basename(path.replace(/\/+$/, '')));
}

function invalid(path: string, problem: string): Item {
  return { path, student: student(path), kind: 'invalid', problem };
}
