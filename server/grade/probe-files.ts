/**
 * The check harness as workspace files on the host: `.portside/…` path → contents. The same list
 * as the browser's (app/check/probe-files.ts), from the same rules (probes/files.mjs).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACORN_SOURCE, ACORN_TARGET, isProbeFile, workspacePath } from '../../probes/files.mjs';

/** Portside's own folder (where probes/ and node_modules/ are). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The lessons grade and check-lesson read: Portside's own, or a course elsewhere (PORTSIDE_LESSONS_DIR). */
export const lessonsDir = () => process.env.PORTSIDE_LESSONS_DIR || join(REPO_ROOT, 'lessons');

export async function probeFiles(root = REPO_ROOT): Promise<Record<string, string>> {
  const probes = join(root, 'probes');
  const entries = await readdir(probes, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = relative(probes, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (isProbeFile(path)) files[workspacePath(path)] = await readFile(join(probes, path), 'utf8');
  }
  files[ACORN_TARGET] = await readFile(join(root, ACORN_SOURCE), 'utf8');
  return files;
}
