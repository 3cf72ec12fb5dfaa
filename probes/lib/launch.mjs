// How one run is started: which program with which arguments and environment. The observer is
// preloaded through NODE_OPTIONS; npm scripts run the way npm runs them (see npmScript).
import { existsSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { npmScript, parseCommand, spawnArgs } from './command.mjs';

/** A POSIX shell for npm scripts, where there is one; elsewhere (a WebContainer) npm itself runs them. */
const SHELL = existsSync('/bin/sh') ? '/bin/sh' : null;

/**
 * @param {object} ctx the harness context
 * @param {{ env: Record<string, string>, unset: string[], logFile: string }} run
 * @returns {{ file: string, args: string[], env: Record<string, string> }} (throws on an empty command)
 */
export function launchSpec(ctx, { env: runEnv, unset, logFile }) {
  const parsed = parseCommand(ctx.command);
  let spec = spawnArgs(parsed, ctx.command);
  const env = { ...ctx.baseEnv, ...runEnv };
  for (const name of unset) delete env[name];
  // The line's own `NAME=value` assignments win over the check's variables, as in a shell.
  Object.assign(env, spec.env, { PORTSIDE_OBSERVER_LOG: logFile, PORTSIDE_HARNESS_PID: String(process.pid) });
  const observer = ctx.observerPath.includes(' ') ? `"${ctx.observerPath}"` : ctx.observerPath;
  env.NODE_OPTIONS = [env.NODE_OPTIONS, `--require ${observer}`].filter(Boolean).join(' ');
  const npm = SHELL && npmScript(parsed, ctx.packageJson.value, existsSync(join(ctx.cwd, 'server.js')));
  if (npm) {
    Object.assign(env, npmEnv(ctx, npm));
    spec = { ...spec, file: SHELL, args: ['-c', npm.body] };
  }
  // Our own node for `node …`, so grading uses the node it runs on, not whichever is first on PATH.
  const file = spec.file === 'node' && isAbsolute(process.execPath) ? process.execPath : spec.file;
  return { file, args: spec.args, env };
}

/** What npm adds to a script's environment (the parts programs read). */
function npmEnv(ctx, { script, body }) {
  const pkg = ctx.packageJson.value;
  const path = [join(ctx.cwd, 'node_modules', '.bin'), dirname(process.execPath), ctx.baseEnv.PATH].filter(Boolean).join(delimiter);
  return {
    PATH: path,
    INIT_CWD: ctx.cwd,
    npm_lifecycle_event: script,
    npm_lifecycle_script: body,
    npm_package_json: join(ctx.cwd, 'package.json'),
    ...(typeof pkg.name === 'string' ? { npm_package_name: pkg.name } : {}),
    ...(typeof pkg.version === 'string' ? { npm_package_version: pkg.version } : {}),
  };
}
