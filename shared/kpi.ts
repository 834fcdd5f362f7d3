/**
 * The KPI dashboard's contract: which metrics exist, what a computed metric looks like, the
 * health colours, the scorecard and the chart series. Definitions (the sentences the UI and
 * reports show) live with the metric engine in shared/kpi/; the SQL in db/queries/kpi*.ts.
 */
import { z } from 'zod';

export const metricIds = [
  // Scale & growth
  'members_total',
  'members_new',
  'members_churned',
  'net_growth',
  'growth_rate',
  // Activity
  'dau',
  'wau',
  'mau',
  'stickiness',
  'active_ratio',
  'posts_per_active',
  'replies_per_active',
  'reactions_per_active',
  'member_initiated_share',
  // Content
  'ugc_share',
  // Retention (members who joined in the period's cohorts)
  'retention_d1',
  'retention_d7',
  'retention_d30',
  'retention_d90',
  // Value
  'repeat_purchase_rate',
  'buyer_conversion',
  'aov',
  'clv_avg',
  'nps',
  // Growth loop and advocacy
  'k_factor',
  'koc_share',
] as const;
export type MetricId = (typeof metricIds)[number];

export const healthColours = ['green', 'yellow', 'orange', 'red'] as const;
export type HealthColour = (typeof healthColours)[number];

/** How a value reads: a count of members or events, a 0–1 share, money, a score. */
export const metricUnits = ['count', 'ratio', 'money', 'score', 'per_member'] as const;

/** Why a metric has no value, so the UI explains instead of showing 0. */
export const missingReasons = ['no_members', 'no_activity', 'no_orders', 'no_surveys', 'no_referrals', 'no_scores', 'period_too_short', 'no_cohort'] as const;
export type MissingReason = (typeof missingReasons)[number];

export const metricSchema = z.object({
  id: z.enum(metricIds),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** value − previous (for ratios, in points of the 0–1 scale); null when either is missing. */
  delta: z.number().nullable(),
  unit: z.enum(metricUnits),
  status: z.enum(healthColours).nullable(),
  /** The rule behind the colour, e.g. "active ratio outside 50–70%". */
  statusReason: z.string().nullable(),
  missing: z.enum(missingReasons).nullable(),
  /** The written definition in the requested language. */
  definition: z.string(),
});
export type Metric = z.infer<typeof metricSchema>;

export const periodSchema = z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
export type Period = z.infer<typeof periodSchema>;

export const kpiRequestSchema = z
  .object({
    /** Inclusive local days; the last 30 days ending today when left out. */
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    compare: z.enum(['previous', 'last_year']).default('previous'),
    language: z.enum(['en', 'zh-CN']).default('en'),
  })
  .strict();
export type KpiRequest = z.input<typeof kpiRequestSchema>;

const scoreIndicatorSchema = z.object({ metric: z.enum(metricIds), weight: z.number(), score: z.number().nullable() });
export const scorecardSchema = z.object({
  /** 0–100, null when too few indicators have values. */
  score: z.number().nullable(),
  dimensions: z.array(
    z.object({ id: z.enum(['members', 'business', 'brand']), weight: z.number(), score: z.number().nullable(), indicators: z.array(scoreIndicatorSchema) }),
  ),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

export const kpiSeriesSchema = z.object({
  /** Per month in and before the period (up to 12): members at month end, new, churned. */
  growth: z.array(z.object({ month: z.string(), members: z.number(), new: z.number(), churned: z.number() })),
  /** Per day of the period: DAU, and MAU over the 30 days ending that day; stickiness = dau / mau. */
  activity: z.array(z.object({ day: z.string(), dau: z.number(), mau: z.number(), stickiness: z.number().nullable() })),
  /** Per month: active members / members. */
  activeRatio: z.array(z.object({ month: z.string(), ratio: z.number().nullable() })),
  /** Join-month cohorts (up to 12): size and retention at D1/D7/D30/D90 (null when not yet reached). */
  cohorts: z.array(
    z.object({ cohort: z.string(), size: z.number(), d1: z.number().nullable(), d7: z.number().nullable(), d30: z.number().nullable(), d90: z.number().nullable() }),
  ),
  nps: z.array(z.object({ month: z.string(), nps: z.number().nullable(), responses: z.number() })),
  kFactor: z.array(z.object({ month: z.string(), k: z.number().nullable() })),
  tiers: z.array(z.object({ tier: z.string(), count: z.number() })),
  /** Activity in the period by kind, and UGC vs PGC where the source says so. */
  contentMix: z.array(z.object({ kind: z.string(), events: z.number() })),
});
export type KpiSeries = z.infer<typeof kpiSeriesSchema>;

export const kpiDashboardSchema = z.object({
  period: periodSchema,
  previousPeriod: periodSchema,
  metrics: z.array(metricSchema),
  overall: z.enum(healthColours).nullable(),
  scorecard: scorecardSchema,
  series: kpiSeriesSchema,
  computedMs: z.number(),
});
export type KpiDashboard = z.infer<typeof kpiDashboardSchema>;
