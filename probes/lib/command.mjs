// Turns a lesson's command ("node server.js", "npm start") into something to spawn, and shows a
// run the way a learner would type it ("PORT=41873 node server.js").

const SHELL_SYNTAX = /[|&;<>()$`\\*?{}[\]!~#]/;

/**
 * Splits a simple command into words, honouring single and double quotes. Anything needing a
 * shell (pipes, &&, variables, globs) returns `{ shell: true }` so it runs under `sh -c`.
 */
export function parseCommand(command) {
  const words = [];
  let word = '';
  let quote = null;
  let started = false;
  for (const char of command.trim()) {
    if (quote) {
      if (char === quote) quote = null;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else if (SHELL_SYNTAX.test(char)) {
      return { shell: true, file: 'sh', args: ['-c', command] };
    } else {
      word += char;
      started = true;
    }
  }
  if (quote) return { shell: true, file: 'sh', args: ['-c', command] };
  if (started) words.push(word);
  if (words.length === 0) throw new Error('The command is empty.');
  const [file, ...args] = words;
  return { shell: false, file, args };
}

/** Quotes a value for a POSIX shell only when it needs it. */
export function shellQuote(value) {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command as a learner would type it. `env` holds the variables the check set (shown as
 * `NAME=value`); names in `unset` are shown as removed (`env -u PORT`).
 */
export function displayCommand(command, env = {}, unset = []) {
  const removed = unset.map((name) => `-u ${name}`).join(' ');
  const assigned = Object.entries(env).map(([name, value]) => `${name}=${shellQuote(value)}`).join(' ');
  const prefix = removed ? `env ${removed}${assigned ? ' ' + assigned : ''} ` : assigned ? assigned + ' ' : '';
  return prefix + command;
}

/** The script a command runs, when it is plainly `node <file>`: static analysis starts there. */
export function entryFile(command, packageJson) {
  const parsed = safeParse(command);
  if (!parsed || parsed.shell) return undefined;
  if (parsed.file === 'node') return parsed.args.find((arg) => !arg.startsWith('-'));
  if (parsed.file === 'npm' && (parsed.args[0] === 'start' || (parsed.args[0] === 'run' && parsed.args[1] === 'start'))) {
    const start = packageJson?.scripts?.start;
    if (typeof start === 'string') return entryFile(start, undefined);
    return 'server.js'; // npm start's own default when there is no start script
  }
  return undefined;
}

function safeParse(command) {
  try {
    return parseCommand(command);
  } catch {
    return undefined;
  }
}

/**
 * `npm start` / `npm run <name>` → the script npm would run, when running it directly is exactly
 * equivalent (no pre/post scripts, no extra arguments): `{ script, body }`. Checks start many
 * runs at once and npm's own start-up costs more than a small server's, so the harness runs the
 * script itself the way npm does (sh -c, node_modules/.bin on PATH, npm_* variables).
 */
export function npmScript(parsed, packageJson, hasServerJs) {
  if (parsed.shell || parsed.file !== 'npm' || !packageJson) return undefined;
  const [verb, name, ...extra] = parsed.args;
  const script = verb === 'start' && name === undefined ? 'start' : (verb === 'run' || verb === 'run-script') && name && extra.length === 0 ? name : undefined;
  if (!script) return undefined;
  const scripts = packageJson.scripts ?? {};
  if (scripts[`pre${script}`] || scripts[`post${script}`]) return undefined;
  const body = scripts[script] ?? (script === 'start' && hasServerJs ? 'node server.js' : undefined);
  return typeof body === 'string' && body.trim() ? { script, body } : undefined;
}
