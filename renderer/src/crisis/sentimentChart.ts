/** The status board's sparkline: the negative share per day over 30 days, with the 30% intervention line. */
import type { CrisisBoard } from '../../../shared/crisis';
import { axisLabel, baseTooltip, chartColours, splitLine } from '../dashboard/charts/common';
import type { ChartNumbers, ChartOption } from '../dashboard/charts/types';

/** The seeds' intervention point: a negative share above 30% calls for action. */
export const INTERVENTION_SHARE = 0.3;

/** Days without messages have no share (a gap, not a zero). */
export function sentimentOption(
  days: CrisisBoard['sentiment'],
  n: ChartNumbers,
  labels: { share: string; line: string },
): ChartOption {
  const shares = days.map((d) => (d.messages > 0 ? d.negative / d.messages : null));
  const top = Math.max(INTERVENTION_SHARE + 0.1, ...shares.map((s) => s ?? 0));
  return {
    aria: { enabled: true },
    grid: { left: 4, right: 44, top: 10, bottom: 4, containLabel: true },
    tooltip: {
      ...baseTooltip,
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? n.percent(v) : '—'),
    },
    xAxis: {
      type: 'category',
      data: days.map((d) => d.day.slice(5)),
      axisLabel: { ...axisLabel, interval: Math.max(0, Math.ceil(days.length / 6) - 1) },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: chartColours.line } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: Math.min(1, Math.ceil(top * 10) / 10),
      splitNumber: 2,
      axisLabel: { ...axisLabel, formatter: (v: number) => n.percent(v) },
      splitLine,
    },
    series: [
      {
        type: 'line',
        name: labels.share,
        data: shares,
        connectNulls: false,
        showSymbol: false,
        smooth: false,
        lineStyle: { width: 2, color: chartColours.accent },
        itemStyle: { color: chartColours.accent },
        areaStyle: { color: 'rgba(185, 83, 43, 0.08)' },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: chartColours.red, type: 'dashed', width: 1 },
          label: { position: 'end', color: chartColours.red, fontSize: 11, formatter: labels.line },
          data: [{ yAxis: INTERVENTION_SHARE }],
        },
      },
    ],
  };
}
