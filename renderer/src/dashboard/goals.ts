/**
 * How goals read and are typed on the dashboard: a target typed in the metric's unit (ratios as
 * percentages), and the metrics a goal can be set on. Pure.
 */
import type { Metric } from '../../../shared/kpi';

/**
 * The target a form's text stands for in the contract's unit, or null when it is not a number.
 *
 * @example
 * parseTarget('65', 'ratio') // 0.65
 * parseTarget('1,200', 'count') // 1200
 * parseTarget('', 'count') // null
 */
export function parseTarget(text: string, unit: Metric['unit']): number | null {
  const cleaned = text.replace(/[,，\s%]/g, '');
  if (cleaned === '') return null;
  const n = Number(cleaned);
  if (!Number.isFinite(n)) return null;
  return unit === 'ratio' ? n / 100 : n;
}

/** Progress 0–1 as a whole percentage for the bar and its label. */
export function progressPercent(progress: number | null): number {
  return progress === null ? 0 : Math.round(progress * 100);
}
