/**
 * A JUnit XML report, the format CI systems and GitHub Classroom read: one testsuite per
 * submission (its points as properties), one testcase per rule; a failed rule carries its
 * message and transcript.
 */
import type { Row } from './grade-item.ts';
import type { RuleResult } from './run-harness.ts';

export function junitReport(rows: readonly Row[]): string {
  const totals = count(rows.flatMap((r) => r.results));
  const suites = rows.map(suite).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="portside grade" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}">\n${suites}\n</testsuites>\n`;
}

function suite(row: Row): string {
  const totals = count(row.results);
  const out = [...row.notes.map((n) => `note: ${n}`), ...(row.problem ? [`${row.verdict === 'error' ? 'could not be checked' : 'nothing to grade'}: ${row.problem}`] : [])];
  const cases = row.results.map((r) => testcase(row, r));
  return [
    `  <testsuite name="${attr(row.path)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${seconds(row.durationMs)}">`,
    // Points as properties: GitHub Classroom and most CI report plugins show a suite's properties.
    `    <properties>\n      <property name="points" value="${row.points}"/>\n      <property name="maxPoints" value="${row.maxPoints}"/>\n    </properties>`,
    ...cases,
    ...(out.length ? [`    <system-out>${text(out.join('\n'))}</system-out>`] : []),
    '  </testsuite>',
  ].join('\n');
}

function testcase(row: Row, result: RuleResult): string {
  const open = `    <testcase classname="${attr(`${row.lesson}.${row.student}`)}" name="${attr(result.id)}" time="${seconds(result.durationMs ?? 0)}"`;
  if (result.status === 'pass') return `${open}/>`;
  if (result.status === 'skipped') return `${open}>\n      <skipped message="${attr(result.message)}"/>\n    </testcase>`;
  // A check error is the grader's problem; a failure or timeout is the submission's.
  const tag = result.status === 'error' ? 'error' : 'failure';
  const body = [result.message, '', ...result.details.transcript].join('\n');
  return `${open}>\n      <${tag} message="${attr(result.message)}" type="${result.status}">${text(body)}</${tag}>\n    </testcase>`;
}

function count(results: readonly RuleResult[]) {
  const of = (...statuses: string[]) => results.filter((r) => statuses.includes(r.status)).length;
  return { tests: results.length, failures: of('fail', 'timeout'), errors: of('error'), skipped: of('skipped') };
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);
/** XML 1.0 cannot carry most control characters at all, escaped or not; learners' output can. */
const clean = (value: string) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
const text = (value: string) => clean(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const attr = (value: string) => text(value).replaceAll('"', '&quot;').replaceAll('\n', '&#10;');
