/**
 * Join-month cohorts (rows, oldest on top) × retention at D1 / D7 / D30 / D90 (columns). A
 * milestone a cohort has not reached yet is left blank, not drawn as 0%.
 */
import type { KpiSeries } from '../../../../shared/kpi';
import { axisLabel, baseOption, baseTooltip, chartColours, escapeHtml } from './common';
import type { ChartNumbers, ChartOption } from './types';

export const cohortMilestones = ['d1', 'd7', 'd30', 'd90'] as const;
export type CohortMilestone = (typeof cohortMilestones)[number];

export interface CohortLabels {
  /** Column headings, e.g. 'D1'. */
  milestones: Record<CohortMilestone, string>;
  /** A row's heading: the month and how many joined in it. */
  cohort(cohort: string, size: string): string;
  retention: string;
}

/** One heatmap cell: [column, row, retention 0–1]. */
export type CohortCell = [number, number, number];

/** The cells that have a value, as heatmap data. */
export function cohortCells(series: KpiSeries['cohorts']): CohortCell[] {
  return series.flatMap((row, y) =>
    cohortMilestones.flatMap((m, x): CohortCell[] => {
      const value = row[m];
      return value === null ? [] : [[x, y, value]];
    }),
  );
}

/**
 * The join month of the heatmap cell a click landed on (ECharts gives the cell's [x, y, value]).
 *
 * @example
 * cohortAt(series, [2, 0, 0.5]) // '2025-12' (the first row's month)
 */
export function cohortAt(series: KpiSeries['cohorts'], value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  const y: unknown = value[1];
  return typeof y === 'number' ? (series[y]?.cohort ?? null) : null;
}

export function cohortOption(series: KpiSeries['cohorts'], labels: CohortLabels, numbers: ChartNumbers): ChartOption {
  const rows = series.map((row) => labels.cohort(row.cohort, numbers.number(row.size)));
  const columns = cohortMilestones.map((m) => labels.milestones[m]);
  return {
    ...baseOption(),
    tooltip: {
      ...baseTooltip,
      trigger: 'item',
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const [x, y, value] = (item?.value ?? []) as CohortCell;
        return `${escapeHtml(rows[y] ?? '')}<br/>${escapeHtml(columns[x] ?? '')} · ${escapeHtml(labels.retention)}: <b>${escapeHtml(numbers.percent(value))}</b>`;
      },
    },
    grid: { left: 8, right: 12, top: 8, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: columns,
      position: 'top',
      axisLabel,
      axisTick: { show: false },
      splitArea: { show: false },
    },
    yAxis: { type: 'category', data: rows, inverse: true, axisLabel, axisTick: { show: false } },
    visualMap: {
      show: false,
      min: 0,
      max: 1,
      dimension: 2,
      inRange: { color: ['#fdf6f2', '#f2c4ad', chartColours.accent, '#7a2f12'] },
    },
    series: [
      {
        name: labels.retention,
        type: 'heatmap',
        data: cohortCells(series).map(([x, y, value]) => ({
          value: [x, y, value],
          // Dark cells get white figures so the label stays readable.
          label: { color: value >= 0.45 ? '#ffffff' : '#1f2933' },
        })),
        label: { show: true, fontSize: 11, formatter: (p) => numbers.percent(((p.value ?? []) as CohortCell)[2]) },
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        cursor: 'pointer',
        emphasis: { itemStyle: { borderColor: '#1f2933', borderWidth: 1 } },
      },
    ],
  };
}
