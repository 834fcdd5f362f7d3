/**
 * From counted facts to metric values: the arithmetic behind every definition in
 * definitions.ts, and the reason a metric has no value. Pure; the counting is in db/queries/kpi.ts.
 */
import { metricIds, type Metric, type MetricId, type MissingReason } from '../kpi';
import type { Locale } from '../workspace';
import { metricDefinitions, ruleText } from './definitions';
import { metricHealth } from './health';
import { defaultKpiSettings, type HealthSettings } from './settings';

/** Everything counted for one period (see definitions.ts for each number's meaning). */
export interface PeriodFacts {
  days: number;
  /** Members on the day before the period and on its last day; joined within it. */
  membersBefore: number;
  membersAtEnd: number;
  newMembers: number;
  churned: number;
  /** Sum over the period's days of the members active that day. */
  activeMemberDays: number;
  wau: number;
  mau: number;
  /** Distinct members active on any day of the period. */
  activeInPeriod: number;
  kinds: Readonly<Record<string, number>>;
  /** Whether any referral was recorded up to the period end (else K is unknown, not 0). */
  hasReferrals: boolean;
  retention: { eligible: readonly number[]; retained: readonly number[] };
  buyers: number;
  repeatBuyers: number;
  paidOrders: number;
  paidAmount: number;
  /** Survey scores 0–10 answered in the period. */
  scores: readonly number[];
  /**
   * Whether the workspace has any activity, orders or survey answers at all, so a missing value
   * can say "never imported" rather than "none in this period".
   */
  imported: { activity: boolean; orders: boolean; surveys: boolean };
}

/** The current member scores (no history, so no comparison). */
export interface SnapshotFacts {
  scored: number;
  activeCircle: number;
  koc: number;
  clvSum: number;
  clvCount: number;
}

export interface MetricValue {
  value: number | null;
  missing: MissingReason | null;
}

const v = (value: number): MetricValue => ({ value, missing: null });
const miss = (missing: MissingReason): MetricValue => ({ value: null, missing });
const ratio = (num: number, den: number, reason: MissingReason): MetricValue => (den > 0 ? v(num / den) : miss(reason));

/**
 * Net Promoter Score of 0–10 answers: % promoters (9–10) − % detractors (0–6). Without answers
 * the reason is `empty` ('no_surveys' unless the caller knows the workspace has some elsewhere).
 *
 * @example
 * nps([10, 9, 8, 3]) // { value: 25, missing: null }
 * nps([]) // { value: null, missing: 'no_surveys' }
 */
export function nps(scores: readonly number[], empty: MissingReason = 'no_surveys'): MetricValue {
  if (scores.length === 0) return miss(empty);
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return v((100 * (promoters - detractors)) / scores.length);
}

const POSTING_INITIATED = ['message', 'post', 'ugc_post'] as const;
const POSTING_RESPONSES = ['reply', 'comment'] as const;
const RETENTION_INDEX = { retention_d1: 0, retention_d7: 1, retention_d30: 2, retention_d90: 3 } as const;

/**
 * Every metric's value for one period.
 *
 * @example
 * periodValues(facts, snapshot).dau // { value: 2540.3, missing: null }
 */
