/**
 * The check harness as workspace files for the browser: `.portside/…` path → contents, ready for
 * `runtime.writeFiles`. Loaded lazily (only when the learner presses Check), from the same list
 * the host uses (probes/files.mjs), so a WebContainer, the local runtime and `npm run grade` run
 * identical code.
 */
import { ACORN_TARGET, isProbeFile, workspacePath } from '../../probes/files.mjs';

const sources = import.meta.glob<string>(['/probes/**/*.{mjs,cjs}', '!/probes/**/*.test.*', '!/probes/fixtures/**'], {
  query: '?raw',
  import: 'default',
  eager: false,
});

let cached: Promise<Record<string, string>> | undefined;

export function probeFiles(): Promise<Record<string, string>> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Record<string, string>> {
  const entries = Object.entries(sources)
    .map(([key, read]) => [key.replace(/^\/probes\//, ''), read] as const)
    .filter(([path]) => isProbeFile(path));
  const files: Record<string, string> = {};
  await Promise.all(
    entries.map(async ([path, read]) => {
      files[workspacePath(path)] = await read();
    }),
  );
  files[ACORN_TARGET] = (await import('/node_modules/acorn/dist/acorn.mjs?raw')).default;
  return files;
}
