/** A CSV report for a spreadsheet: one row per submission, one column per rule (RFC 4180 quoting). */
import type { Row } from './grade-item.ts';

export function csvReport(rows: readonly Row[], rules: readonly string[]): string {
  const header = ['student', 'path', 'lesson', 'verdict', 'rules passed', 'points', 'max points', ...rules, 'notes'];
  const lines = rows.map((row) => {
    const status = new Map(row.results.map((r) => [r.id, r.status]));
    const passed = row.results.filter((r) => r.status === 'pass').length;
    const notes = [...row.notes, ...(row.problem ? [row.problem] : [])].join('; ');
    return [row.student, row.path, row.lesson, row.verdict, `${passed}/${row.results.length}`, String(row.points), String(row.maxPoints), ...rules.map((id) => status.get(id) ?? ''), notes];
  });
  return [header, ...lines].map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Quotes a cell when it must; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replaceAll('"', '""')}"` : safe;
}
