/**
 * Lesson packages (express, fastify…) come from Portside's own install: each connection's
 * workspace gets `node_modules/<name>` symlinks to them, so `import express from 'express'`
 * works offline and instantly. The links point outside the workspace, so file operations
 * through them are refused by confinement — lessons can use the packages, not edit them.
 */
import { mkdir, readdir, readFile, realpath, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadLessons } from '../lessons/load.ts';
import { declaredDependencies, lessonPackages } from '../lessons/packages.ts';

export interface LessonPackage {
  name: string;
  /** The real folder of the installed package. */
  dir: string;
}

/** Finds every package the lessons under `root/lessons` declare in Portside's `root/node_modules`. */
export async function findLessonPackages(root: string): Promise<LessonPackage[]> {
  const lessons = join(root, 'lessons');
  const names = await loadLessons(lessons).then(lessonPackages, async (error: Error) => {
    // A lesson being edited must not stop the runner; its package.json files still say enough.
    console.warn(`portside: ${error.message} — reading lesson package.json files directly`);
    return declaredInManifests(lessons);
  });
  const found = await Promise.all(
    names.map(async (name) => {
      const dir = await realpath(join(root, 'node_modules', name)).catch(() => null);
      if (!dir) console.warn(`portside: lesson package "${name}" is not installed; run npm install`);
      return dir ? { name, dir } : null;
    }),
  );
  return found.filter((p): p is LessonPackage => p !== null);
}

export async function linkLessonPackages(workspace: string, packages: readonly LessonPackage[]): Promise<void> {
  for (const { name, dir } of packages) {
    const link = join(workspace, 'node_modules', name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(dir, link, 'dir');
  }
}

async function declaredInManifests(lessons: string): Promise<string[]> {
  const folders = await readdir(lessons).catch(() => [] as string[]);
  const manifests = folders.flatMap((folder) => ['starter', 'solution'].map((part) => join(lessons, folder, part, 'package.json')));
  const texts = await Promise.all(manifests.map((file) => readFile(file, 'utf8').catch(() => '')));
  return [...new Set(texts.flatMap((text) => declaredDependencies({ 'package.json': text })))].sort();
}
