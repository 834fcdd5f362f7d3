/** Activity events per source and channel in the period, as bars (events, not distinct members). */
import type { KpiSeries } from '../../../../shared/kpi';
import { axisLabel, baseGrid, baseOption, baseTooltip, chartColours, splitLine, valueOrDash } from './common';
import type { ChartNumbers, ChartOption } from './types';

/** The busiest channels shown; a long tail would squeeze the bars to hairlines. */
export const MAX_CHANNELS = 10;

export interface ChannelsLabels {
  events: string;
  /** A source id's name in the UI language. */
  source(id: string): string;
  /** What a source without channels ('') is called. */
  noChannel: string;
}

/**
 * A channel's axis name: 'Source · channel', or the source's name with the no-channel word.
 *
 * @example
 * channelName({ source: 'wechat', channel: '咖啡群', events: 3 }, labels) // '微信 · 咖啡群'
 */
export function channelName(point: KpiSeries['byChannel'][number], labels: ChannelsLabels): string {
  return `${labels.source(point.source)} · ${point.channel === '' ? labels.noChannel : point.channel}`;
}

export function channelsOption(series: KpiSeries['byChannel'], labels: ChannelsLabels, numbers: ChartNumbers): ChartOption {
  const shown = series.slice(0, MAX_CHANNELS).reverse();
  return {
    ...baseOption(),
    tooltip: { ...baseTooltip, trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: valueOrDash(numbers.number) },
    grid: { ...baseGrid, top: 12 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { ...axisLabel, formatter: numbers.number }, splitLine },
    yAxis: { type: 'category', data: shown.map((p) => channelName(p, labels)), axisLabel: { ...axisLabel, width: 160, overflow: 'truncate' } },
    series: [
      {
        name: labels.events,
        type: 'bar',
        data: shown.map((p) => p.events),
        color: chartColours.blue,
        barMaxWidth: 16,
        label: { show: true, position: 'right', fontSize: 11, formatter: (p) => numbers.number(Number(p.value)) },
      },
    ],
  };
}
