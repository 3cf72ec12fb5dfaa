/**
 * The pure parts of the grade-throughput bench (grade-throughput.ts): submissions per minute, the
 * jobs values to time, a one-at-a-time lock, and whether the grader said what each lesson says it
 * must (a bench that grades wrong measures nothing), kept apart so they are unit-tested.
 */
import { solutionProblems, starterProblems } from '../server/lessons/verify.ts';
import type { Lesson } from '../server/lessons/load.ts';
import type { RuleResult } from '../server/grade/run-harness.ts';

export function perMinute(count: number, ms: number): number {
  if (!(ms > 0)) throw new Error(`cannot rate ${count} submissions over ${ms} ms`);
  return (count * 60_000) / ms;
}

export function formatRate(rate: number): string {
  return `${rate.toFixed(1)}/min`;
}

/** 1, the number of cores and 4, each once and in order: the --jobs values the issue asks for. */
export function jobsToTime(cores: number): number[] {
  return [...new Set([1, Math.max(1, cores), 4])].sort((a, b) => a - b);
}

/** A row of `grade --json`, as far as the bench reads it. */
export interface JsonRow {
  student: string;
  verdict: string;
  checked: boolean;
  problem?: string;
  rules: RuleResult[];
}

export interface Expected {
  student: string;
  lesson: Pick<Lesson, 'id' | 'rules' | 'starterFails'>;
  side: 'starter' | 'solution';
}

/** Every way the rows differ from what the lessons say (starters fail their starterFails, solutions pass); empty when right. */
export function gradeProblems(rows: readonly JsonRow[], expected: readonly Expected[]): string[] {
  const byStudent = new Map(rows.map((row) => [row.student, row]));
  const problems = expected.flatMap(({ student, lesson, side }) => {
    const row = byStudent.get(student);
    if (!row) return [`${student}: no row`];
    if (!row.checked) return [`${student}: not checked: ${row.problem ?? row.verdict}`];
    const outcome = { passed: row.verdict === 'passed', results: row.rules, error: row.problem, exitCode: null };
    const found = side === 'solution' ? solutionProblems(lesson, outcome) : starterProblems(lesson, outcome);
    if (side === 'solution' && row.verdict !== 'passed') found.push(`solution: verdict ${row.verdict}`);
    if (side === 'starter' && row.verdict !== 'failed') found.push(`starter: verdict ${row.verdict}`);
    return found.map((problem) => `${student} (${lesson.id}) ${problem}`);
  });
  const unexpected = rows.filter((row) => !expected.some((e) => e.student === row.student));
  return [...problems, ...unexpected.map((row) => `${row.student}: a row nobody submitted`)];
}
