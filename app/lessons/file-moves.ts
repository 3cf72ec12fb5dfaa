/** Renaming and deleting in a file map, keeping the order of the other files (the tabs' order). */
import type { FileMap } from '../runtime/types.ts';

export function renamePath(files: FileMap, from: string, to: string): FileMap {
  return Object.fromEntries(Object.entries(files).map(([path, content]) => [path === from ? to : path, content]));
}

/** The map without `path`; the same map when `path` is missing or is the only file (a lesson keeps one). */
export function deletePath(files: FileMap, path: string): FileMap {
  const paths = Object.keys(files);
  if (!paths.includes(path) || paths.length === 1) return files;
  return Object.fromEntries(Object.entries(files).filter(([other]) => other !== path));
}
