/**
 * A line to mark in the editor, e.g. where Check (issue 3) found a literal port. Markers show as
 * squiggles with their message on hover, and F8 moves between them.
 */
export interface EditorMarker {
  path: string;
  /** 1-based, as static analysis reports it. */
  line: number;
  /** 1-based; the whole line when absent. */
  column?: number;
  endColumn?: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
}