export function periodValues(f: PeriodFacts, snapshot: SnapshotFacts | null): Record<MetricId, MetricValue> {
  const kind = (k: string): number => f.kinds[k] ?? 0;
  const noMembers = f.membersAtEnd === 0;
  const noActivityReason: MissingReason = f.imported.activity ? 'no_activity_in_period' : 'no_activity';
  const noOrdersReason: MissingReason = f.imported.orders ? 'no_orders_in_period' : 'no_orders';
  // No activity in the period nor in the 30 days before it: activity metrics are unknown, not 0.
  const noActivity = f.mau === 0 && f.activeInPeriod === 0;
  const activity = (value: number): MetricValue => (noActivity ? miss(noActivityReason) : v(value));
  const perActive = (num: number): MetricValue => ratio(num, f.activeInPeriod, noActivityReason);
  const initiated = POSTING_INITIATED.reduce((s, k) => s + kind(k), 0);
  const posting = initiated + POSTING_RESPONSES.reduce((s, k) => s + kind(k), 0);
  const retention = (id: keyof typeof RETENTION_INDEX): MetricValue => {
    const i = RETENTION_INDEX[id];
    return ratio(f.retention.retained[i] ?? 0, f.retention.eligible[i] ?? 0, 'no_cohort');
  };
  const dau = f.activeMemberDays / f.days;
  return {
    members_total: noMembers ? miss('no_members') : v(f.membersAtEnd),
    members_new: noMembers ? miss('no_members') : v(f.newMembers),
    members_churned: noMembers ? miss('no_members') : v(f.churned),
    net_growth: noMembers ? miss('no_members') : v(f.newMembers - f.churned),
    growth_rate: ratio(f.newMembers - f.churned, f.membersBefore, 'no_members'),
    dau: activity(dau),
    wau: activity(f.wau),
    mau: activity(f.mau),
    stickiness: ratio(dau, f.mau, noActivityReason),
    active_ratio: noMembers ? miss('no_members') : activity(f.mau / f.membersAtEnd),
    posts_per_active: perActive(kind('message') + kind('post') + kind('ugc_post') + kind('comment')),
    replies_per_active: perActive(kind('reply')),
    reactions_per_active: perActive(kind('reaction')),
    member_initiated_share: ratio(initiated, posting, noActivityReason),
    ugc_share: ratio(kind('ugc_post'), kind('ugc_post') + kind('post'), noActivityReason),
    retention_d1: retention('retention_d1'),
    retention_d7: retention('retention_d7'),
    retention_d30: retention('retention_d30'),
    retention_d90: retention('retention_d90'),
    repeat_purchase_rate: ratio(f.repeatBuyers, f.buyers, noOrdersReason),
    buyer_conversion: noMembers ? miss('no_members') : f.buyers === 0 ? miss(noOrdersReason) : v(f.buyers / f.membersAtEnd),
    aov: ratio(f.paidAmount, f.paidOrders, noOrdersReason),
    clv_avg: snapshot && snapshot.clvCount > 0 ? v(snapshot.clvSum / snapshot.clvCount) : miss('no_scores'),
    nps: nps(f.scores, f.imported.surveys ? 'no_surveys_in_period' : 'no_surveys'),
    k_factor: !f.hasReferrals ? miss('no_referrals') : perActive(kind('referral')),
    koc_share: !snapshot || snapshot.scored === 0 ? miss('no_scores') : ratio(snapshot.koc, snapshot.activeCircle, noActivityReason),
  };
}

/** Metrics that describe "now" (the last recompute) and so have no comparison value. */
const SNAPSHOT_METRICS: ReadonlySet<MetricId> = new Set(['clv_avg', 'koc_share']);

/**
 * The dashboard's metric list: values, comparison, delta, unit, direction, health colour (under
 * the workspace's thresholds, the seeds' by default) and definition.
 *
 * @example
 * buildMetrics(current, previous, [0.02, 0.03, 0.01], 'en').find((m) => m.id === 'nps')
 */
export function buildMetrics(
  current: Record<MetricId, MetricValue>,
  previous: Record<MetricId, MetricValue>,
  monthlyGrowth: readonly (number | null)[],
  language: Locale,
  settings: HealthSettings = defaultKpiSettings.health,
): Metric[] {
  return metricIds.map((id) => {
    const { value, missing } = current[id];
    const prev = SNAPSHOT_METRICS.has(id) ? null : previous[id].value;
    const definition = metricDefinitions[id];
    const health = metricHealth({ id, value, previous: prev }, monthlyGrowth, settings);
    return {
      id,
      value,
      previous: prev,
      delta: value !== null && prev !== null ? value - prev : null,
      unit: definition.unit,
      better: definition.better,
      status: health?.status ?? null,
      statusReason: health?.rule ? ruleText(health.rule, settings, language) : null,
      missing,
      definition: definition.text[language],
    };
  });
}

/**
 * Monthly net growth rates for the growth rule: (new − churned) / members at the previous
 * month's end; null when there were no members yet.
 *
 * @example
 * monthlyGrowthRates([{ members: 100, new: 10, churned: 2 }, { members: 110, new: 5, churned: 0 }], 90)
 * // [0.0889, 0.05]
 */
export function monthlyGrowthRates(months: readonly { members: number; new: number; churned: number }[], membersBeforeFirst: number): (number | null)[] {
  let before = membersBeforeFirst;
  return months.map((m) => {
    const rate = before > 0 ? (m.new - m.churned) / before : null;
    before = m.members;
    return rate;
  });
}
