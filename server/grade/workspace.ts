/**
 * A throwaway copy of a submission, ready to check: its files (never its node_modules), the
 * harness under .portside/, check.json, and node_modules/<name> symlinks to Portside's own
 * install of the lesson packages, so a submission with nothing installed still runs express.
 * The submission folder itself is only read.
 */
import { cp, lstat, mkdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CHECK_CONFIG_PATH } from '../../probes/files.mjs';
import type { CheckConfig } from '../../probes/check-config.mjs';
import { probeFiles, REPO_ROOT } from './probe-files.ts';
import { makeTempCopy } from './temp-copies.ts';

const NOT_COPIED = new Set(['node_modules', '.portside', '.git']);

export interface PreparedWorkspace {
  dir: string;
  /** Removes the copy. Safe to call twice. */
  remove(): Promise<void>;
}

/** `setup` runs in the copy once its files are there (grade --install runs npm in it). */
export async function prepareWorkspace(source: string, config: CheckConfig, packages: readonly string[], root = REPO_ROOT, setup?: (dir: string) => Promise<void>): Promise<PreparedWorkspace> {
  const dir = await makeTempCopy('grade');
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await cp(source, dir, { recursive: true, filter: (path) => path === source || !NOT_COPIED.has(basename(path)) });
    await setup?.(dir);
    const files = { ...(await probeFiles(root)), [CHECK_CONFIG_PATH]: JSON.stringify(config, null, 2) };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    await linkPackages(dir, packages, root);
    return { dir, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

async function linkPackages(dir: string, packages: readonly string[], root: string): Promise<void> {
  for (const name of packages) {
    const target = await realpath(join(root, 'node_modules', name)).catch(() => null);
    if (!target) continue; // not installed here; the check will show the import failing
    const link = join(dir, 'node_modules', name);
    if (await lstat(link).catch(() => null)) continue; // installed by setup: the submission's own
    await mkdir(dirname(link), { recursive: true });
    await symlink(target, link, 'dir');
  }
}
