/**
 * Computes the KPI dashboard for a period: refreshes the KPI cache when the data changed, counts
 * the facts for the period and its comparison period (db/queries/kpi.ts), and lets the pure
 * engine (shared/kpi) turn them into metrics, colours, the scorecard and the chart series.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { ensureKpiCache } from '../../../db/queries/kpi-cache';
import { ensureTierMoves, tierMoveDays } from '../../../db/queries/kpi-tier-moves';
import { listGoals } from '../../../db/queries/kpi-goals';
import {
  channelEvents,
  churnedIn,
  dayTotals,
  distinctActive,
  firstDayOf,
  importedData,
  kindByDay,
  kindTotals,
  monthlyActive,
  paidOrders,
  retentionReached,
  scoreSnapshot,
  sourceJoins,
  surveyScores,
  type DayTotals,
  type ImportedData,
} from '../../../db/queries/kpi';
import type { KpiDashboard, KpiSeries } from '../../../shared/kpi';
import { CHURN_SILENCE_DAYS } from '../../../shared/kpi/definitions';
import { overallHealth } from '../../../shared/kpi/health';
import { buildMetrics, monthlyGrowthRates, nps, periodValues, type PeriodFacts, type SnapshotFacts } from '../../../shared/kpi/metrics';
import { monthsEnding, type DayRange, type MonthRange } from '../../../shared/kpi/period';
import { scorecard } from '../../../shared/kpi/scorecard';
import type { KpiSettings } from '../../../shared/kpi/settings';
import type { Locale } from '../../../shared/workspace';
import { dayToIso } from '../../../shared/time';
import { goalHistories, goalProgress } from './goals';

const SERIES_MONTHS = 12;
const RETENTION_DAYS = [1, 7, 30, 90] as const;

export interface DashboardOptions {
  period: DayRange;
  previous: DayRange;
  timeZone: string;
  language: Locale;
  now: number;
  /** The workspace's health thresholds and scorecard weights. */
  settings: KpiSettings;
}

interface Shared {
  sqlite: BetterSqlite3.Database;
  totals: DayTotals;
  surveys: [number, number][];
  firstReferralDay: number | null;
  imported: ImportedData;
}

interface CohortRow {
  cohort: string;
  size: number;
  eligible: number[];
  retained: number[];
}

/**
 * Join-month cohorts: for each as-of day, the 12 join months ending the month of that day, with
 * retention counted as of that day. Sizes and eligible members are prefix sums of joins; a member
 * who reached join + N days by the as-of day joined N days before it, so the retained counts
 * need no eligibility cut.
 */
function cohorts(sqlite: BetterSqlite3.Database, totals: DayTotals, asOfDays: readonly number[]): CohortRow[][] {
  const earliest = Math.min(...asOfDays.map((d) => monthsEnding(d, SERIES_MONTHS)[0]?.from ?? d));
  const reached = retentionReached(sqlite, { from: earliest, to: Math.max(...asOfDays) });
  const joined = (from: number, to: number): number => (to < from ? 0 : totals.joins.within({ from, to }));
  return asOfDays.map((asOf) =>
    monthsEnding(asOf, SERIES_MONTHS).map((m) => {
      const last = Math.min(m.to, asOf);
      return {
        cohort: m.month,
        size: joined(m.from, last),
        // Only members who have had N days by the as-of day can have reached day N.
        eligible: RETENTION_DAYS.map((n) => joined(m.from, Math.min(last, asOf - n))),
        retained: RETENTION_DAYS.map((n) =>
          reached.reduce((sum, r) => (r.joinMonth === m.from && r.horizon === n && r.reachedDay <= asOf ? sum + r.members : sum), 0),
        ),
      };
    }),
  );
}

function facts(s: Shared, range: DayRange, cohortRows: CohortRow[], daily: [number, number][]): PeriodFacts {
  const days = range.to - range.from + 1;
  const mau = s.totals.mau(range.to);
  const orders = paidOrders(s.sqlite, range);
  const week = { from: range.to - 6, to: range.to };
  return {
    days,
    membersBefore: s.totals.joins.upTo(range.from - 1),
    membersAtEnd: s.totals.joins.upTo(range.to),
    newMembers: s.totals.joins.within(range),
    churned: churnedIn(s.sqlite, range, CHURN_SILENCE_DAYS),
    activeMemberDays: daily.reduce((sum, [, n]) => sum + n, 0),
    wau: s.totals.activeWithin(week) ?? distinctActive(s.sqlite, week),
    mau,
    // For a 30-day period "active in the period" is MAU; custom lengths without a cached window
    // count member_daily.
    activeInPeriod: days === 30 ? mau : (s.totals.activeWithin(range) ?? distinctActive(s.sqlite, range)),
    kinds: kindTotals(s.sqlite, range),
    hasReferrals: s.firstReferralDay !== null && s.firstReferralDay <= range.to,
    retention: {
      eligible: RETENTION_DAYS.map((_, i) => cohortRows.reduce((sum, c) => sum + (c.eligible[i] ?? 0), 0)),
      retained: RETENTION_DAYS.map((_, i) => cohortRows.reduce((sum, c) => sum + (c.retained[i] ?? 0), 0)),
    },
    buyers: s.totals.buyers.upTo(range.to),
    repeatBuyers: s.totals.repeatBuyers.upTo(range.to),
    paidOrders: orders.orders,
    paidAmount: orders.amount,
    scores: s.surveys.filter(([day]) => day >= range.from && day <= range.to).map(([, score]) => score),
    imported: s.imported,
  };
}

function clip(month: MonthRange, to: number): DayRange {
  return { from: month.from, to: Math.min(month.to, to) };
}

