/**
 * Health colours. Pure: each rule takes numbers and the workspace's thresholds (settings.ts; the
 * seeds' values by default) and gives a colour and, when it is not green, the rule's key (the UI
 * and CLI word it with ruleText in definitions.ts).
 */
import type { HealthColour, MetricId } from '../kpi';
import { defaultKpiSettings, type HealthSettings } from './settings';

export interface Health {
  status: HealthColour;
  /** Which metric's rule fired; null when green. */
  rule: MetricId | null;
}

const rank: Record<HealthColour, number> = { green: 0, yellow: 1, orange: 2, red: 3 };
const green: Health = { status: 'green', rule: null };

/** The seeds' thresholds (settings.ts holds them with the scorecard's weights). */
export const healthDefaults: HealthSettings = defaultKpiSettings.health;

/**
 * Net growth below 5% of members for the last 3 consecutive months → yellow (seed values). Takes
 * the monthly growth rates, oldest first; a month with no rate (no members yet) breaks the run.
 *
 * @example
 * growthHealth([0.08, 0.04, 0.03, 0.01]).status // 'yellow'
 * growthHealth([0.04, 0.06, 0.03]).status // 'green'
 * growthHealth([0.04, 0.06, 0.03], 'growth_rate', { ...healthDefaults, monthlyGrowthMin: 0.07 }).status // 'yellow'
 */
export function growthHealth(
  monthlyRates: readonly (number | null)[],
  metric: MetricId = 'growth_rate',
  settings: HealthSettings = healthDefaults,
): Health | null {
  const last = monthlyRates.slice(-settings.growthMonths);
  if (last.length < settings.growthMonths || last.some((r) => r === null)) return null;
  return last.every((r) => r !== null && r < settings.monthlyGrowthMin) ? { status: 'yellow', rule: metric } : green;
}

/**
 * A swing of more than ±10% against the comparison period → yellow (DAU, WAU, MAU).
 *
 * @example
 * swingHealth('dau', 120, 100).status // 'yellow'
 * swingHealth('dau', 105, 100).status // 'green'
 */
export function swingHealth(
  metric: MetricId,
  value: number | null,
  previous: number | null,
  settings: HealthSettings = healthDefaults,
): Health | null {
  if (value === null || previous === null || previous === 0) return null;
  return Math.abs(value - previous) / previous > settings.activitySwing ? { status: 'yellow', rule: metric } : green;
}

/**
 * Active ratio outside 50–70% → yellow; more than 10 points outside → orange.
 *
 * @example
 * activeRatioHealth(0.45).status // 'yellow'
 * activeRatioHealth(0.35).status // 'orange'
 */
export function activeRatioHealth(value: number | null, settings: HealthSettings = healthDefaults): Health | null {
  if (value === null) return null;
  const { low, high } = settings.activeBand;
  const outside = value < low ? low - value : value > high ? value - high : 0;
  // A hair of tolerance: 0.4 is "10 points outside", not "more than 10".
  if (outside > settings.activeBandOrange + 1e-9) return { status: 'orange', rule: 'active_ratio' };
  return outside > 0 ? { status: 'yellow', rule: 'active_ratio' } : green;
}

/**
 * A value below a floor → `colour` (NPS < 0 red; K-factor, retention, UGC and KOC share yellow).
 *
 * @example
 * floorHealth('nps', -5).status // 'red'
 * floorHealth('k_factor', 1.2).status // 'green'
 */
export function floorHealth(metric: MetricId, value: number | null, settings: HealthSettings = healthDefaults): Health | null {
  if (value === null) return null;
  const floors: Partial<Record<MetricId, [number, HealthColour]>> = {
    nps: [settings.npsMin, 'red'],
    k_factor: [settings.kFactorMin, 'yellow'],
    retention_d30: [settings.retentionD30Min, 'yellow'],
    retention_d90: [settings.retentionD90Min, 'yellow'],
    ugc_share: [settings.ugcShareMin, 'yellow'],
    koc_share: [settings.kocShareMin, 'yellow'],
  };
  const floor = floors[metric];
  if (!floor) return null;
  return value < floor[0] ? { status: floor[1], rule: metric } : green;
}

/** What health needs to know about one metric. */
export interface HealthInput {
  id: MetricId;
  value: number | null;
  previous: number | null;
}

/**
 * The colour of one metric under the workspace's thresholds (the seeds' by default); null when
 * the metric has no rule or no value. `monthlyGrowth` feeds the growth rule (net_growth and
 * growth_rate share it).
 *
 * @example
 * metricHealth({ id: 'active_ratio', value: 0.6, previous: null }, []) // { status: 'green', rule: null }
 * metricHealth({ id: 'active_ratio', value: 0.6, previous: null }, [], { ...healthDefaults, activeBand: { low: 0.65, high: 0.8 } })
 * // { status: 'yellow', rule: 'active_ratio' }
 */
export function metricHealth(metric: HealthInput, monthlyGrowth: readonly (number | null)[], settings: HealthSettings = healthDefaults): Health | null {
  switch (metric.id) {
    case 'net_growth':
    case 'growth_rate':
      return metric.value === null ? null : growthHealth(monthlyGrowth, metric.id, settings);
    case 'dau':
    case 'wau':
    case 'mau':
      return swingHealth(metric.id, metric.value, metric.previous, settings);
    case 'active_ratio':
      return activeRatioHealth(metric.value, settings);
    default:
      return floorHealth(metric.id, metric.value, settings);
  }
}

/**
 * The overall colour: the worst of the metrics' colours; green when none warns; null when no
 * metric has a colour at all (nothing to judge).
 *
 * @example
 * overallHealth(['green', 'yellow', null]) // 'yellow'
 * overallHealth([null]) // null
 */
export function overallHealth(statuses: readonly (HealthColour | null)[]): HealthColour | null {
  let worst: HealthColour | null = null;
  for (const s of statuses) {
    if (s !== null && (worst === null || rank[s] > rank[worst])) worst = s;
  }
  return worst;
}
