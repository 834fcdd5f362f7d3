/**
 * The community health scorecard: three dimensions × three indicators, each indicator scored
 * 0–100 against its target, weighted into a 0–100 score.
 *
 * Scoring an indicator (value v, target t):
 * - "at least" targets: min(100, 100 · v / t), and 0 for v ≤ 0.
 * - the active ratio's 50–70% band: 100 inside; 5 points lost per percentage point outside
 *   (40% or 80% → 50; 30% or 90% → 0).
 * - NPS (−100…100) against 50: 100 · (v + 100) / 150, capped at 100 (NPS 0 → 66.7).
 *
 * Missing data: an indicator without a value has score null. A dimension's score is the weighted
 * mean of the indicators that have one, re-weighted over them, and null when they carry less than
 * half of the dimension's weight. The total is the same rule over dimensions. Scores are rounded
 * to one decimal.
 */
import type { MetricId, Scorecard } from '../kpi';

type Target = { kind: 'atLeast'; target: number } | { kind: 'band'; low: number; high: number } | { kind: 'nps'; target: number };

interface IndicatorSpec {
  metric: MetricId;
  weight: number;
  target: Target;
}

interface DimensionSpec {
  id: 'members' | 'business' | 'brand';
  weight: number;
  indicators: IndicatorSpec[];
}

/** Default weights and targets (the seeds' thresholds where a seed names one). */
export const scorecardSpec: readonly DimensionSpec[] = [
  {
    id: 'members',
    weight: 0.4,
    indicators: [
      { metric: 'active_ratio', weight: 0.4, target: { kind: 'band', low: 0.5, high: 0.7 } },
      { metric: 'retention_d30', weight: 0.35, target: { kind: 'atLeast', target: 0.6 } },
      // 5% a period (the seed's 5% a month, read against the default 30-day period).
      { metric: 'growth_rate', weight: 0.25, target: { kind: 'atLeast', target: 0.05 } },
    ],
  },
  {
    id: 'business',
    weight: 0.3,
    indicators: [
      { metric: 'repeat_purchase_rate', weight: 0.4, target: { kind: 'atLeast', target: 0.3 } },
      { metric: 'buyer_conversion', weight: 0.3, target: { kind: 'atLeast', target: 0.2 } },
      { metric: 'k_factor', weight: 0.3, target: { kind: 'atLeast', target: 1.2 } },
    ],
  },
  {
    id: 'brand',
    weight: 0.3,
    indicators: [
      { metric: 'nps', weight: 0.4, target: { kind: 'nps', target: 50 } },
      { metric: 'ugc_share', weight: 0.3, target: { kind: 'atLeast', target: 0.3 } },
      { metric: 'koc_share', weight: 0.3, target: { kind: 'atLeast', target: 0.2 } },
    ],
  },
];

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
 * The scorecard from metric values (missing metrics as null or absent).
 *
 * @example
 * scorecard({ active_ratio: 0.6, retention_d30: 0.6, growth_rate: 0.05 }).dimensions[0].score // 100
 */
export function scorecard(values: Partial<Record<MetricId, number | null>>): Scorecard {
  const dimensions = scorecardSpec.map((d) => {
    const indicators = d.indicators.map((i) => ({ metric: i.metric, weight: i.weight, score: scoreIndicator(values[i.metric] ?? null, i.target) }));
    return { id: d.id, weight: d.weight, score: reweighted(indicators), indicators };
  });
  return { score: reweighted(dimensions), dimensions };
}
