/**
 * Tier promotions and demotions per month as bars; the tooltip adds each as a rate of the members
 * who had a tier at the month's first day (the contract's denominator).
 */
import type { KpiSeries } from '../../../../shared/kpi';
import { axisLabel, baseGrid, baseLegend, baseOption, baseTooltip, chartColours, escapeHtml, splitLine } from './common';
import type { ChartNumbers, ChartOption } from './types';

export interface TierMovesLabels {
  promoted: string;
  demoted: string;
  /** The word before a rate in the tooltip, e.g. 'rate'. */
  rate: string;
}

/**
 * The tooltip's text for one month: counts with their rates, '—' where no member had a tier.
 *
 * @example
 * tierMovesTooltip({ month: '2026-11', promoted: 1, demoted: 0, promotedRate: 0.2, demotedRate: 0 }, labels, numbers)
 * // '2026-11<br/>Promoted: <b>1</b> (rate 20%)<br/>Demoted: <b>0</b> (rate 0%)'
 */
export function tierMovesTooltip(point: KpiSeries['tierMoves'][number], labels: TierMovesLabels, numbers: ChartNumbers): string {
  const line = (name: string, count: number, rate: number | null): string =>
    `${escapeHtml(name)}: <b>${escapeHtml(numbers.number(count))}</b> (${escapeHtml(labels.rate)} ${escapeHtml(rate === null ? '—' : numbers.percent(rate))})`;
  return [escapeHtml(point.month), line(labels.promoted, point.promoted, point.promotedRate), line(labels.demoted, point.demoted, point.demotedRate)].join(
    '<br/>',
  );
}

export function tierMovesOption(series: KpiSeries['tierMoves'], labels: TierMovesLabels, numbers: ChartNumbers): ChartOption {
  return {
    ...baseOption(),
    tooltip: {
      ...baseTooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const point = series[first?.dataIndex ?? -1];
        return point ? tierMovesTooltip(point, labels, numbers) : '';
      },
    },
    legend: { ...baseLegend, data: [labels.promoted, labels.demoted] },
    grid: baseGrid,
    xAxis: { type: 'category', data: series.map((p) => p.month), axisLabel },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { ...axisLabel, formatter: numbers.number }, splitLine },
    series: [
      { name: labels.promoted, type: 'bar', data: series.map((p) => p.promoted), color: chartColours.green, barMaxWidth: 14 },
      { name: labels.demoted, type: 'bar', data: series.map((p) => p.demoted), color: chartColours.red, barMaxWidth: 14 },
    ],
  };
}