/** Promotions and demotions per month, each ÷ members with a tier at the month's first day. */
function tierMoves(sqlite: BetterSqlite3.Database, months: readonly MonthRange[], to: number): KpiSeries['tierMoves'] {
  const moves = tierMoveDays(sqlite);
  return months.map((m) => {
    const range = clip(m, to);
    const base = moves.tiered.upTo(m.from - 1);
    const promoted = moves.promoted.within(range);
    const demoted = moves.demoted.within(range);
    return { month: m.month, promoted, demoted, promotedRate: base > 0 ? promoted / base : null, demotedRate: base > 0 ? demoted / base : null };
  });
}

/**
 * The whole dashboard for a period, as the `kpi/dashboard` contract describes it.
 *
 * @example
 * computeDashboard(sqlite, { period, previous, timeZone: 'Asia/Shanghai', language: 'zh-CN', now: Date.now() })
 */
export function computeDashboard(sqlite: BetterSqlite3.Database, options: DashboardOptions): Omit<KpiDashboard, 'computedMs'> {
  const { period, previous, timeZone, language, settings } = options;
  ensureKpiCache(sqlite, timeZone, options.now);
  ensureTierMoves(sqlite, options.now);
  const months = monthsEnding(period.to, SERIES_MONTHS);
  const firstMonth = months[0] ?? { from: period.from, to: period.to, month: '' };
  const surveysFrom = Math.min(firstMonth.from, previous.from, period.from);
  const surveyDays = surveyScores(sqlite, { from: surveysFrom, to: period.to });
  const imported = importedData(sqlite);
  const totals = dayTotals(sqlite);
  const shared: Shared = {
    sqlite,
    totals,
    surveys: surveyDays,
    firstReferralDay: firstDayOf(sqlite, 'referral'),
    imported,
  };

  const [cohortRows = [], previousCohorts = []] = cohorts(sqlite, totals, [period.to, previous.to]);
  const snap = scoreSnapshot(sqlite);
  const snapshot: SnapshotFacts = snap;
  const periodDaily = totals.dailyActive(period);
  const current = periodValues(facts(shared, period, cohortRows, periodDaily), snapshot);
  const before = periodValues(facts(shared, previous, previousCohorts, totals.dailyActive(previous)), snapshot);

  const growth = months.map((m) => {
    const r = clip(m, period.to);
    return { month: m.month, members: shared.totals.joins.upTo(r.to), new: shared.totals.joins.within(r), churned: churnedIn(sqlite, r, CHURN_SILENCE_DAYS) };
  });
  // The growth rule reads whole months only: the month in progress would always look slow.
  const complete = growth.filter((_, i) => (months[i]?.to ?? 0) <= period.to);
  const rates = monthlyGrowthRates(complete, shared.totals.joins.upTo(firstMonth.from - 1));
  const metrics = buildMetrics(current, before, rates, language, settings.health);

  const daily = new Map(periodDaily);
  const activity: KpiSeries['activity'] = [];
  for (let day = period.from; day <= period.to; day += 1) {
    const dau = daily.get(day) ?? 0;
    const mau = shared.totals.mau(day);
    activity.push({ day: dayToIso(day), dau, mau, stickiness: mau > 0 ? dau / mau : null });
  }
  const referrals = kindByDay(sqlite, 'referral', { from: firstMonth.from, to: period.to });
  const hasReferrals = shared.firstReferralDay !== null && shared.firstReferralDay <= period.to;
  const monthActive = monthlyActive(sqlite);
  const series: KpiSeries = {
    growth,
    activity,
    activeRatio: months.map((m) => {
      const end = Math.min(m.to, period.to);
      const members = shared.totals.joins.upTo(end);
      return { month: m.month, ratio: members > 0 ? shared.totals.mau(end) / members : null };
    }),
    cohorts: cohortRows.map((c) => {
      const at = (i: number): number | null => ((c.eligible[i] ?? 0) > 0 ? (c.retained[i] ?? 0) / (c.eligible[i] ?? 1) : null);
      return { cohort: c.cohort, size: c.size, d1: at(0), d7: at(1), d30: at(2), d90: at(3) };
    }),
    nps: months.map((m) => {
      const scores = surveyDays.filter(([day]) => day >= m.from && day <= m.to).map(([, score]) => score);
      return { month: m.month, nps: nps(scores).value, responses: scores.length };
    }),
    kFactor: months.map((m) => {
      const active = monthActive.get(m.from) ?? 0;
      return { month: m.month, k: hasReferrals && active > 0 ? referrals.within(clip(m, period.to)) / active : null };
    }),
    tiers: snap.tiers,
    tierMoves: tierMoves(sqlite, months, period.to),
    bySource: [...sourceJoins(sqlite)]
      .map(([source, joins]) => ({ source, members: joins.upTo(period.to), new: joins.within(period) }))
      .filter((s) => s.members > 0 || s.new > 0)
      .sort((a, b) => b.members - a.members || b.new - a.new || a.source.localeCompare(b.source)),
    byChannel: channelEvents(sqlite, period),
    contentMix: Object.entries(kindTotals(sqlite, period))
      .map(([kind, events]) => ({ kind, events }))
      .sort((a, b) => b.events - a.events || a.kind.localeCompare(b.kind)),
  };

  const values = Object.fromEntries(metrics.map((m) => [m.id, m.value]));
  return {
    empty: !imported.members,
    period: { from: dayToIso(period.from), to: dayToIso(period.to) },
    previousPeriod: { from: dayToIso(previous.from), to: dayToIso(previous.to) },
    metrics,
    overall: overallHealth(metrics.map((m) => m.status)),
    scorecard: scorecard(values, settings),
    series,
    goals: goalProgress(listGoals(sqlite), metrics, goalHistories(months, period, series, rates), period.to),
  };
}
