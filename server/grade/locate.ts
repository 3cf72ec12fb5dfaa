/**
 * Finds the project inside a handed-in folder and names what is structurally wrong with it, so
 * a teacher reads "only a README" or "found the project in orders/ — graded that" instead of
 * "Cannot find module 'server.js'". Looks, never changes anything.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface Located {
  /** The folder to grade: the item itself or the one folder the project sits in. */
  dir: string;
  /** What the teacher should know although grading went ahead. */
  notes: string[];
  /** Set when there is nothing to grade ("empty folder", "only a README"). */
  problem?: string;
}

/** Never part of a submission's project: tools and operating systems leave these behind. */
const IGNORED = new Set(['.git', '.DS_Store', '__MACOSX', 'Thumbs.db', '.portside', '.idea', '.vscode']);
const DOCUMENT = /^(readme|license|licence|changelog|notes?)(\.[a-z]+)?$|\.(md|txt|pdf|docx?)$/i;
const CODE = /\.(m?js|cjs|ts|py)$/i;

/** The file whose presence says "this is the project": `server.js` for `node server.js`, package.json for `npm start`. */
export function projectMarker(command: string): string {
  const [program, ...args] = command.trim().split(/\s+/);
  if (program === 'npm' || program === 'yarn' || program === 'pnpm') return 'package.json';
  return args.find((arg) => !arg.startsWith('-')) ?? 'package.json';
}

export async function locateProject(dir: string, command: string): Promise<Located> {
  const marker = projectMarker(command);
  const found = await searchDown(dir, marker, 2);
  if (found) return { dir: found.dir, notes: found.path.length ? [`found the project in ${found.path.join('/')}/ — graded that`] : [] };
  const { files, folders } = await entries(dir);
  if (files.length === 0 && folders.length === 0) return { dir, notes: [], problem: 'empty folder' };
  if (folders.length === 0 && files.every((f) => DOCUMENT.test(f))) return { dir, notes: [], problem: files.length === 1 ? `only a ${files[0]}` : `only documents (${files.join(', ')})` };
  const code = files.filter((f) => CODE.test(f));
  const instead = code.length ? `found ${code.slice(0, 3).join(', ')}` : 'no code at the top of the folder';
  return { dir, notes: [`no ${marker}; ${instead}`] };
}

/** The nearest folder (breadth first, through folders that hold no code of their own) with the marker. */
async function searchDown(dir: string, marker: string, depth: number, path: string[] = []): Promise<{ dir: string; path: string[] } | undefined> {
  const { files, folders } = await entries(dir);
  if (files.includes(marker)) return { dir, path };
  if (depth === 0 || files.some((f) => CODE.test(f) || f === 'package.json') || folders.length !== 1) return undefined;
  const [only] = folders as [string];
  return searchDown(join(dir, only), marker, depth - 1, [...path, only]);
}

async function entries(dir: string): Promise<{ files: string[]; folders: string[] }> {
  const list = (await readdir(dir, { withFileTypes: true })).filter((e) => !IGNORED.has(e.name) && e.name !== 'node_modules');
  return {
    files: list.filter((e) => !e.isDirectory()).map((e) => e.name).sort(),
    folders: list.filter((e) => e.isDirectory()).map((e) => e.name).sort(),
  };
}
