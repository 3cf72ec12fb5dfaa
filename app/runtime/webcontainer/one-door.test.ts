// One door to the sandbox API: only the adapter imports `@webcontainer/api` at run time, so the
// rest of the app depends on the Runtime seam alone (tests may import its types for the fake).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const APP = fileURLToPath(new URL('../../', import.meta.url));
const IMPORTS_API = /(?:from\s*|import\s*\(\s*|import\s+)['"]@webcontainer\/api['"]/;

function sources(): string[] {
  return readdirSync(APP, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => relative(APP, join(APP, file)).split('\\').join('/'));
}

describe('@webcontainer/api', () => {
  it('is imported by the WebContainer adapter only', () => {
    const importers = sources().filter((file) => IMPORTS_API.test(readFileSync(join(APP, file), 'utf8')));
    expect(importers).toEqual(['runtime/webcontainer/adapter.ts']);
  });
});
