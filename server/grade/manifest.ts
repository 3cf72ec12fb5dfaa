/**
 * A class manifest: which submission is whose, and for which lesson, as CSV (a header row with
 * `student`, `path` and `lesson` columns, any order, any case) or JSON (a list of objects with
 * those keys). Paths are relative to the manifest's folder. Pure parsing, tested by table.
 */
import { isAbsolute, join } from 'node:path';

export interface ManifestEntry {
  student?: string;
  path: string;
  lesson?: string;
  /** The manifest line (CSV) or list index + 1 (JSON), for error messages. */
  line: number;
}

export class ManifestError extends Error {}

export function parseManifest(text: string, file: string, baseDir: string): ManifestEntry[] {
  const raw = file.toLowerCase().endsWith('.json') ? fromJson(text, file) : fromCsv(text, file);
  return raw.map((entry) => ({ ...entry, path: isAbsolute(entry.path) ? entry.path : join(baseDir, entry.path) }));
}

function fromJson(text: string, file: string): ManifestEntry[] {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(list)) throw new ManifestError(`${file} must hold a list of {"student", "path", "lesson"} objects`);
  return list.map((item: Record<string, unknown>, i) => {
    if (typeof item?.path !== 'string' || !item.path) throw new ManifestError(`${file}, entry ${i + 1}: "path" must be a non-empty string`);
    return { student: text_(item.student), path: item.path, lesson: text_(item.lesson), line: i + 1 };
  });
}

function fromCsv(text: string, file: string): ManifestEntry[] {
  const [header, ...rows] = csvRows(text);
  const columns = (header?.cells ?? []).map((cell) => cell.trim().toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  if (at('path') < 0) throw new ManifestError(`${file}: the first line must name the columns, with at least "path" (and "student", "lesson")`);
  return rows
    .filter((row) => row.cells.some((cell) => cell.trim()))
    .map((row) => {
      const cell = (name: string) => (at(name) < 0 ? undefined : text_(row.cells[at(name)]?.trim()));
      const path = cell('path');
      if (!path) throw new ManifestError(`${file}:${row.line}: no path`);
      return { student: cell('student'), path, lesson: cell('lesson'), line: row.line };
    });
}

/** RFC 4180 rows: quoted cells may hold commas, quotes ("") and line breaks. */
function csvRows(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else cell += char;
      if (char === '\n') line++;
    } else if (char === '"') quoted = true;
    else if (char === ',') cells.push(cell), (cell = '');
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      rows.push({ cells: [...cells, cell], line: start });
      cells = [];
      cell = '';
      start = ++line;
    } else cell += char;
  }
  if (cell || cells.length) rows.push({ cells: [...cells, cell], line: start });
  return rows;
}

function text_(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
