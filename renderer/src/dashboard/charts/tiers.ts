/** Members per tier, lowest tier first; a bar is clickable (the page opens those members). */
import type { KpiSeries } from '../../../../shared/kpi';
import { axisLabel, baseGrid, baseOption, baseTooltip, splitLine, valueOrDash } from './common';
import type { ChartNumbers, ChartOption } from './types';

export interface TierLabels {
  members: string;
  /** A tier id's name in the UI language. */
  tier(id: string): string;
  /** A tier's place on the ladder (0 = lowest, -1 unknown), for its colour. */
  rank(id: string): number;
}

/** The Members page's tier colours (members.css .tier-rank-*), lowest rung first. */
export const tierColours = ['#66717f', '#2f7a4a', '#9e4422', '#6b3fa0', '#8a5a12'];

/** A tier's colour by its rank; higher rungs than the list share the last colour, unknown is grey. */
export function tierColour(rank: number): string {
  if (rank < 0) return '#b8bec8';
  return tierColours[Math.min(rank, tierColours.length - 1)] ?? '#b8bec8';
}

/** The tier id of the bar at `dataIndex` (ECharts' click event names bars by index). */
export function tierAt(series: KpiSeries['tiers'], dataIndex: number): string | null {
  return series[dataIndex]?.tier ?? null;
}

export function tiersOption(series: KpiSeries['tiers'], labels: TierLabels, numbers: ChartNumbers): ChartOption {
  return {
    ...baseOption(),
    tooltip: {
      ...baseTooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: valueOrDash(numbers.number),
    },
    grid: { ...baseGrid, top: 24 },
    xAxis: { type: 'category', data: series.map((p) => labels.tier(p.tier)), axisLabel },
    yAxis: { type: 'value', axisLabel: { ...axisLabel, formatter: numbers.number }, splitLine },
    series: [
      {
        name: labels.members,
        type: 'bar',
        barMaxWidth: 48,
        cursor: 'pointer',
        label: { show: true, position: 'top', fontSize: 11, formatter: (p) => numbers.number(Number(p.value)) },
        data: series.map((p) => ({ value: p.count, itemStyle: { color: tierColour(labels.rank(p.tier)) } })),
      },
    ],
  };
}
