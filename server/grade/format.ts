/** How `npm run grade` prints rows and the class summary. Pure: rows in, text out. */
import type { Row, Verdict } from './grade-item.ts';
import type { RuleStatus } from './run-harness.ts';

const MARKS: Record<RuleStatus, string> = { pass: '✓', fail: '✗', timeout: '⏱', error: '!', skipped: '–' };
const WORDS: Record<RuleStatus, string> = { pass: 'pass', fail: 'FAIL', timeout: 'TIMED OUT', error: 'CHECK ERROR', skipped: 'not run' };
const VERDICT_MARKS: Record<Verdict, string> = { passed: '✓', failed: '✗', error: '!' };

export function formatRow(row: Row): string {
  const lines: string[] = [];
  const passing = row.results.filter((r) => r.status === 'pass').length;
  lines.push(`${VERDICT_MARKS[row.verdict]} ${row.path}: ${passing} of ${row.results.length} rules pass, ${row.points}/${row.maxPoints} points`);
  for (const note of row.notes) lines.push(`  note: ${note}`);
  if (row.problem) lines.push(`  ${row.verdict === 'error' ? '! could not be checked' : '✗ nothing to grade'}: ${row.problem}`);
  if (!row.checked) return lines.join('\n');
  const width = Math.max(0, ...row.results.map((r) => r.id.length));
  for (const r of row.results) lines.push(`  ${MARKS[r.status]} ${r.id.padEnd(width)}  ${r.status === 'pass' ? '' : `${WORDS[r.status]}: `}${r.message}`);
  const first = row.results.find((r) => r.status !== 'pass' && r.status !== 'skipped');
  if (first) {
    lines.push('', `  ${first.id}, in detail:`);
    for (const line of first.details.transcript) lines.push(`    ${line}`);
  }
  return lines.join('\n');
}

/** One JSON line per item; `dir` kept from the first version of this format. */
export function formatJsonRow(row: Row): string {
  const { path, results, ...rest } = row;
  return JSON.stringify({ ...rest, dir: path, passed: row.verdict === 'passed', rules: results });
}

export interface Summary {
  total: number;
  passed: number;
  failed: number;
  error: number;
  /** Items that did not pass, with the reason in a few words: the ones to look at. */
  attention: { path: string; verdict: Verdict; why: string; points: number; maxPoints: number }[];
  /** Points earned by every submission graded, out of the most they could have earned. */
  points: number;
  maxPoints: number;
  cancelled: boolean;
}

export function summarize(rows: readonly Row[], total: number, cancelled = false): Summary {
  const count = (verdict: Verdict) => rows.filter((r) => r.verdict === verdict).length;
  const attention = rows.filter((r) => r.verdict !== 'passed').map((r) => ({ path: r.path, verdict: r.verdict, why: shortReason(r), points: r.points, maxPoints: r.maxPoints }));
  const sum = (field: 'points' | 'maxPoints') => rows.reduce((total, r) => total + r[field], 0);
  return { total, passed: count('passed'), failed: count('failed'), error: count('error'), attention, points: sum('points'), maxPoints: sum('maxPoints'), cancelled };
}

function shortReason(row: Row): string {
  if (row.problem) return row.problem;
  const bad = row.results.filter((r) => r.status !== 'pass' && r.status !== 'skipped').map((r) => r.id);
  return bad.length ? bad.join(', ') : 'did not pass';
}

export function formatSummary(summary: Summary): string {
  const graded = summary.passed + summary.failed + summary.error;
  const lines = [`${graded} of ${summary.total} graded${summary.cancelled ? ' (interrupted)' : ''}: ${summary.passed} passed, ${summary.failed} failed, ${summary.error} could not be checked; ${summary.points}/${summary.maxPoints} points in all`];
  if (summary.attention.length) lines.push('', 'to look at:', ...summary.attention.map((a) => `  ${VERDICT_MARKS[a.verdict]} ${a.path} (${a.points}/${a.maxPoints} points) — ${a.why}`));
  return lines.join('\n');
}

export function formatProgress(done: number, total: number): string {
  return `${done}/${total} graded`;
}
