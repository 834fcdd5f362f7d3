/** Members at month end (line, left axis) with the month's new and churned members (bars, right axis). */
import type { KpiSeries } from '../../../../shared/kpi';
import {
  axisLabel,
  baseGrid,
  baseLegend,
  baseOption,
  baseTooltip,
  chartColours,
  splitLine,
  valueOrDash,
} from './common';
import type { ChartNumbers, ChartOption } from './types';

export interface GrowthLabels {
  members: string;
  new: string;
  churned: string;
}

export function growthOption(series: KpiSeries['growth'], labels: GrowthLabels, numbers: ChartNumbers): ChartOption {
  const format = valueOrDash(numbers.number);
  return {
    ...baseOption(),
    tooltip: { ...baseTooltip, trigger: 'axis', valueFormatter: format },
    legend: { ...baseLegend, data: [labels.members, labels.new, labels.churned] },
    grid: baseGrid,
    xAxis: { type: 'category', data: series.map((p) => p.month), axisLabel },
    yAxis: [
      { type: 'value', axisLabel: { ...axisLabel, formatter: numbers.number }, splitLine },
      { type: 'value', axisLabel: { ...axisLabel, formatter: numbers.number }, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.members,
        type: 'line',
        data: series.map((p) => p.members),
        color: chartColours.accent,
        symbolSize: 6,
        lineStyle: { width: 2.5 },
      },
      {
        name: labels.new,
        type: 'bar',
        yAxisIndex: 1,
        data: series.map((p) => p.new),
        color: chartColours.green,
        barMaxWidth: 14,
      },
      {
        name: labels.churned,
        type: 'bar',
        yAxisIndex: 1,
        data: series.map((p) => p.churned),
        color: chartColours.grey,
        barMaxWidth: 14,
      },
    ],
  };
}
