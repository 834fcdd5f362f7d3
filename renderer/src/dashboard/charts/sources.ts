/** Members at the period's end and new in the period per source (first identity's), as bars. */
import type { KpiSeries } from '../../../../shared/kpi';
import { axisLabel, baseGrid, baseLegend, baseOption, baseTooltip, chartColours, splitLine, valueOrDash } from './common';
import type { ChartNumbers, ChartOption } from './types';

/** More sources than this share one chart poorly; the rest are left out (the biggest stay). */
export const MAX_SOURCES = 8;

export interface SourcesLabels {
  members: string;
  new: string;
  /** A source id's name in the UI language ('' is "unknown"). */
  source(id: string): string;
}

export function sourcesOption(series: KpiSeries['bySource'], labels: SourcesLabels, numbers: ChartNumbers): ChartOption {
  // Horizontal bars draw the first category at the bottom: reverse so the biggest is on top.
  const shown = series.slice(0, MAX_SOURCES).reverse();
  return {
    ...baseOption(),
    tooltip: { ...baseTooltip, trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: valueOrDash(numbers.number) },
    legend: { ...baseLegend, data: [labels.members, labels.new] },
    grid: baseGrid,
    xAxis: { type: 'value', minInterval: 1, axisLabel: { ...axisLabel, formatter: numbers.number }, splitLine },
    yAxis: { type: 'category', data: shown.map((p) => labels.source(p.source)), axisLabel },
    series: [
      { name: labels.members, type: 'bar', data: shown.map((p) => p.members), color: chartColours.accent, barMaxWidth: 14 },
      { name: labels.new, type: 'bar', data: shown.map((p) => p.new), color: chartColours.green, barMaxWidth: 14 },
    ],
  };
}
