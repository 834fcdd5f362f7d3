/** NPS per month (line, −100…100) with the number of answers behind it (light bars, right axis). */
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

export interface NpsLabels {
  nps: string;
  responses: string;
}

export function npsOption(series: KpiSeries['nps'], labels: NpsLabels, numbers: ChartNumbers): ChartOption {
  const format = valueOrDash(numbers.number);
  return {
    ...baseOption(),
    tooltip: { ...baseTooltip, trigger: 'axis', valueFormatter: format },
    legend: { ...baseLegend, data: [labels.nps, labels.responses] },
    grid: baseGrid,
    xAxis: { type: 'category', data: series.map((p) => p.month), axisLabel },
    yAxis: [
      { type: 'value', min: -100, max: 100, interval: 50, axisLabel, splitLine },
      { type: 'value', min: 0, axisLabel: { ...axisLabel, formatter: numbers.number }, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.responses,
        type: 'bar',
        yAxisIndex: 1,
        data: series.map((p) => p.responses),
        color: '#d5dae1',
        barMaxWidth: 18,
        z: 1,
      },
      {
        name: labels.nps,
        type: 'line',
        data: series.map((p) => (p.nps === null ? null : Math.round(p.nps * 10) / 10)),
        color: chartColours.purple,
        symbolSize: 6,
        lineStyle: { width: 2.5 },
        connectNulls: false,
        z: 3,
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: chartColours.grey, type: 'solid', width: 1 },
          data: [{ yAxis: 0 }],
        },
      },
    ],
  };
}
