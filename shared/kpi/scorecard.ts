/**
 * The community health scorecard: three dimensions × three indicators, each indicator scored
 * 0–100 against its target, weighted into a 0–100 score.
 *
 * Scoring an indicator (value v, target t):
 * - "at least" targets: min(100, 100 · v / t), and 0 for v ≤ 0 (a target t ≤ 0: 100 when met, else 0).
 * - the active ratio's band (50–70% by default): 100 inside; 5 points lost per percentage point outside
 *   (40% or 80% → 50; 30% or 90% → 0).
 * - NPS (−100…100) against 50: 100 · (v + 100) / 150, capped at 100 (NPS 0 → 66.7).
 *
 * Missing data: an indicator without a value has score null. A dimension's score is the weighted
 * mean of the indicators that have one, re-weighted over them, and null when they carry less than
 * half of the dimension's weight. The total is the same rule over dimensions. Scores are rounded
 * to one decimal. Indicator weights are the workspace's (settings.ts), targets follow its health
 * thresholds where one exists for the same metric.
 */
import type { MetricId, Scorecard } from '../kpi';
import { defaultKpiSettings, scorecardDimensionIds, scorecardIndicators, type KpiSettings } from './settings';

type Target = { kind: 'atLeast'; target: number } | { kind: 'band'; low: number; high: number } | { kind: 'nps'; target: number };

/**
 * Each indicator's target. Where a health rule names a threshold for the same metric, the target
 * is that threshold, so editing the rule moves the scorecard with it; the other three are the
 * seed's scorecard targets. growth_rate: 5% a period (the seed's 5% a month, read against the
 * default 30-day period).
 */
function indicatorTarget(metric: MetricId, health: KpiSettings['health']): Target {
  switch (metric) {
    case 'active_ratio':
      return { kind: 'band', low: health.activeBand.low, high: health.activeBand.high };
    case 'retention_d30':
      return { kind: 'atLeast', target: health.retentionD30Min };
    case 'growth_rate':
      return { kind: 'atLeast', target: health.monthlyGrowthMin };
    case 'k_factor':
      return { kind: 'atLeast', target: health.kFactorMin };
    case 'ugc_share':
      return { kind: 'atLeast', target: health.ugcShareMin };
    case 'koc_share':
      return { kind: 'atLeast', target: health.kocShareMin };
    case 'nps':
      return { kind: 'nps', target: 50 };
    case 'repeat_purchase_rate':
      return { kind: 'atLeast', target: 0.3 };
    case 'buyer_conversion':
      return { kind: 'atLeast', target: 0.2 };
    default:
      throw new Error(`No scorecard target for ${metric}`);
  }
}

/** The dimensions' weights (fixed: members 40%, business 30%, brand 30%). */
const dimensionWeights = { members: 0.4, business: 0.3, brand: 0.3 } as const;

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * One indicator's 0–100 score against its target; null without a value.
 *
 * @example
 * scoreIndicator(0.45, { kind: 'atLeast', target: 0.6 }) // 75
 * scoreIndicator(0.4, { kind: 'band', low: 0.5, high: 0.7 }) // 50
 * scoreIndicator(0, { kind: 'nps', target: 50 }) // 66.7
 */
export function scoreIndicator(value: number | null, target: Target): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (target.kind) {
    case 'atLeast':
      // A target of 0 or below (an edited rule) has no scale to be partway along: met or not.
      if (target.target <= 0) return value >= target.target ? 100 : 0;
      return value <= 0 ? 0 : round1(Math.min(100, (100 * value) / target.target));
    case 'band': {
      const outside = value < target.low ? target.low - value : value > target.high ? value - target.high : 0;
      return round1(Math.max(0, 100 - 500 * outside));
    }
    case 'nps':
      return round1(Math.max(0, Math.min(100, (100 * (value + 100)) / (target.target + 100))));
  }
}

/** Weighted mean over parts with a score, or null when they hold under half of the weight. */
function reweighted(parts: readonly { weight: number; score: number | null }[]): number | null {
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  const present = parts.filter((p): p is { weight: number; score: number } => p.score !== null);
  const weight = present.reduce((sum, p) => sum + p.weight, 0);
  if (total === 0 || weight < total / 2 - 1e-9) return null;
  return round1(present.reduce((sum, p) => sum + p.weight * p.score, 0) / weight);
}

/**
 * The scorecard from metric values (missing metrics as null or absent), under the workspace's
 * weights and thresholds (the seeds' by default).
 *
 * @example
 * scorecard({ active_ratio: 0.6, retention_d30: 0.6, growth_rate: 0.05 }).dimensions[0].score // 100
 */
export function scorecard(values: Partial<Record<MetricId, number | null>>, settings: KpiSettings = defaultKpiSettings): Scorecard {
  const dimensions = scorecardDimensionIds.map((id) => {
    const weights: Readonly<Record<string, number>> = settings.weights[id];
    const indicators = scorecardIndicators[id].map((metric) => ({
      metric,
      weight: weights[metric] ?? 0,
      score: scoreIndicator(values[metric] ?? null, indicatorTarget(metric, settings.health)),
    }));
    return { id, weight: dimensionWeights[id], score: reweighted(indicators), indicators };
  });
  return { score: reweighted(dimensions), dimensions };
}
