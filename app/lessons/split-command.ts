/**
 * Splits a lesson's `command` ("node server.js") into a program and its arguments, the way a
 * shell would for the simple cases lessons use: whitespace separates words, and single or double
 * quotes keep spaces inside one word. No variables, globs or pipes — the runtime spawns directly.
 */
export interface SplitCommand {
  program: string;
  args: string[];
}

export function splitCommand(command: string): SplitCommand {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (const char of command) {
    if (quote) {
      if (char === quote) quote = null;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote) throw new Error(`The command "${command}" has an unclosed ${quote} quote.`);
  if (inWord) words.push(word);
  const [program, ...args] = words;
  if (!program) throw new Error('The lesson has an empty command.');
  return { program, args };
}
