// The one meaning of a command line in Portside — for Run, the terminal, Check and the tests.
//
// A line is a SIMPLE COMMAND when it is words separated by spaces or tabs, where:
//   - leading words `NAME=value` (NAME a shell identifier, written unquoted) are environment
//     assignments for the program, which win over the variables Portside sets (as in a shell:
//     `PORT=3000 node server.js` runs with PORT=3000);
//   - the first other word is the program, the rest its arguments;
//   - '…' keeps everything inside literally; "…" too, except that a backslash escapes a
//     backslash, ", $ or a backtick there; outside quotes `\x` is a literal x (and a backslash
//     before a newline joins the lines);
//   - quotes may abut (`a"b c"d` is one word `ab cd`), and `""` is an empty argument.
// Anything else needs a shell, and the parser names the first such construct instead of guessing:
// a pipe `|`, `&&`, `||`, `;`, `&`, a redirect `<` `>` `>>` `<<`, `$VAR`/`${…}`/`$1` expansion,
// `$(…)` or backtick substitution, a glob `*` `?` `[ ]`, braces `{ }`, parentheses `( )`, `#`,
// `~`, `!`, a newline, an unclosed quote. ($ and backticks count inside "…" too, where a shell
// expands them; a $ before a space or at the end is literal, as in sh.)
// Check ran every line with one of these characters through `sh -c` before this parser existed,
// so the set is deliberately wide: a line that is simple here means the same spawned directly.
//
// What callers do with a shell construct: Check runs the line with `sh -c` (as npm would);
// Run and the terminal spawn programs directly (a WebContainer has no `sh`), so they refuse it
// with a message that names the construct (runnableCommand).

/**
 * @typedef {object} ShellConstruct
 * @property {string} name what it is, to be put in a sentence: `a pipe`
 * @property {string} token how it is written: `|`
 */

/**
 * @typedef {{ shell: false, env: Record<string, string>, argv: string[] }} SimpleCommand
 * @typedef {{ shell: true, construct: ShellConstruct }} ShellCommand
 * @typedef {SimpleCommand | ShellCommand} ParsedCommand
 */

/**
 * Unquoted characters that only a shell understands, and what they are called.
 * @type {Record<string, string>}
 */
const SHELL_CHARACTERS = {
  '|': 'a pipe',
  ';': 'a list of commands',
  '&': 'a background job',
  '<': 'a redirect',
  '>': 'a redirect',
  '*': 'a glob',
  '?': 'a glob',
  '[': 'a glob',
  ']': 'a glob',
  '{': 'braces',
  '}': 'braces',
  '(': 'parentheses',
  ')': 'parentheses',
  '#': 'a comment',
  '~': 'home-directory expansion',
  '!': 'history expansion or negation',
  '`': 'command substitution',
  '\n': 'a newline',
};

/**
 * Two-character operators, checked before the single characters above.
 * @type {Record<string, string>}
 */
const SHELL_OPERATORS = { '&&': 'a chain of commands', '||': 'a fallback command', '>>': 'a redirect', '<<': 'a here-document' };

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * Reads a command line (see the top of this file).
 * @param {string} line
 * @returns {ParsedCommand} (throws when there is no program to run)
 */
