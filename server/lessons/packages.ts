/**
 * Lesson packages: the npm packages a lesson's own package.json declares (express, ws…).
 * They must be there at lesson start without a network install, so every runtime provides them
 * from Portside's own install (see package.json), prepared once rather than fetched per lesson.
 */
import type { FileMap } from '../../contracts/files.ts';

/** Names in the `dependencies` of a file map's root package.json (none when absent or invalid). */
export function declaredDependencies(files: FileMap): string[] {
  const manifest = files['package.json'];
  if (!manifest) return [];
  try {
    const parsed = JSON.parse(manifest) as { dependencies?: Record<string, string> };
    return Object.keys(parsed.dependencies ?? {});
  } catch {
    return [];
  }
}

/** Every package any lesson's starter or solution declares, sorted and unique. */
export function lessonPackages(lessons: { starter: FileMap; solution: FileMap }[]): string[] {
  const names = new Set(lessons.flatMap((l) => [...declaredDependencies(l.starter), ...declaredDependencies(l.solution)]));
  return [...names].sort();
}
