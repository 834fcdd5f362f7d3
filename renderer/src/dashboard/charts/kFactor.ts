/** The K-factor per month, with the 1.2 line a self-sustaining referral loop should stay above. */
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

export const K_FACTOR_TARGET = 1.2;

export interface KFactorLabels {
  k: string;
  target: string;
}

export function kFactorOption(series: KpiSeries['kFactor'], labels: KFactorLabels, numbers: ChartNumbers): ChartOption {
  const top = Math.max(K_FACTOR_TARGET, ...series.map((p) => p.k ?? 0));
  return {
    ...baseOption(),
    tooltip: { ...baseTooltip, trigger: 'axis', valueFormatter: valueOrDash(numbers.number) },
    legend: { ...baseLegend, data: [labels.k] },
    grid: baseGrid,
    xAxis: { type: 'category', data: series.map((p) => p.month), axisLabel },
    yAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(top * 1.2 * 10) / 10,
      axisLabel: { ...axisLabel, formatter: numbers.number },
      splitLine,
    },
    series: [
      {
        name: labels.k,
        type: 'line',
        data: series.map((p) => (p.k === null ? null : Math.round(p.k * 100) / 100)),
        color: chartColours.accent,
        symbolSize: 6,
        lineStyle: { width: 2.5 },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: chartColours.green, type: 'dashed', width: 1.5 },
          label: { formatter: labels.target, position: 'insideEndTop', color: chartColours.green, fontSize: 11 },
          data: [{ yAxis: K_FACTOR_TARGET }],
        },
      },
    ],
  };
}
