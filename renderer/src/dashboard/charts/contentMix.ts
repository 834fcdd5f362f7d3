/** The period's activity by kind (and UGC vs PGC where the source says so), as a ring. */
import type { KpiSeries } from '../../../../shared/kpi';
import { baseOption, baseTooltip, chartColours, escapeHtml } from './common';
import type { ChartNumbers, ChartOption } from './types';

export interface ContentMixLabels {
  events: string;
  /** An activity kind's words in the UI language. */
  kind(kind: string): string;
}

export function contentMixOption(
  series: KpiSeries['contentMix'],
  labels: ContentMixLabels,
  numbers: ChartNumbers,
): ChartOption {
  const total = series.reduce((sum, p) => sum + p.events, 0);
  const slices = [...series]
    .sort((a, b) => b.events - a.events)
    .map((p) => ({ name: labels.kind(p.kind), value: p.events }));
  return {
    ...baseOption(),
    tooltip: {
      ...baseTooltip,
      trigger: 'item',
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const value = Number(item?.value ?? 0);
        const share = total > 0 ? numbers.percent(value / total) : '—';
        return `${escapeHtml(item?.name ?? '')}: <b>${escapeHtml(numbers.number(value))}</b> (${escapeHtml(share)})`;
      },
    },
    legend: {
      type: 'scroll',
      orient: 'vertical',
      right: 0,
      top: 'middle',
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { color: chartColours.text, fontSize: 12 },
    },
    series: [
      {
        name: labels.events,
        type: 'pie',
        radius: ['42%', '72%'],
        center: ['32%', '52%'],
        avoidLabelOverlap: true,
        label: { show: false },
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        data: slices,
      },
    ],
  };
}
