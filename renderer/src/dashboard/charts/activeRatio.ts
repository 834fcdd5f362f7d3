/** Active members / members per month, with the healthy 50–70% band shaded behind the line. */
import type { KpiSeries } from '../../../../shared/kpi';
import {
  axisLabel,
  baseGrid,
  baseLegend,
  baseOption,
  baseTooltip,
  chartColours,
  percentAxis,
  splitLine,
  valueOrDash,
} from './common';
import type { ChartNumbers, ChartOption } from './types';

/** The active ratio a healthy community keeps (the KPI engine's green range for active_ratio). */
export const HEALTHY_ACTIVE_RATIO = { low: 0.5, high: 0.7 } as const;

export interface ActiveRatioLabels {
  ratio: string;
  band: string;
}

export function activeRatioOption(
  series: KpiSeries['activeRatio'],
  labels: ActiveRatioLabels,
  numbers: ChartNumbers,
): ChartOption {
  const top = Math.max(HEALTHY_ACTIVE_RATIO.high + 0.1, ...series.map((p) => p.ratio ?? 0));
  return {
    ...baseOption(),
    tooltip: { ...baseTooltip, trigger: 'axis', valueFormatter: valueOrDash(numbers.percent) },
    legend: { ...baseLegend, data: [labels.ratio] },
    grid: baseGrid,
    xAxis: { type: 'category', data: series.map((p) => p.month), axisLabel },
    yAxis: {
      type: 'value',
      min: 0,
      max: Math.min(1, Math.ceil(top * 10) / 10),
      axisLabel: { ...axisLabel, formatter: percentAxis(numbers) },
      splitLine,
    },
    series: [
      {
        name: labels.ratio,
        type: 'line',
        data: series.map((p) => p.ratio),
        color: chartColours.accent,
        symbolSize: 6,
        lineStyle: { width: 2.5 },
        markArea: {
          silent: true,
          itemStyle: { color: chartColours.band },
          label: { show: true, position: 'insideTopRight', color: chartColours.green, fontSize: 11 },
          data: [[{ yAxis: HEALTHY_ACTIVE_RATIO.low, name: labels.band }, { yAxis: HEALTHY_ACTIVE_RATIO.high }]],
        },
      },
    ],
  };
}
