/** Which file a lesson opens with, and the order of the editor's tabs. */

/** The lesson's `open`, else the file its command runs (`node server.js`), else the first that is not package.json. */
export function firstFile(lesson: { open?: string; command: string }, paths: readonly string[]): string {
  if (lesson.open && paths.includes(lesson.open)) return lesson.open;
  const named = lesson.command
    .split(/\s+/)
    .map((word) => word.replace(/^\.\//, ''))
    .find((word) => paths.includes(word));
  return named ?? paths.find((path) => path !== 'package.json') ?? paths[0] ?? '';
}

/** Tabs in file order, with the first file leading so the learner's eye lands on it. */
export function tabOrder(paths: readonly string[], first: string): string[] {
  return paths.includes(first) ? [first, ...paths.filter((path) => path !== first)] : [...paths];
}
