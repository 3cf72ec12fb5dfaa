/**
 * The arithmetic and formatting every bench section shares: quantiles of a sample, and the
 * numbers printed in the tables (ms, KB, ratios, PASS/MISS), kept pure so they are unit-tested.
 */

/** The p-th quantile (0–100) with linear interpolation between ranks; throws on an empty sample. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('quantile of an empty sample');
  if (p < 0 || p > 100) throw new Error(`quantile ${p} is outside 0–100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = ((sorted.length - 1) * p) / 100;
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

export const median = (values: readonly number[]): number => quantile(values, 50);

export function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/** A difference with its sign, so "+12 ms" and "−3 ms" read at a glance. */
export function formatDeltaMs(ms: number): string {
  const sign = ms < 0 ? '−' : '+';
  return `${sign}${formatMs(Math.abs(ms))}`;
}

export function formatRatio(value: number, baseline: number): string {
  if (baseline <= 0) return 'n/a';
  return `${(value / baseline).toFixed(2)}×`;
}

/** Kilobytes as 1000 bytes, the unit the size target is written in. */
export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

export function verdict(met: boolean): 'PASS' | 'MISS' {
  return met ? 'PASS' : 'MISS';
}

/** Rows as aligned columns: the first `left` columns (names) left-aligned, the rest (numbers) right-aligned. */
export function table(rows: readonly (readonly string[])[], left = 1): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, i) => (i < left ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}
