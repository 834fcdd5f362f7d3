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

/**
 * Why a metric has no value, so the UI explains instead of showing 0. `no_activity`, `no_orders`
 * and `no_surveys` mean the workspace has none at all (never imported); the `_in_period` twins
 * mean it has some, just none in (or, for buyer metrics, up to the end of) the period.
 */
export const missingReasons = [
  'no_members',
  'no_activity',
  'no_activity_in_period',
  'no_orders',
  'no_orders_in_period',
  'no_surveys',
  'no_surveys_in_period',
  'no_referrals',
  'no_scores',
  'period_too_short',
  'no_cohort',
] as const;
export type MissingReason = (typeof missingReasons)[number];

/** Which way is good news for a metric: a rise for almost all, a fall for members_churned. */
export const metricDirections = ['up', 'down'] as const;
export type MetricDirection = (typeof metricDirections)[number];

export const metricSchema = z.object({
  id: z.enum(metricIds),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** value − previous (for ratios, in points of the 0–1 scale); null when either is missing. */
  delta: z.number().nullable(),
  unit: z.enum(metricUnits),
  better: z.enum(metricDirections),
  status: z.enum(healthColours).nullable(),
  /** The rule behind the colour, e.g. "active ratio outside 50–70%". */
  statusReason: z.string().nullable(),
  missing: z.enum(missingReasons).nullable(),
  /** The written definition in the requested language. */
  definition: z.string(),
});
export type Metric = z.infer<typeof metricSchema>;

export const periodSchema = z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

/** A real calendar day written YYYY-MM-DD (a local day in the workspace's time zone). */
const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((text) => {
    const ms = Date.parse(`${text}T00:00:00Z`);
    return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
  }, 'not a calendar day');

/** How far ahead a goal looks: 6 months, 1 year, 3 years. */
export const goalHorizons = ['short', 'mid', 'long'] as const;
export type GoalHorizon = (typeof goalHorizons)[number];
/**
 * A goal's forecast: the target reached already, a straight-line trend that reaches it by the due
 * day, one that does not (or the due day passed), or no current value to judge.
 */
export const goalStatuses = ['achieved', 'on_track', 'behind', 'no_data'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

/** Create a goal (no id) or change one (its id). */
export const kpiGoalInputSchema = z
  .object({
    id: z.number().int().positive().optional(),
    metric: z.enum(metricIds),
    /** In the metric's unit: ratios as 0–1 shares, NPS −100…100. */
    target: z.number().finite(),
    horizon: z.enum(goalHorizons),
    /** Local day; when left out, today plus the horizon (6 months, 1 year, 3 years). */
    dueDay: isoDaySchema.optional(),
  })
  .strict();
export type KpiGoalInput = z.input<typeof kpiGoalInputSchema>;

/** A stored goal: what was asked, and where the metric stood the day it was set. */
export const kpiGoalSchema = z.object({
  id: z.number().int(),
  metric: z.enum(metricIds),
  target: z.number(),
  dueDay: z.string(),
  horizon: z.enum(goalHorizons),
  /** The metric's value (30 days ending that day) when the goal was set; null when it had none. */
  baseline: z.number().nullable(),
  baselineDay: z.string(),
  createdAt: z.number(),
});
export type KpiGoal = z.infer<typeof kpiGoalSchema>;

/** A goal as the dashboard shows it: progress and forecast as of the period's last day. */
export const kpiGoalProgressSchema = kpiGoalSchema.extend({
  current: z.number().nullable(),
  /** Share of the way from baseline to target, 0–1; null without a baseline or current value. */
  progress: z.number().min(0).max(1).nullable(),
  /** The straight-line trend's value on the due day; null when there is nothing to fit. */
  forecast: z.number().nullable(),
  status: z.enum(goalStatuses),
});
export type KpiGoalProgress = z.infer<typeof kpiGoalProgressSchema>;
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
  /**
   * Per month (up to 12, the last cut at the period's end): promotions and demotions recorded in
   * member_tier_history that month (moves, so a member moved twice counts twice), and each ÷ the
   * live members who had a tier at the month's first day (their first tier history day is
   * earlier); members first given a tier during the month are not in that month's denominator.
   * Rates are null when no member had a tier at the month start.
   */
  tierMoves: z.array(
    z.object({ month: z.string(), promoted: z.number(), demoted: z.number(), promotedRate: z.number().nullable(), demotedRate: z.number().nullable() }),
  ),
  /**
   * Per source of a member's first identity (the lowest identity id, i.e. imported first; '' for
   * members without one): live members at the period's end and new members in the period, most
   * members first.
   */
  bySource: z.array(z.object({ source: z.string(), members: z.number(), new: z.number() })),
  /**
   * Activity per source and channel in the period ('' when the source has no channels): activity
   * events, not distinct members (the day rollup has no members), most events first.
   */
  byChannel: z.array(z.object({ source: z.string(), channel: z.string(), events: z.number() })),
  /** Activity in the period by kind, and UGC vs PGC where the source says so. */
  contentMix: z.array(z.object({ kind: z.string(), events: z.number() })),
});
export type KpiSeries = z.infer<typeof kpiSeriesSchema>;

export const kpiDashboardSchema = z.object({
  /** The workspace has no members at all: nothing imported yet, so nothing to measure. */
  empty: z.boolean(),
  period: periodSchema,
  previousPeriod: periodSchema,
  metrics: z.array(metricSchema),
  overall: z.enum(healthColours).nullable(),
  scorecard: scorecardSchema,
  series: kpiSeriesSchema,
  goals: z.array(kpiGoalProgressSchema),
  computedMs: z.number(),
});
export type KpiDashboard = z.infer<typeof kpiDashboardSchema>;
