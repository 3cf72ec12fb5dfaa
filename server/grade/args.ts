/** `npm run grade -- <lesson-id> <dir>... [--json]`, parsed. Pure, so usage errors are tested. */

export const USAGE = `usage: npm run grade -- <lesson-id> <dir>... [--json]

  <lesson-id>  a lesson's slug (take-the-port), folder name (02-take-the-port) or number (02)
  <dir>        one or more submission folders; each is copied, never modified
  --json       one JSON object per submission per line instead of text

exit code: 0 every submission passes every rule, 1 some rule did not pass, 2 bad usage`;

export type GradeArgs = { lesson: string; dirs: string[]; json: boolean } | { help: true } | { error: string };

export function parseGradeArgs(argv: readonly string[]): GradeArgs {
  const words: string[] = [];
  let json = false;
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') return { help: true };
    else if (arg === '--') continue;
    else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    else words.push(arg);
  }
  const [lesson, ...dirs] = words;
  if (!lesson) return { error: 'missing the lesson id and the submission folders' };
  if (dirs.length === 0) return { error: `missing the submission folders to grade against "${lesson}"` };
  return { lesson, dirs, json };
}
