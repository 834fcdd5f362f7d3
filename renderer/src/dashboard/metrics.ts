/**
 * How KPI metrics read on the dashboard: their groups, names, values by unit, the change against
 * the compare period, and why a value is missing. Pure (takes `t` and the formatters), so tested
 * without a browser.
 */
import type { HealthColour, Metric, MetricId, MissingReason } from '../../../shared/kpi';
// The catalogue's key type only: ../i18n pulls in the DOM-bound stores (see members/labels.ts).
import type { MessageKey } from '../i18n/en';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
/** The formatters a metric needs (data/formatters.ts gives them; not imported, it is DOM-bound). */
export interface MetricFormatters {
  decimal(n: number): string;
  money(amount: number): string;
}

export const metricGroups = [
  { id: 'growth', metrics: ['members_total', 'members_new', 'members_churned', 'net_growth', 'growth_rate'] },
  {
    id: 'activity',
    metrics: [
      'dau',
      'wau',
      'mau',
      'stickiness',
      'active_ratio',
      'posts_per_active',
      'replies_per_active',
      'reactions_per_active',
      'member_initiated_share',
    ],
  },
  { id: 'content', metrics: ['ugc_share'] },
  { id: 'retention', metrics: ['retention_d1', 'retention_d7', 'retention_d30', 'retention_d90'] },
  { id: 'value', metrics: ['repeat_purchase_rate', 'buyer_conversion', 'aov', 'clv_avg', 'nps'] },
  { id: 'loop', metrics: ['k_factor', 'koc_share'] },
] as const satisfies readonly { id: string; metrics: readonly MetricId[] }[];
export type MetricGroupId = (typeof metricGroups)[number]['id'];

/** A group's metrics in the group's order, as the services sent them (unknown ones left out). */
export function groupMetrics(metrics: readonly Metric[], ids: readonly MetricId[]): Metric[] {
  return ids.flatMap((id) => metrics.find((m) => m.id === id) ?? []);
}

export const metricName = (id: MetricId, t: Translate): string => t(`dashboard.metric.${id}`);

/**
 * Why a metric has no value, in words: the services tell "never imported" from "none in this
 * period" (see missingReasons in shared/kpi.ts).
 *
 * @example
 * missingText('no_surveys_in_period', t) // 'No survey answers in this period'
 */
export function missingText(reason: MissingReason, t: Translate): string {
  return t(`dashboard.missing.${reason}`);
}

/**
 * A value in its unit: counts and per-member rates with at most one decimal, ratios as a
 * percentage with one decimal, money in the workspace currency.
 *
 * @example
 * formatMetricValue('ratio', 0.523, f) // '52.3%'
 */
export function formatMetricValue(unit: Metric['unit'], value: number, f: MetricFormatters): string {
  switch (unit) {
    case 'ratio':
      return `${f.decimal(value * 100)}%`;
    case 'money':
      return f.money(value);
    case 'count':
    case 'score':
    case 'per_member':
      return f.decimal(value);
  }
}

export type DeltaDirection = 'up' | 'down' | 'same';

export interface DeltaText {
  direction: DeltaDirection;
  /** Whether the change is good news, bad news, or neither (no change). */
  tone: 'good' | 'bad' | 'neutral';
  /** The size of the change, without a sign (the arrow carries it): ratios in percentage points. */
  amount: string;
}

/**
 * The change against the compare period, or null when either side is missing.
 *
 * @example
 * deltaText({ id: 'active_ratio', unit: 'ratio', delta: -0.042, ... }, f, t)
 * // { direction: 'down', tone: 'bad', amount: '4.2 pts' }
 */
export function deltaText(metric: Metric, f: MetricFormatters, t: Translate): DeltaText | null {
  if (metric.delta === null) return null;
  // Rounded as shown, so a change too small to see reads as no change.
  const shown = metric.unit === 'ratio' ? Math.round(metric.delta * 1000) / 10 : Math.round(metric.delta * 10) / 10;
  const direction: DeltaDirection = shown > 0 ? 'up' : shown < 0 ? 'down' : 'same';
  const tone = direction === 'same' ? 'neutral' : direction === metric.better ? 'good' : 'bad';
  const size = Math.abs(metric.delta);
  const amount =
    metric.unit === 'ratio'
      ? t('dashboard.delta.points', { n: f.decimal(size * 100) })
      : formatMetricValue(metric.unit, size, f);
  return { direction, tone, amount };
}

/** Health colours from best to worst. */
export const healthOrder: readonly HealthColour[] = ['green', 'yellow', 'orange', 'red'];

/** The metrics rated `colour`, for the overall banner's "behind it" list. */
export function metricsRated(metrics: readonly Metric[], colour: HealthColour): Metric[] {
  return metrics.filter((m) => m.value !== null && m.status === colour);
}
