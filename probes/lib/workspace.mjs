// Reads the learner's JavaScript files and package.json from the workspace for static analysis.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SKIPPED = new Set(['node_modules', '.portside', '.git']);
/** JavaScript, and Python (lesson 12): its fixed ports are found too (lib/python-ports.mjs). */
const SOURCE = /\.((c|m)?js|py)$/;
const MAX_FILES = 300;
const MAX_BYTES = 512 * 1024;

/** Workspace-relative path → source, for every .js/.mjs/.cjs/.py file outside node_modules and .portside. */
export function readSources(root) {
  /** @type {Record<string, string>} */
  const files = {};
  const pending = [root];
  let count = 0;
  while (pending.length && count < MAX_FILES) {
    const dir = pending.shift();
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (SKIPPED.has(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && SOURCE.test(entry.name) && statSync(full).size <= MAX_BYTES) {
        files[relative(root, full).split(sep).join('/')] = readFileSync(full, 'utf8');
        count += 1;
      }
    }
  }
  return files;
}

/** The root package.json: `{ value }` when it parses, `{ error }` when it does not, `{}` when missing. */
export function readPackageJson(root) {
  let text;
  try {
    text = readFileSync(join(root, 'package.json'), 'utf8');
  } catch {
    return {};
  }
  try {
    // npm and node both ignore a byte-order mark at the start (editors on Windows write one).
    const value = JSON.parse(text.replace(/^\uFEFF/, ''));
    return value && typeof value === 'object' && !Array.isArray(value) ? { value, text } : { error: 'package.json must hold a JSON object', text };
  } catch (error) {
    return { error: `package.json is not valid JSON: ${error.message}`, text };
  }
}
