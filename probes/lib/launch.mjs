// How one run is started: which programs, in order, with which arguments and environment — chosen
// from what this runtime supports (ctx.capabilities, see capabilities.mjs), never assumed:
//   - `node …` gets the observer on its command line (`node --require <observer> …`), and through
//     NODE_OPTIONS too where that works, so it also rides along into child processes;
//   - `npm start` / `npm run x` run as npm would run them — pre/post scripts, npm's environment,
//     node_modules/.bin on PATH — each script spawned directly when it is a simple command, with
//     `sh -c` when it needs a shell and there is one, and by npm itself (which brings its own shell,
//     jsh in a WebContainer) when there is none;
//   - a command line with a shell construct needs /bin/sh; without one it cannot run (the error says so).
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { npmScript, parseCommand, shellQuote, spawnArgs } from './command.mjs';

/**
 * @typedef {{ file: string, args: string[], env: Record<string, string>, event?: string }} LaunchStep
 * one program to spawn; `event` names the npm script it runs, if any
 */

/**
 * @param {object} ctx the harness context
 * @param {{ env: Record<string, string>, unset: string[], logFile: string }} run
 * @returns {LaunchStep[]} the programs to run one after another, each only if the one before exited 0 (throws when the command cannot run here)
 */
export function launchPlan(ctx, { env: runEnv, unset, logFile }) {
  const has = ctx.capabilities.has;
  const parsed = parseCommand(ctx.command);
  const env = { ...ctx.baseEnv, ...runEnv };
  for (const name of unset) delete env[name];
  Object.assign(env, { PORTSIDE_OBSERVER_LOG: logFile, PORTSIDE_HARNESS_PID: String(process.pid) });
  if (has.nodeOptionsPreload) {
    const observer = ctx.observerPath.includes(' ') ? `"${ctx.observerPath}"` : ctx.observerPath;
    env.NODE_OPTIONS = [env.NODE_OPTIONS, `--require ${observer}`].filter(Boolean).join(' ');
  }
  const npm = npmScript(parsed, ctx.packageJson.value, existsSync(join(ctx.cwd, 'server.js')));
  if (npm) {
    const steps = npm.steps.map(({ event, body }) => scriptStep(ctx, body, event === npm.script ? npm.args : [], { ...env, ...npmEnv(ctx, npm.script, event, body) }));
    if (steps.every((step) => step !== null)) return /** @type {LaunchStep[]} */ (steps);
    // A script needs a shell this runtime lacks: npm brings its own.
    return [programStep(ctx, parsed.shell ? [] : parsed.argv, env)];
  }
  if (parsed.shell) {
    if (!has.shell) throw new Error(`this runtime has no /bin/sh, and the command uses ${parsed.construct.name} (\`${parsed.construct.token}\`), which only a shell can run. Put it in a package.json script and run it with npm run`);
    const spec = spawnArgs(parsed, ctx.command);
    return [{ file: '/bin/sh', args: spec.args, env }];
  }
  // The line's own `NAME=value` assignments win over the check's variables, as in a shell.
  return [programStep(ctx, parsed.argv, { ...env, ...parsed.env })];
}

/**
 * One npm script as a step, or null when it needs a shell and there is none.
 * @returns {LaunchStep | null}
 */
function scriptStep(ctx, body, args, env) {
  const parsed = parseCommand(body);
  if (parsed.shell) {
    if (!ctx.capabilities.has.shell) return null;
    return { file: '/bin/sh', args: ['-c', [body, ...args.map(shellQuote)].join(' ')], env, event: env.npm_lifecycle_event };
  }
  return { ...programStep(ctx, [...parsed.argv, ...args], { ...env, ...parsed.env }), event: env.npm_lifecycle_event };
}

/**
 * A program and its arguments. Node — named, or a node script in node_modules/.bin — runs with the
 * harness's own node and the observer on its command line.
 * @param {string[]} argv
 * @returns {LaunchStep}
 */
function programStep(ctx, argv, env) {
  const [program = '', ...args] = argv;
  const script = program === 'node' ? null : nodeBin(ctx.cwd, program);
  if (program !== 'node' && !script) return { file: program, args, env };
  // Our own node, so grading uses the node it runs on, not whichever is first on PATH.
  const node = isAbsolute(process.execPath) ? process.execPath : 'node';
  const observer = ctx.capabilities.has.cliPreload ? ['--require', ctx.observerPath] : [];
  return { file: node, args: [...observer, ...(script ? [script] : []), ...args], env };
}

/** `harbour-app-server` → the node script node_modules/.bin/harbour-app-server points at, if it is one. */
function nodeBin(cwd, program) {
  if (!program || program.includes('/')) return null;
  const link = join(cwd, 'node_modules', '.bin', program);
  try {
    const file = realpathSync(link);
    const firstLine = readFileSync(file, 'utf8').slice(0, 200).split('\n')[0] ?? '';
    return /^#!.*\bnode\b/.test(firstLine) ? file : null;
  } catch {
    return null;
  }
}

/** What npm adds to a script's environment (the parts programs read). */
function npmEnv(ctx, script, event, body) {
  const pkg = ctx.packageJson.value;
  const path = [join(ctx.cwd, 'node_modules', '.bin'), dirname(process.execPath), ctx.baseEnv.PATH].filter(Boolean).join(delimiter);
  const npmVersion = installedNpmVersion();
  return {
    PATH: path,
    INIT_CWD: ctx.cwd,
    NODE: process.execPath,
    npm_node_execpath: process.execPath,
    npm_command: script === 'start' || script === 'test' ? script : 'run-script',
    npm_lifecycle_event: event,
    npm_lifecycle_script: body,
    npm_package_json: join(ctx.cwd, 'package.json'),
    npm_config_local_prefix: ctx.cwd,
    npm_config_user_agent: `npm/${npmVersion ?? 'unknown'} node/${process.version} ${process.platform} ${process.arch} workspaces/false`,
    ...(npmVersion ? { npm_config_npm_version: npmVersion } : {}),
    ...(typeof pkg.name === 'string' ? { npm_package_name: pkg.name } : {}),
    ...(typeof pkg.version === 'string' ? { npm_package_version: pkg.version } : {}),
  };
}

/** @type {string | null | undefined} */
let npmVersionCache;
/** The version of the npm installed beside this node, for npm_config_user_agent; null when there is none. */
function installedNpmVersion() {
  if (npmVersionCache !== undefined) return npmVersionCache;
  npmVersionCache = null;
  for (const file of [join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'package.json'), join(dirname(process.execPath), 'node_modules', 'npm', 'package.json')]) {
    try {
      const version = JSON.parse(readFileSync(file, 'utf8')).version;
      if (typeof version === 'string') return (npmVersionCache = version);
    } catch {
      // Not there: try the next place.
    }
  }
  return npmVersionCache;
}
