/**
 * The report's charts, drawn by ECharts' server-side SVG renderer: no DOM and no canvas, and the
 * output is vector, so a PDF keeps the lines sharp and the labels selectable. Text uses the CJK
 * fonts the report page declares, so Chinese labels render with Chinese glyphs.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { KpiDashboard } from '../../../shared/kpi';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, SVGRenderer]);

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const GREY = '#8a94a3';

function svg(option: echarts.EChartsCoreOption, width = 640, height = 240): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, fontSize: 11, color: '#334155' },
      grid: { left: 48, right: 48, top: 36, bottom: 28 },
      legend: { top: 0, textStyle: { fontFamily: FONT, fontSize: 11 } },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const axis = { axisLine: { lineStyle: { color: GREY } }, axisLabel: { color: '#475569' } };

/** Labels each chart needs, in the report's language. */
export interface ChartWords {
  members: string;
  newMembers: string;
  churned: string;
  dau: string;
  mau: string;
  activeRatio: string;
  healthyBand: string;
  promoted: string;
  demoted: string;
  nps: string;
}

/**
 * Members at month end with new and churned per month.
 *
 * @example
 * growthChart(dashboard.series, words).startsWith('<svg') // true
 */
export function growthChart(series: KpiDashboard['series'], w: ChartWords): string {
  return svg({
    xAxis: { type: 'category', data: series.growth.map((g) => g.month), ...axis },
    yAxis: [
      { type: 'value', ...axis },
      { type: 'value', ...axis, splitLine: { show: false } },
    ],
    series: [
      { name: w.newMembers, type: 'bar', data: series.growth.map((g) => g.new), itemStyle: { color: '#2f7a4a' } },
      { name: w.churned, type: 'bar', data: series.growth.map((g) => g.churned), itemStyle: { color: '#b9532b' } },
      {
        name: w.members,
        type: 'line',
        yAxisIndex: 1,
        data: series.growth.map((g) => g.members),
        itemStyle: { color: '#1f6f8b' },
      },
    ],
  });
}

/**
 * DAU and MAU per day of the period.
 *
 * @example
 * activityChart(dashboard.series, words)
 */
export function activityChart(series: KpiDashboard['series'], w: ChartWords): string {
  return svg({
    xAxis: { type: 'category', data: series.activity.map((a) => a.day.slice(5)), ...axis },
    yAxis: { type: 'value', ...axis },
    series: [
      {
        name: w.dau,
        type: 'line',
        showSymbol: false,
        data: series.activity.map((a) => a.dau),
        itemStyle: { color: '#1f6f8b' },
      },
      {
        name: w.mau,
        type: 'line',
        showSymbol: false,
        data: series.activity.map((a) => a.mau),
        itemStyle: { color: '#7048a8' },
      },
    ],
  });
}

/**
 * Active ratio per month, with the healthy band shaded.
 *
 * @example
 * activeRatioChart(dashboard.series, { low: 0.5, high: 0.7 }, words)
 */
export function activeRatioChart(
  series: KpiDashboard['series'],
  band: { low: number; high: number },
  w: ChartWords,
): string {
  return svg({
    xAxis: { type: 'category', data: series.activeRatio.map((r) => r.month), ...axis },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', color: '#475569' } },
    series: [
      {
        name: w.activeRatio,
        type: 'line',
        data: series.activeRatio.map((r) => (r.ratio === null ? null : Math.round(r.ratio * 1000) / 10)),
        itemStyle: { color: '#1f6f8b' },
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(47, 122, 74, 0.10)' },
          label: {
            show: true,
            position: 'insideTopRight',
            color: '#2f7a4a',
            fontFamily: FONT,
            formatter: w.healthyBand,
          },
          data: [[{ yAxis: band.low * 100 }, { yAxis: band.high * 100 }]],
        },
      },
    ],
  });
}

/**
 * Promotions and demotions between tiers per month.
 *
 * @example
 * tierMovesChart(dashboard.series, words)
 */
export function tierMovesChart(series: KpiDashboard['series'], w: ChartWords): string {
  return svg({
    xAxis: { type: 'category', data: series.tierMoves.map((m) => m.month), ...axis },
    yAxis: { type: 'value', ...axis },
    series: [
      { name: w.promoted, type: 'bar', data: series.tierMoves.map((m) => m.promoted), itemStyle: { color: '#2f7a4a' } },
      { name: w.demoted, type: 'bar', data: series.tierMoves.map((m) => -m.demoted), itemStyle: { color: '#b9532b' } },
    ],
  });
}

/**
 * Members per tier.
 *
 * @example
 * tierChart([{ name: '核心', count: 120 }])
 */
export function tierChart(tiers: readonly { name: string; count: number }[]): string {
  return svg(
    {
      legend: { show: false },
      grid: { left: 96, right: 48, top: 8, bottom: 24 },
      xAxis: { type: 'value', ...axis },
      yAxis: { type: 'category', data: tiers.map((t) => t.name), inverse: true, ...axis },
      series: [
        {
          type: 'bar',
          data: tiers.map((t) => t.count),
          itemStyle: { color: '#b9532b' },
          label: { show: true, position: 'right' },
        },
      ],
    },
    640,
    Math.max(120, 36 * tiers.length + 32),
  );
}

/**
 * NPS per month with the zero line.
 *
 * @example
 * npsChart(dashboard.series, words)
 */
export function npsChart(series: KpiDashboard['series'], w: ChartWords): string {
  return svg({
    xAxis: { type: 'category', data: series.nps.map((n) => n.month), ...axis },
    yAxis: { type: 'value', min: -100, max: 100, ...axis },
    series: [
      {
        name: w.nps,
        type: 'line',
        data: series.nps.map((n) => (n.nps === null ? null : Math.round(n.nps))),
        itemStyle: { color: '#7048a8' },
        markLine: { silent: true, symbol: 'none', lineStyle: { color: GREY, type: 'dashed' }, data: [{ yAxis: 0 }] },
      },
    ],
  });
}
