/**
 * Where Check marks the editor: a result that names `details.file` and `details.line` becomes an
 * error marker on that line of that file, with the result's message. Each marker remembers the
 * line's text as it was checked; once the learner changes that line (or lines move under it),
 * the marker would point at the wrong code, so it goes.
 */
import type { EditorMarker } from '../editor/markers.ts';
import type { FileMap } from '../runtime/types.ts';
import type { RuleView } from './check-state.ts';

export interface CheckMarker extends EditorMarker {
  /** The marked line's text in the files that were checked. */
  lineText: string;
}

/** A place in the learner's files a result points at, when it is a real line of a real file. */
export interface CodeLocation {
  path: string;
  line: number;
  column?: number;
}

export function locationOf(rule: RuleView, files: FileMap): CodeLocation | undefined {
  const details = rule.result?.details;
  if (!details?.file || !Number.isInteger(details.line)) return undefined;
  const path = details.file.replace(/^\.\//, '');
  const line = details.line as number;
  const lines = files[path]?.split('\n');
  if (!lines || line < 1 || line > lines.length) return undefined;
  const column = details.column;
  const fits = Number.isInteger(column) && (column as number) >= 1 && (column as number) <= (lines[line - 1] ?? '').length + 1;
  return { path, line, column: fits ? column : undefined };
}

export function markersFor(rules: readonly RuleView[], files: FileMap): CheckMarker[] {
  const markers: CheckMarker[] = [];
  for (const rule of rules) {
    const result = rule.result;
    if (!result || result.status === 'pass' || result.status === 'skipped') continue;
    const at = locationOf(rule, files);
    if (!at) continue;
    // Several rules often blame the same line with the same words; one squiggle says it.
    if (markers.some((m) => m.path === at.path && m.line === at.line && m.message === result.message)) continue;
    const lineText = files[at.path]?.split('\n')[at.line - 1] ?? '';
    markers.push({ ...at, message: result.message, severity: 'error', lineText });
  }
  return markers;
}

/** The markers whose line still reads as it did when it was checked. */
export function liveMarkers(markers: readonly CheckMarker[], files: FileMap): CheckMarker[] {
  const live = markers.filter((m) => files[m.path]?.split('\n')[m.line - 1] === m.lineText);
  return live.length === markers.length ? (markers as CheckMarker[]) : live;
}
