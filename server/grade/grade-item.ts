/**
 * One row of a class report: an item unpacked if need be, its project located, checked through
 * checkFolder, and every temp copy removed again whatever happened. Never throws: a broken item
 * is a row that says so.
 */
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pointsFor } from '../../contracts/lesson-schema.ts';
import { ArchiveError, unpackArchive } from './archive.ts';
import { checkFolder, type CheckFolderOptions, type CheckSpec } from './check-folder.ts';
import { planDependencies } from './dependencies.ts';
import { installDependencies, InstallError, installPlan } from './install.ts';
import type { Item } from './items.ts';
import { locateProject } from './locate.ts';
import { makeTempCopy } from './temp-copies.ts';
import type { RuleResult } from './run-harness.ts';

/** passed: every rule passed; failed: the submission is wrong; error: it could not be checked. */
export type Verdict = 'passed' | 'failed' | 'error';

export interface Row {
  path: string;
  student: string;
  lesson: string;
  verdict: Verdict;
  /** Structural remarks ("found the project in orders/ — graded that"). */
  notes: string[];
  /** Why nothing was graded (empty folder, unreadable archive…). */
  problem?: string;
  results: RuleResult[];
  /** False when no check ran (results then only say why). */
  checked: boolean;
  durationMs: number;
  /** The points of the rules that passed, out of maxPoints (the lesson's `points`, 1 a rule by default). */
  points: number;
  maxPoints: number;
}

export interface GradeSpec extends CheckSpec {
  id: string;
  /** What each rule is worth (lesson frontmatter `points`); 1 for a rule without an entry. */
  points?: Readonly<Record<string, number>>;
}

export interface GradeItemOptions extends CheckFolderOptions {
  /** Run npm ci (npm install without a lockfile) in the copy instead of providing packages offline. */
  install?: boolean;
}

export async function gradeItem(item: Item, lesson: GradeSpec, options: GradeItemOptions = {}): Promise<Row> {
  const started = Date.now();
  const row = (verdict: Verdict, fields: Partial<Row> = {}): Row => {
    const results = fields.results ?? [];
    return { path: item.path, student: item.student, lesson: lesson.id, verdict, notes: [], checked: false, durationMs: Date.now() - started, ...fields, results, ...scorePoints(lesson, results) };
  };
  if (item.kind === 'invalid') return row('error', { problem: item.problem, results: notGraded(lesson, item.problem!, 'error') });
  let unpacked: string | undefined;
  try {
    let dir = resolve(item.path);
    if (item.kind === 'archive') {
      unpacked = await makeTempCopy('unpack');
      await unpackArchive(dir, unpacked, options.signal);
      dir = unpacked;
    }
    const located = await locateProject(dir, lesson.command);
    if (located.problem) return row('failed', { problem: located.problem, results: notGraded(lesson, located.problem, 'fail') });
    const dependencies = options.install ? installPlan(located.dir, options.packages ?? []) : await planDependencies(located.dir, options.packages ?? []);
    const notes = [...located.notes, ...dependencies.notes];
    if (dependencies.missing.length) {
      const problem = `not available to the grader: ${dependencies.missing.join(', ')} (declared in package.json; grading is offline)`;
      return row('error', { notes, problem, results: notGraded(lesson, problem, 'error') });
    }
    const prepare = options.install ? async (copy: string) => {
      const how = await installDependencies(copy, options.signal);
      if (how) notes.push(`dependencies installed with ${how}`);
    } : undefined;
    const outcome = await checkFolder(located.dir, lesson, { ...options, packages: dependencies.provide, prepare }).catch((error: Error) => error);
    if (outcome instanceof InstallError) return row('error', { notes, problem: outcome.message, results: notGraded(lesson, outcome.message, 'error') });
    if (outcome instanceof Error) throw outcome;
    if (options.signal?.aborted) return row('error', { notes, problem: 'interrupted before the check finished', results: notGraded(lesson, 'interrupted', 'error') });
    if (outcome.error) return row('error', { notes, problem: `the check could not run: ${outcome.error}`, results: outcome.results, checked: true });
    return row(outcome.passed ? 'passed' : 'failed', { notes, results: outcome.results, checked: true });
  } catch (error) {
    const problem = error instanceof ArchiveError ? error.message : `the check could not run: ${(error as Error).message}`;
    return row('error', { problem, results: notGraded(lesson, problem, 'error') });
  } finally {
    if (unpacked) await rm(unpacked, { recursive: true, force: true });
  }
}

/** Points earned (rules that passed) and possible (every rule of the lesson). */
export function scorePoints(lesson: Pick<GradeSpec, 'rules' | 'points'>, results: readonly RuleResult[]): { points: number; maxPoints: number } {
  const passed = new Set(results.filter((r) => r.status === 'pass').map((r) => r.id));
  const sum = (ids: readonly string[]) => ids.reduce((total, id) => total + pointsFor(lesson.points, id), 0);
  return { points: sum(lesson.rules.filter((id) => passed.has(id))), maxPoints: sum(lesson.rules) };
}

/**
 * A result per rule for an item that was never checked, so every report has a cell for each
 * rule and a CI reading the JUnit sees a failure (nothing handed in) or an error (not checkable).
 */
function notGraded(lesson: CheckSpec, why: string, status: 'fail' | 'error'): RuleResult[] {
  return lesson.rules.map((id) => ({ id, status, message: `Not graded: ${why}.`, details: { transcript: [] } }));
}
