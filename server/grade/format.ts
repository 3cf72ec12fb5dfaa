/** How `npm run grade` prints results for people. Pure: results in, text out. */
import type { RuleResult, RuleStatus } from './run-harness.ts';

const MARKS: Record<RuleStatus, string> = { pass: '✓', fail: '✗', timeout: '⏱', error: '!', skipped: '–' };
const WORDS: Record<RuleStatus, string> = { pass: 'pass', fail: 'FAIL', timeout: 'TIMED OUT', error: 'CHECK ERROR', skipped: 'not run' };

export interface SubmissionReport {
  dir: string;
  passed: boolean;
  results: RuleResult[];
  error?: string;
}

export function formatSubmission(report: SubmissionReport): string {
  const lines: string[] = [];
  const passing = report.results.filter((r) => r.status === 'pass').length;
  lines.push(`${report.passed ? '✓' : '✗'} ${report.dir}: ${passing} of ${report.results.length} rules pass`);
  if (report.error) lines.push(`  ! the check could not run: ${report.error}`);
  const width = Math.max(0, ...report.results.map((r) => r.id.length));
  for (const r of report.results) lines.push(`  ${MARKS[r.status]} ${r.id.padEnd(width)}  ${r.status === 'pass' ? '' : `${WORDS[r.status]}: `}${r.message}`);
  const first = report.results.find((r) => r.status !== 'pass' && r.status !== 'skipped');
  if (first) {
    lines.push('', `  ${first.id}, in detail:`);
    for (const line of first.details.transcript) lines.push(`    ${line}`);
  }
  return lines.join('\n');
}

export function formatJson(lesson: string, report: SubmissionReport): string {
  return JSON.stringify({ lesson, dir: report.dir, passed: report.passed, rules: report.results, ...(report.error ? { error: report.error } : {}) });
}
