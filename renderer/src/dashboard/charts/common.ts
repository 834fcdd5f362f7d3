/** What every dashboard chart shares: colours, margins, the tooltip's look and value formatting. */
import type { ChartNumbers, ChartOption } from './types';

/** The theme's colours (styles.css): ember accent, then calm companions that print well. */
export const chartColours = {
  accent: '#b9532b',
  blue: '#3b6ea8',
  green: '#2f7a4a',
  red: '#b42318',
  grey: '#8a94a3',
  purple: '#6b3fa0',
  amber: '#b7791f',
  band: 'rgba(47, 122, 74, 0.12)',
  text: '#66717f',
  line: '#e2e5ea',
};

export const palette = [
  chartColours.accent,
  chartColours.blue,
  chartColours.green,
  chartColours.purple,
  chartColours.amber,
  chartColours.grey,
  '#0f7b8a',
  '#a8476b',
  '#5b6b2f',
  '#c0834a',
  '#4b5a8c',
  '#9aa3ad',
];

/**
 * The page's font stack (styles.css), written out: ECharts measures labels with it to lay out
 * axes, and a value like 'inherit' would be measured as its 12px default and clip long labels.
 */
export const chartFont =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

/** The class of ECharts' tooltip element, for styling and for tests to find it. */
export const TOOLTIP_CLASS = 'chart-tooltip';

export const baseTooltip = {
  className: TOOLTIP_CLASS,
  confine: true,
  textStyle: { fontSize: 12, fontFamily: chartFont },
} as const;

export const baseGrid = { left: 8, right: 12, top: 36, bottom: 4, containLabel: true } as const;

export const baseLegend = {
  top: 0,
  left: 0,
  itemWidth: 14,
  itemHeight: 8,
  textStyle: { color: chartColours.text },
} as const;

export const axisLabel = { color: chartColours.text, fontSize: 11 } as const;
export const splitLine = { lineStyle: { color: chartColours.line } } as const;

/** The options every chart starts from: colours, ARIA description, no entry animation. */
export function baseOption(): ChartOption {
  return {
    color: palette,
    // Screen readers get a generated description; printing and screenshots get the final frame.
    aria: { enabled: true },
    animation: false,
    textStyle: { fontFamily: chartFont },
  };
}

/** A tooltip value formatter that leaves gaps (null) as a dash. */
export function valueOrDash(format: (n: number) => string): (value: unknown) => string {
  return (value) => (typeof value === 'number' && Number.isFinite(value) ? format(value) : '—');
}

/** A percentage axis label for 0–1 values. */
export const percentAxis = (numbers: ChartNumbers) => (value: number) => numbers.percent(value);

/** 'YYYY-MM-DD' → 'MM-DD' for day axes; anything else unchanged. */
export function shortDay(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day.slice(5) : day;
}

/** True when no value in the list is a number: the chart would be empty. */
export const noValues = (values: readonly (number | null)[]): boolean => values.every((v) => v === null);

/** Text put into tooltip HTML (a tooltip formatter's string is HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Chart numbers from the page's formatters: at most one decimal, ratios as percentages with one
 * decimal (as the metric tiles show them).
 *
 * @example
 * chartNumbers({ decimal: (n) => n.toFixed(1) }).percent(0.523) // '52.3%'
 */
export function chartNumbers(f: { decimal(n: number): string }): ChartNumbers {
  return { number: (n) => f.decimal(n), percent: (ratio) => `${f.decimal(ratio * 100)}%` };
}
