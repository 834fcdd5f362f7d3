/** Stickiness (DAU / MAU over the 30 days ending each day) for each day of the period. */
import type { KpiSeries } from '../../../../shared/kpi';
import {
  axisLabel,
  baseGrid,
  baseLegend,
  baseOption,
  baseTooltip,
  chartColours,
  percentAxis,
  shortDay,
  splitLine,
  valueOrDash,
} from './common';
import type { ChartNumbers, ChartOption } from './types';

export interface StickinessLabels {
  stickiness: string;
}

export function stickinessOption(
  series: KpiSeries['activity'],
  labels: StickinessLabels,
  numbers: ChartNumbers,
): ChartOption {
  return {
    ...baseOption(),
    tooltip: { ...baseTooltip, trigger: 'axis', valueFormatter: valueOrDash(numbers.percent) },
    legend: { ...baseLegend, data: [labels.stickiness] },
    grid: baseGrid,
    xAxis: { type: 'category', data: series.map((p) => p.day), axisLabel: { ...axisLabel, formatter: shortDay } },
    yAxis: { type: 'value', min: 0, axisLabel: { ...axisLabel, formatter: percentAxis(numbers) }, splitLine },
    series: [
      {
        name: labels.stickiness,
        type: 'line',
        data: series.map((p) => p.stickiness),
        color: chartColours.blue,
        showSymbol: series.length <= 31,
        symbolSize: 4,
        areaStyle: { opacity: 0.08 },
      },
    ],
  };
}
