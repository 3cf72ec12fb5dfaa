// The one list of what gets copied into a workspace for a check, shared by the browser
// (app/check/probe-files.ts, through Vite) and the host (server/grade/probe-files.ts, through fs):
// every .mjs/.cjs file under probes/ except tests and fixtures, at the same relative path under
// .portside/, plus acorn's single-file ESM build as .portside/acorn.mjs.

/** The workspace folder the harness lives in. */
export const PROBE_DIR = '.portside';

/** Where acorn comes from in Portside's install, and where it goes in the workspace. */
export const ACORN_SOURCE = 'node_modules/acorn/dist/acorn.mjs';
export const ACORN_TARGET = `${PROBE_DIR}/acorn.mjs`;

/**
 * How the harness is started, from the workspace root.
 * @type {{ command: string, args: string[] }}
 */
export const HARNESS_COMMAND = { command: 'node', args: [`${PROBE_DIR}/harness.mjs`, `${PROBE_DIR}/check.json`] };
export const CHECK_CONFIG_PATH = `${PROBE_DIR}/check.json`;

/**
 * True for a file under probes/ (path relative to probes/, `/` separators) that ships to sandboxes.
 * @param {string} path
 */
export function isProbeFile(path) {
  if (!/\.(mjs|cjs)$/.test(path)) return false;
  if (/(^|\/)fixtures\//.test(path)) return false;
  if (/\.test\.(mjs|cjs)$/.test(path)) return false;
  return true;
}

/**
 * `lib/run.mjs` → `.portside/lib/run.mjs`
 * @param {string} path
 */
export function workspacePath(path) {
  return `${PROBE_DIR}/${path}`;
}
