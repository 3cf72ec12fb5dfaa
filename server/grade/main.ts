/**
 * `npm run grade -- <lesson-id> <dir>... [--json]`: checks submission folders against a lesson's
 * rules on this machine, with the same harness the playground runs in the browser's sandbox.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { findLesson, loadLessons } from '../lessons/load.ts';
import { lessonPackages } from '../lessons/packages.ts';
import { parseGradeArgs, USAGE } from './args.ts';
import { checkFolder } from './check-folder.ts';
import { formatJson, formatSubmission } from './format.ts';
import { REPO_ROOT } from './probe-files.ts';

async function main(argv: string[]): Promise<number> {
  const args = parseGradeArgs(argv);
  if ('help' in args) return usage(0);
  if ('error' in args) return usage(2, args.error);
  const lessons = await loadLessons(join(REPO_ROOT, 'lessons')).catch((error: Error) => error);
  if (lessons instanceof Error) return usage(2, `the lessons could not be loaded: ${lessons.message}`);
  const lesson = findLesson(lessons, args.lesson);
  if (!lesson) return usage(2, `unknown lesson "${args.lesson}" (known: ${lessons.map((l) => l.id).join(', ')})`);
  for (const dir of args.dirs) {
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory()) return usage(2, `no such folder: ${dir}`);
  }
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
  if (!args.json) console.log(`Grading ${args.dirs.length} submission${args.dirs.length === 1 ? '' : 's'} against ${lesson.folder} — ${lesson.title}\n`);
  let allPassed = true;
  for (const dir of args.dirs) {
    if (controller.signal.aborted) break;
    const outcome = await checkFolder(resolve(dir), lesson, { packages: lessonPackages(lessons), signal: controller.signal });
    const report = { dir, passed: outcome.passed, results: outcome.results, error: outcome.error };
    allPassed &&= report.passed;
    console.log(args.json ? formatJson(lesson.id, report) : formatSubmission(report) + '\n');
  }
  if (controller.signal.aborted) {
    console.error('grading cancelled');
    return 130;
  }
  return allPassed ? 0 : 1;
}

function usage(code: number, problem?: string): number {
  if (problem) console.error(`grade: ${problem}\n`);
  (code === 0 ? console.log : console.error)(USAGE);
  return code;
}

process.exitCode = await main(process.argv.slice(2));
