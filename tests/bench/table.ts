/** Prints benchmark results as one aligned plain-text table. */
import { type BenchResult, meetsTarget } from './types';

function formatNumber(value: number | null): string {
  if (value === null) return '—';
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatTarget(r: BenchResult): string {
  if (!r.target) return '—';
  const text = 'min' in r.target ? `≥ ${formatNumber(r.target.min)}` : `≤ ${formatNumber(r.target.max)}`;
  return meetsTarget(r) ? text : `${text} MISSED`;
}

/** The table as text: a header, a rule, one line per result; numbers right-aligned. */
export function formatTable(results: readonly BenchResult[]): string {
  const header = ['name', 'value', 'unit', 'baseline', 'ratio', 'target'];
  const rows = results.map((r) => [
    r.name,
    formatNumber(r.value),
    r.unit,
    formatNumber(r.baseline),
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    formatTarget(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const rightAligned = new Set([1, 3, 4]);
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