export function parseCommand(line) {
  /** @type {{ text: string, quotedAt: number }[]} quotedAt: where the first quoted or escaped character is */
  const words = [];
  /** @type {{ text: string, quotedAt: number } | null} */
  let word = null;
  const current = () => (word ??= { text: '', quotedAt: Infinity });
  const quotedHere = () => {
    const w = current();
    w.quotedAt = Math.min(w.quotedAt, w.text.length);
    return w;
  };
  for (let i = 0; i < line.length; i += 1) {
    const char = line.charAt(i);
    if (char === ' ' || char === '\t') {
      if (word) words.push(word);
      word = null;
    } else if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return shell('an unclosed quote', "'");
      quotedHere().text += line.slice(i + 1, end);
      i = end;
    } else if (char === '"') {
      const w = quotedHere();
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j += 1) {
        const inner = line.charAt(j);
        const next = line.charAt(j + 1);
        if (inner === '\\' && next !== '' && '\\"$`\n'.includes(next)) {
          j += 1;
          if (next !== '\n') w.text += next;
          continue;
        }
        const construct = inner === '$' ? expansion(line, j) : inner === '`' ? { name: 'command substitution', token: '`…`' } : null;
        if (construct) return { shell: true, construct };
        w.text += inner;
      }
      if (j >= line.length) return shell('an unclosed quote', '"');
      i = j;
    } else if (char === '\\') {
      const next = line.charAt(i + 1);
      if (next === '') current().text += char; // a trailing backslash stays, as in sh
      else if (next !== '\n') quotedHere().text += next; // `\` + newline joins lines
      i += 1;
    } else {
      const construct = char === '$' ? expansion(line, i) : operator(line, i);
      if (construct) return { shell: true, construct };
      current().text += char;
    }
  }
  if (word) words.push(word);
  /** @type {Record<string, string>} */
  const env = {};
  let first = 0;
  for (; first < words.length; first += 1) {
    const { text, quotedAt } = /** @type {{ text: string, quotedAt: number }} */ (words[first]);
    const name = ASSIGNMENT.exec(text)?.[0];
    if (!name || quotedAt < name.length) break;
    env[name.slice(0, -1)] = text.slice(name.length);
  }
  const argv = words.slice(first).map((w) => w.text);
  if (argv.length === 0) throw new Error(first > 0 ? 'The command only sets variables: there is no program to run.' : 'The command is empty: there is no program to run.');
  return { shell: false, env, argv };
}

/**
 * @param {string} name
 * @param {string} token
 * @returns {ShellCommand}
 */
function shell(name, token) {
  return { shell: true, construct: { name, token } };
}

/**
 * What `$` at `i` starts: an expansion, or nothing (a `$` before a space or at the end is literal).
 * @param {string} line
 * @param {number} i
 * @returns {ShellConstruct | null}
 */
function expansion(line, i) {
  const next = line.charAt(i + 1);
  if (next === '(') return { name: 'command substitution', token: '$(…)' };
  if (next === '{') return { name: 'variable expansion', token: '${…}' };
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(i + 1))?.[0];
  if (name) return { name: 'variable expansion', token: `$${name}` };
  if (next !== '' && '0123456789?$!#*@-'.includes(next)) return { name: 'a special parameter', token: `$${next}` };
  return null;
}

/**
 * @param {string} line
 * @param {number} i
 * @returns {ShellConstruct | null}
 */
function operator(line, i) {
  const two = line.slice(i, i + 2);
  const twoName = SHELL_OPERATORS[two];
  if (twoName) return { name: twoName, token: two };
  const char = line.charAt(i);
  const name = SHELL_CHARACTERS[char];
  if (!name) return null;
  return { name, token: char === '\n' ? '\\n' : char };
}

/**
 * For Run and the terminal, which spawn one program directly (a WebContainer has no `sh`): the
 * program and its arguments, or an Error whose message names what Portside cannot run there.
 * Leading `NAME=value` assignments are refused too, for now: Run sets PORT itself.
 * @param {string} line
 * @returns {{ program: string, args: string[] }}
 */
export function runnableCommand(line) {
  const parsed = parseCommand(line);
  if (parsed.shell) throw new Error(cannotRun(parsed.construct, line));
  const names = Object.keys(parsed.env);
  if (names.length > 0) {
    throw new Error(cannotRun({ name: 'an environment assignment', token: `${names[0]}=…` }, line));
  }
  const [program = '', ...args] = parsed.argv;
  return { program, args };
}

/**
 * @param {ShellConstruct} construct
 * @param {string} line
 */
export function cannotRun({ name, token }, line) {
  if (name === 'an unclosed quote') return `The command "${line}" has an unclosed ${token} quote.`;
  return `Portside can't run ${name} (\`${token}\`) here: a command must be one program and its arguments. A script in package.json, run with npm run, can use the shell.`;
}

/**
 * For Check: what to spawn for a parsed line. A simple command runs directly, with its
 * assignments in `env`; anything else runs with `sh -c`, as npm runs scripts.
 * @param {ParsedCommand} parsed
 * @param {string} line
 * @returns {{ file: string, args: string[], env: Record<string, string> }}
 */
export function spawnArgs(parsed, line) {
  if (parsed.shell) return { file: 'sh', args: ['-c', line], env: {} };
  const [file = '', ...args] = parsed.argv;
  return { file, args, env: parsed.env };
}

/**
 * Quotes a value for a POSIX shell only when it needs it.
 * @param {string} value
 */
