/**
 * A workspace's KPI settings: the health rules' thresholds and the scorecard's indicator weights,
 * editable per workspace ("all editable per workspace"; the seed's weights are "reviewed
 * quarterly"). The defaults are the seeds' values, so a workspace that never edits them reads
 * exactly as before. Shares are 0–1 fractions, as everywhere in the KPI contract.
 */
import { z } from 'zod';

const share = z.number().finite().min(0).max(1);
const weight = z.number().finite().min(0).max(1);
/** Weights are compared with a little slack: 0.4 + 0.35 + 0.25 is not exactly 1 in floating point. */
const WEIGHT_SUM_SLACK = 1e-6;

export const healthSettingsSchema = z
  .object({
    /** The active ratio's healthy band: outside → yellow. */
    activeBand: z.object({ low: share, high: share }).strict(),
    /** Points outside the band beyond which the active ratio turns orange. */
    activeBandOrange: share,
    /** Monthly net growth below this for `growthMonths` consecutive months → yellow. */
    monthlyGrowthMin: z.number().finite().min(-1).max(10),
    growthMonths: z.number().int().min(1).max(12),
    /** A DAU / WAU / MAU change larger than this share of the comparison value → yellow. */
    activitySwing: z.number().finite().gt(0).max(10),
    /** NPS below this → red. */
    npsMin: z.number().finite().min(-100).max(100),
    /** K-factor below this → yellow. */
    kFactorMin: z.number().finite().min(0).max(100),
    retentionD30Min: share,
    retentionD90Min: share,
    ugcShareMin: share,
    kocShareMin: share,
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.activeBand.low >= s.activeBand.high) {
      ctx.addIssue({ code: 'custom', path: ['activeBand', 'high'], message: 'band_order' });
    }
  });
export type HealthSettings = z.infer<typeof healthSettingsSchema>;

/** The scorecard's three dimensions and their indicators, in display order. */
export const scorecardIndicators = {
  members: ['active_ratio', 'retention_d30', 'growth_rate'],
  business: ['repeat_purchase_rate', 'buyer_conversion', 'k_factor'],
  brand: ['nps', 'ugc_share', 'koc_share'],
} as const;
export type ScorecardDimensionId = keyof typeof scorecardIndicators;
export const scorecardDimensionIds = Object.keys(scorecardIndicators) as ScorecardDimensionId[];

/**
 * Each dimension's indicator weights must add up to 1, so a weight reads as "this share of the
 * dimension". The issue sits on the dimension's last indicator, where the form shows the sum.
 */
function sumsToOne(last: string) {
  return (w: Readonly<Record<string, number>>, ctx: z.RefinementCtx): void => {
    const sum = Object.values(w).reduce((total, x) => total + x, 0);
    if (Math.abs(sum - 1) > WEIGHT_SUM_SLACK) ctx.addIssue({ code: 'custom', path: [last], message: 'weights_sum' });
  };
}

export const scorecardWeightsSchema = z
  .object({
    members: z.object({ active_ratio: weight, retention_d30: weight, growth_rate: weight }).strict().superRefine(sumsToOne('growth_rate')),
    business: z
      .object({ repeat_purchase_rate: weight, buyer_conversion: weight, k_factor: weight })
      .strict()
      .superRefine(sumsToOne('k_factor')),
    brand: z.object({ nps: weight, ugc_share: weight, koc_share: weight }).strict().superRefine(sumsToOne('koc_share')),
  })
  .strict();
export type ScorecardWeights = z.infer<typeof scorecardWeightsSchema>;

export const kpiSettingsSchema = z.object({ health: healthSettingsSchema, weights: scorecardWeightsSchema }).strict();
export type KpiSettings = z.infer<typeof kpiSettingsSchema>;

/** The seeds' thresholds and weights. */
export const defaultKpiSettings: KpiSettings = {
  health: {
    activeBand: { low: 0.5, high: 0.7 },
    activeBandOrange: 0.1,
    monthlyGrowthMin: 0.05,
    growthMonths: 3,
    activitySwing: 0.1,
    npsMin: 0,
    kFactorMin: 1.2,
    retentionD30Min: 0.6,
    retentionD90Min: 0.35,
    ugcShareMin: 0.3,
    kocShareMin: 0.2,
  },
  weights: {
    members: { active_ratio: 0.4, retention_d30: 0.35, growth_rate: 0.25 },
    business: { repeat_purchase_rate: 0.4, buyer_conversion: 0.3, k_factor: 0.3 },
    brand: { nps: 0.4, ugc_share: 0.3, koc_share: 0.3 },
  },
};
