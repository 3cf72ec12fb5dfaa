/**
 * The lines Portside itself writes into the terminal, set apart from the learner's output
 * by colour (ANSI escapes; xterm renders them, and `convertEol` turns "\n" into a new line).
 */
const BOLD_CYAN = '\x1b[1;36m';
const DIM = '\x1b[2m';
const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';

/** The command exactly as it runs, with the env Portside set: `$ PORT=41873 node server.js`. */
export function commandLine(env: Record<string, string>, program: string, args: readonly string[]): string {
  const words = [...Object.entries(env).map(([name, value]) => `${name}=${value}`), program, ...args];
  return `${BOLD_CYAN}$ ${words.map(quoteIfNeeded).join(' ')}${RESET}\n`;
}

export function exitLine(code: number, stoppedByLearner: boolean): string {
  const text = stoppedByLearner ? `[process stopped — exit code ${code}]` : `[process exited with code ${code}]`;
  return `${code === 0 || stoppedByLearner ? DIM : RED}${text}${RESET}\n`;
}

export function noticeLine(text: string): string {
  return `${DIM}${text}${RESET}\n`;
}

export function errorLine(text: string): string {
  return `${RED}${text}${RESET}\n`;
}

/** Output that did not end its last line would glue Portside's next line onto it. */
export function endsLine(output: string): boolean {
  return output === '' || output.endsWith('\n');
}

function quoteIfNeeded(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** An error the preview page reported (WebContainer forwards them), so it is not silently lost. */
export function previewErrorLine(error: { kind: string; message: string; port: number; pathname: string }): string {
  const what = error.kind === 'console-error' ? 'console.error' : error.kind === 'unhandled-rejection' ? 'unhandled rejection' : 'uncaught error';
  return `${YELLOW}[preview of port ${error.port}, page ${error.pathname}] ${what}: ${error.message}${RESET}\n`;
}