export function shellQuote(value) {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command as a learner would type it. `env` holds the variables the check set (shown as
 * `NAME=value`); names in `unset` are shown as removed (`env -u PORT`).
 * @param {string} command
 * @param {Record<string, string>} [env]
 * @param {string[]} [unset]
 */
export function displayCommand(command, env = {}, unset = []) {
  const removed = unset.map((name) => `-u ${name}`).join(' ');
  const assigned = Object.entries(env).map(([name, value]) => `${name}=${shellQuote(value)}`).join(' ');
  const prefix = removed ? `env ${removed}${assigned ? ' ' + assigned : ''} ` : assigned ? assigned + ' ' : '';
  return prefix + command;
}

/** @typedef {{ scripts?: Record<string, unknown>, [key: string]: unknown }} PackageJson */

/**
 * The script a command runs, when it is plainly `node <file>`: static analysis starts there.
 * @param {string} command
 * @param {PackageJson} [packageJson]
 * @returns {string | undefined}
 */
export function entryFile(command, packageJson) {
  const parsed = safeParse(command);
  if (!parsed || parsed.shell) return undefined;
  const [file, ...args] = parsed.argv;
  if (file === 'node') {
    // Skip node's own options, and the value of those that take one (-r dotenv/config).
    for (let i = 0; i < args.length; i += 1) {
      if (!args[i].startsWith('-')) return args[i];
      if (NODE_OPTIONS_WITH_VALUE.has(args[i])) i += 1;
    }
    return undefined;
  }
  const script = file === 'npm' ? (args[0] === 'start' ? 'start' : (args[0] === 'run' || args[0] === 'run-script') ? args[1] : undefined) : undefined;
  if (script) {
    const body = packageJson?.scripts?.[script];
    if (typeof body === 'string') return entryFile(body, undefined);
    return script === 'start' ? 'server.js' : undefined; // npm start's own default when there is no start script
  }
  return undefined;
}

/** node options whose value is the next word. */
const NODE_OPTIONS_WITH_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '--input-type', '-C', '--conditions', '--inspect-port', '--title']);

/** @param {string} command */
function safeParse(command) {
  try {
    return parseCommand(command);
  } catch {
    return undefined;
  }
}

/**
 * @typedef {object} NpmScript what `npm start` / `npm run <name>` would run, step by step
 * @property {string} script the script asked for: `start`, `dev`
 * @property {{ event: string, body: string }[]} steps `pre<script>`, the script, `post<script>`, as present
 * @property {string[]} args arguments npm appends to the script itself (after an optional `--`)
 */

/**
 * `npm start` / `npm run <name>` / `npm test` → the scripts npm would run, in order, so the
 * harness can run them itself the way npm does (pre and post scripts, npm's environment,
 * node_modules/.bin on PATH): checks start many runs at once, npm's own start-up costs more
 * than a small server's, and a runtime without /bin/sh can still run a script that is a simple
 * command. Undefined when the line is not such an npm command or names no script (npm itself
 * then runs, and says what is wrong).
 * @param {ParsedCommand} parsed
 * @param {PackageJson | undefined} packageJson
 * @param {boolean} hasServerJs
 * @returns {NpmScript | undefined}
 */
export function npmScript(parsed, packageJson, hasServerJs) {
  if (parsed.shell || parsed.argv[0] !== 'npm' || !packageJson) return undefined;
  const [, verb = '', ...rest] = parsed.argv;
  const named = verb === 'run' || verb === 'run-script';
  const script = named ? rest[0] : ['start', 'test', 't'].includes(verb) ? (verb === 't' ? 'test' : verb) : undefined;
  if (!script || script.startsWith('-')) return undefined;
  const extra = named ? rest.slice(1) : rest;
  if (extra.some((arg) => arg.startsWith('-') && arg !== '--') && extra[0] !== '--') return undefined; // npm's own options
  const args = extra[0] === '--' ? extra.slice(1) : extra;
  const scripts = packageJson.scripts ?? {};
  const body = scripts[script] ?? (script === 'start' && hasServerJs ? 'node server.js' : undefined);
  if (typeof body !== 'string' || !body.trim()) return undefined;
  const steps = [`pre${script}`, script, `post${script}`].flatMap((event) => {
    const text = event === script ? body : scripts[event];
    return typeof text === 'string' && text.trim() ? [{ event, body: text }] : [];
  });
  return { script, steps, args };
}
