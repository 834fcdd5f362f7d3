/**
 * Recompute: every member's points balance, tier, circle, lifecycle stage, RFM segment, influence
 * and churn risk, as of one day, from the rollups and the ledger. Reads first, then writes
 * member_score whole (and tier changes, expiries) in one transaction, so a crash leaves the
 * previous scores in place.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { ensurePointsCurrent } from '../../../db/queries/member-points';
import { readMemberRules } from '../../../db/queries/member-rules';
import { replaceMemberScores, type MemberScoreRow } from '../../../db/queries/member-scores';
import {
  manualPoints,
  memberActivityStats,
  memberBasics,
  memberOrderStats,
  replyReach,
  type MemberActivityStats,
  type EventDays,
  type MemberBasics,
} from '../../../db/queries/member-stats';
import { fillSortKeys } from '../../../db/queries/member-labels';
import {
  pointsEntriesDaily,
  readMemberModel,
  readTierState,
  readTierStates,
  replaceExpiries,
  writeMemberModel,
  writeTierChanges,
  type TierChange,
} from '../../../db/queries/member-ledger';
import type { RecomputeSummary } from '../../../shared/member-grid';
import { circleOf } from '../../../shared/members/circles';
import { influenceScore, kocCut } from '../../../shared/members/koc';
import { lifecycleOf } from '../../../shared/members/lifecycle';
import { addMonths, expireEntries, type PointsOnDay } from '../../../shared/members/points';
import { rfmScores } from '../../../shared/members/rfm';
import type { MemberRules } from '../../../shared/members/rules';
import { evaluateTier, reviewDayOnOrBefore, type TierEvaluation, type TierState } from '../../../shared/members/tiers';
import { sortKey } from '../../../shared/sort-key';
import { dayResolver, startOfDayResolver } from '../../../shared/time';
import { fitChurn, type ChurnResult } from './churn';

export interface RecomputeOptions {
  asOfDay: number;
  timeZone: string;
  now: number;
}

/** Manual entries of one member: grants (lots), debits, and the window's net grants. */
export interface Manual {
  sum: number;
  lots: PointsOnDay[];
  debits: PointsOnDay[];
  grantsInWindow: number;
  grantsAtReview: number;
}

interface Population {
  labels: MemberBasics[];
  position: Map<number, number>;
  activity: (MemberActivityStats | undefined)[];
}

function loadPopulation(sqlite: BetterSqlite3.Database, asOfDay: number, reviewDay: number, rules: MemberRules): Population {
  const labels = memberBasics(sqlite);
  const position = new Map<number, number>();
  labels.forEach((label, i) => position.set(label.memberId, i));
  const activity = new Array<MemberActivityStats | undefined>(labels.length);
  for (const stats of memberActivityStats(sqlite, { asOfDay, reviewDay, rules })) {
    const at = position.get(stats.memberId);
    if (at !== undefined) activity[at] = stats;
  }
  return { labels, position, activity };
}

/**
 * Manual entries by member (one member's when `memberId` is given).
 *
 * @example
 * loadManual(sqlite, asOfDay, reviewDay, 90).get(7)?.grantsInWindow // 50
 */
export function loadManual(sqlite: BetterSqlite3.Database, asOfDay: number, reviewDay: number, windowDays: number, memberId?: number): Map<number, Manual> {
  const manual = new Map<number, Manual>();
  for (const entry of manualPoints(sqlite, asOfDay, memberId)) {
    let m = manual.get(entry.memberId);
    if (!m) {
      m = { sum: 0, lots: [], debits: [], grantsInWindow: 0, grantsAtReview: 0 };
      manual.set(entry.memberId, m);
    }
    m.sum += entry.points;
    if (entry.kind === 'redeem') m.debits.push({ day: entry.day, points: -entry.points });
    else {
      // Grants and deductions change what a member has earned (and so their tier); a
      // deduction also takes points away, oldest first.
      if (entry.points > 0) m.lots.push({ day: entry.day, points: entry.points });
      else m.debits.push({ day: entry.day, points: -entry.points });
      if (entry.day > asOfDay - windowDays) m.grantsInWindow += entry.points;
      if (entry.day >= reviewDay - windowDays && entry.day < reviewDay) m.grantsAtReview += entry.points;
    }
  }
  return manual;
}

/**
 * Expiries as of the day, per member: in "inactivity" mode only members idle long enough are
 * looked at (one lot per member is enough: everything left goes); in "age" mode each day's
 * earnings are a lot, read in one ordered pass.
 */
function computeExpiries(
  sqlite: BetterSqlite3.Database,
  population: Population,
  manual: Map<number, Manual>,
  asOfDay: number,
  rules: MemberRules,
): Map<number, PointsOnDay[]> {
  const expiry = rules.points.expiry;
  const out = new Map<number, PointsOnDay[]>();
  if (expiry.mode === 'none') return out;
  const lastActive = (at: number): number | null => population.activity[at]?.lastActiveDay ?? null;
  if (expiry.mode === 'inactivity') {
    population.labels.forEach((label, at) => {
      const last = lastActive(at);
      const m = manual.get(label.memberId);
      if (last === null && !m) return;
      const idleSince = Math.max(last ?? -Infinity, ...(m?.lots.map((l) => l.day) ?? []));
      if (addMonths(idleSince, expiry.months) > asOfDay) return;
      const stats = population.activity[at];
      const earned: PointsOnDay[] = [...(m?.lots ?? [])];
      if (stats && stats.earnedTotal > 0) earned.push({ day: stats.firstActiveDay, points: stats.earnedTotal });
      const expired = expireEntries({ earned, debits: m?.debits ?? [], lastActiveDay: idleSince, asOfDay }, expiry);
      if (expired.length > 0) out.set(label.memberId, expired);
    });
    return out;
  }
  let current = -1;
  let lots: PointsOnDay[] = [];
  const flush = (): void => {
    if (current < 0) return;
    const at = population.position.get(current);
    if (at === undefined) return;
    const m = manual.get(current);
    const expired = expireEntries(
      { earned: [...lots, ...(m?.lots ?? [])], debits: m?.debits ?? [], lastActiveDay: lastActive(at), asOfDay },
      expiry,
    );
    if (expired.length > 0) out.set(current, expired);
  };
  for (const row of pointsEntriesDaily(sqlite, asOfDay)) {
    if (row.memberId !== current) {
      flush();
      current = row.memberId;
      lots = [];
    }
    if (row.points > 0) lots.push({ day: row.day, points: row.points });
  }
  flush();
  // Members with only manual lots.
  for (const [memberId, m] of manual) {
    if (out.has(memberId) || population.activity[population.position.get(memberId) ?? -1]) continue;
    const expired = expireEntries({ earned: m.lots, debits: m.debits, lastActiveDay: null, asOfDay }, expiry);
    if (expired.length > 0) out.set(memberId, expired);
  }
  return out;
}

/**
 * A member's points balance, points earned in the tier window, and tier, from their rollup stats,
 * manual entries and expired points. Grants and deductions count as earned; redemptions do not.
 *
 * @example
 * scorePoints(stats, manual, 0, { tierId: 'newcomer', sinceDay: 20700, reviewedDay: 20636 }, 20781, rules).tier.tierId // 'active'
 */
export function scorePoints(
  stats: MemberActivityStats | undefined,
  manual: Manual | undefined,
  expired: number,
  current: TierState | null,
  asOfDay: number,
  rules: MemberRules,
): { balance: number; earnedNow: number; tier: TierEvaluation } {
  const balance = (stats?.earnedTotal ?? 0) + (manual?.sum ?? 0) - expired;
  const earnedNow = Math.max(0, (stats?.earnedWindow ?? 0) + (manual?.grantsInWindow ?? 0));
  const earnedAtReview = Math.max(0, (stats?.earnedAtReview ?? 0) + (manual?.grantsAtReview ?? 0));
  return { balance, earnedNow, tier: evaluateTier({ current, earnedNow, earnedAtReview, asOfDay }, rules.tiers) };
}

/** The stored change (with its history row) an evaluation makes, or null when the tier is kept. */
function tierChange(memberId: number, current: TierState | null, tier: TierEvaluation): TierChange | null {
  if (tier.change === 'kept') return null;
  return {
    memberId,
    state: { tierId: tier.tierId, sinceDay: tier.sinceDay, reviewedDay: tier.reviewedDay },
    from: current?.tierId ?? null,
    change: tier.change,
    explanation: JSON.stringify(tier.explanation),
  };
}

/**
 * After points were granted, deducted or redeemed for a few members: their balance, window points
 * and tier, rewritten in place (nothing else a manual entry changes), instead of rescoring every
 * member. Returns null when a full recompute is needed: scores never computed, or expiry by age
 * (whose lots come from one pass over everyone).
 *
 * @example
 * rescorePoints(sqlite, [7], { asOfDay: 20781, timeZone: 'Asia/Shanghai', now: Date.now() }) // { promoted: 1, demoted: 0 }
 */
export function rescorePoints(sqlite: BetterSqlite3.Database, memberIds: readonly number[], options: RecomputeOptions): { promoted: number; demoted: number } | null {
  const rules = readMemberRules(sqlite);
  const { asOfDay } = options;
  if (rules.points.expiry.mode === 'age' || readMemberModel(sqlite) === undefined) return null;
  const reviewDay = reviewDayOnOrBefore(asOfDay, rules.tiers.review);
  const startOfDay = startOfDayResolver(options.timeZone);
  const update = sqlite.prepare(
    'UPDATE member_score SET points_balance = ?, points_window = ?, tier = ?, tier_rank = ? WHERE member_id = ?',
  );
  const tierRank = new Map(rules.tiers.ladder.map((t, i) => [t.id, i]));
  return sqlite.transaction(() => {
    let promoted = 0;
    let demoted = 0;
    for (const memberId of memberIds) {
      const [stats] = [...memberActivityStats(sqlite, { asOfDay, reviewDay, rules, memberId })];
      const manual = loadManual(sqlite, asOfDay, reviewDay, rules.tiers.windowDays, memberId);
      const basics = sqlite
        .prepare<[number], MemberBasics>('SELECT id AS memberId, first_seen AS firstSeen, last_seen AS lastSeen FROM member WHERE id = ?')
        .get(memberId);
      if (!basics) continue;
      const population: Population = { labels: [basics], position: new Map([[memberId, 0]]), activity: [stats] };
      const expiries = computeExpiries(sqlite, population, manual, asOfDay, rules).get(memberId) ?? [];
      replaceExpiries(
        sqlite,
        expiries.map((e) => ({ memberId, day: e.day, ts: startOfDay(e.day), points: -e.points })),
        memberId,
      );
      const current = readTierState(sqlite, memberId);
      const expired = expiries.reduce((sum, e) => sum + e.points, 0);
      const { balance, earnedNow, tier } = scorePoints(stats, manual.get(memberId), expired, current, asOfDay, rules);
      const change = tierChange(memberId, current, tier);
      if (change?.change === 'promoted') promoted += 1;
      if (change?.change === 'demoted') demoted += 1;
      writeTierChanges(sqlite, change ? [change] : [], []);
      update.run(balance, earnedNow, tier.tierId, tierRank.get(tier.tierId) ?? 0, memberId);
    }
    return { promoted, demoted };
  })();
}

function orNull(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}

/**
 * Recomputes every member's scores as of `asOfDay` and stores them.
 *
 * @example
 * recomputeMembers(sqlite, { asOfDay: dayNumber(2026, 11, 24), timeZone: 'Asia/Shanghai', now: Date.now() })
 * // { members: 1200, promoted: 31, demoted: 0, expiredPoints: 0, durationMs: 84, asOfDay: 20781 }
 */
export function recomputeMembers(sqlite: BetterSqlite3.Database, options: RecomputeOptions): RecomputeSummary {
  const started = performance.now();
  const stages: Record<string, number> = {};
  let mark = started;
  const stage = (name: string): void => {
    const now = performance.now();
    stages[name] = Math.round(now - mark);
    mark = now;
  };
  const { asOfDay } = options;
  const rules = readMemberRules(sqlite);
  const reviewDay = reviewDayOnOrBefore(asOfDay, rules.tiers.review);
  const dayOf = dayResolver(options.timeZone);

  sqlite.transaction(() => fillSortKeys(sqlite, sortKey))();
  stage('sortKeys');
  ensurePointsCurrent(sqlite, rules.points);
  stage('points');
  const population = loadPopulation(sqlite, asOfDay, reviewDay, rules);
  stage('population');
  const manual = loadManual(sqlite, asOfDay, reviewDay, rules.tiers.windowDays);
  const expiries = computeExpiries(sqlite, population, manual, asOfDay, rules);
  stage('ledger');
  const tierStates = readTierStates(sqlite);
  const orders = memberOrderStats(sqlite, asOfDay);
  const rfm = rfmScores(orders.map((o) => ({ memberId: o.memberId, recencyDays: asOfDay - o.lastDay, frequency: o.orders, monetary: o.amount })));
  stage('rfm');
  const reach = new Map(replyReach(sqlite, asOfDay).map((r) => [r.memberId, r]));
  stage('reach');
  const activityDays: EventDays[] = [];
  for (const stats of population.activity) {
    if (stats) activityDays.push({ memberId: stats.memberId, firstDay: stats.firstActiveDay, lastDay: stats.lastActiveDay, days: stats.activeDays });
  }
  const churn: ChurnResult = fitChurn(
    sqlite,
    { asOfDay, unit: rules.churn.unit, source: rules.churn.source, horizon: rules.churn.horizon },
    { orders, activity: activityDays },
  );
  const churnBy = new Map(churn.members.map((m) => [m.memberId, m]));
  stage('churn');

  const n = population.labels.length;
  const influence = new Float64Array(n);
  const eligible = new Array<boolean>(n);
  population.labels.forEach((label, at) => {
    const stats = population.activity[at];
    const replies = reach.get(label.memberId);
    influence[at] = influenceScore(
      {
        repliesReceived: replies?.repliesReceived ?? 0,
        reactionsReceived: stats?.reactionsReceived ?? 0,
        peopleReached: replies?.peopleReached ?? 0,
        referrals: stats?.referrals ?? 0,
      },
      rules.koc.weights,
    );
    eligible[at] = (stats?.activeDays ?? 0) >= rules.koc.minActiveDays;
  });
  const cut = kocCut(influence, eligible, rules.koc.topShare);

  const tierRank = new Map(rules.tiers.ladder.map((t, i) => [t.id, i]));
  const tierChanges: TierChange[] = [];
  const reviewed: { memberId: number; state: TierState }[] = [];
  let promoted = 0;
  let demoted = 0;
  let expiredPoints = 0;

  const rows: MemberScoreRow[] = population.labels.map((label, at) => {
    const stats = population.activity[at];
    const m = manual.get(label.memberId);
    const expired = (expiries.get(label.memberId) ?? []).reduce((sum, e) => sum + e.points, 0);
    expiredPoints += expired;
    const current = tierStates.get(label.memberId) ?? null;
    const { balance, earnedNow, tier } = scorePoints(stats, m, expired, current, asOfDay, rules);
    const change = tierChange(label.memberId, current, tier);
    if (change?.change === 'promoted') promoted += 1;
    if (change?.change === 'demoted') demoted += 1;
    if (change) tierChanges.push(change);
    else if (current && current.reviewedDay !== tier.reviewedDay) {
      reviewed.push({ memberId: label.memberId, state: { tierId: tier.tierId, sinceDay: tier.sinceDay, reviewedDay: tier.reviewedDay } });
    }

    const joinedDay = label.firstSeen === null ? null : dayOf(label.firstSeen);
    const activity = {
      joinedDay,
      firstActiveDay: stats?.firstActiveDay ?? null,
      lastActiveDay: stats?.lastActiveDay ?? null,
      activeDays: stats?.activeDays ?? 0,
      activeDaysInCoreWindow: stats?.activeDaysInCoreWindow ?? 0,
      activeDaysInActiveWindow: stats?.activeDaysInActiveWindow ?? 0,
      activeDaysInEngagedWindow: stats?.activeDaysInEngagedWindow ?? 0,
      firstActiveDayInEngagedWindow: stats?.firstActiveDayInEngagedWindow ?? null,
      lastActiveDayBeforeEngagedWindow: stats?.lastActiveDayBeforeEngagedWindow ?? null,
    };
    const scores = rfm.get(label.memberId);
    const risk = churnBy.get(label.memberId);
    const score = influence[at] ?? 0;
    return {
      memberId: label.memberId,
      tier: tier.tierId,
      tierRank: tierRank.get(tier.tierId) ?? 0,
      circle: circleOf(activity, rules.circles, asOfDay).circle,
      lifecycle: lifecycleOf(activity, rules.lifecycle, asOfDay).stage,
      rfmR: scores?.r ?? null,
      rfmF: scores?.f ?? null,
      rfmM: scores?.m ?? null,
      rfmSegment: scores?.segment ?? null,
      pointsBalance: balance,
      pointsWindow: earnedNow,
      activeDays30: stats?.activeDays30 ?? 0,
      lastSeen: label.lastSeen,
      influence: score,
      isKoc: cut !== null && eligible[at] === true && score >= cut,
      pAlive: orNull(risk?.pAlive),
      churnRisk: risk ? 1 - risk.pAlive : null,
      expected: orNull(risk?.expected),
      clv: risk?.clv ?? null,
    };
  });

  stage('scores');
  const startOfDay = startOfDayResolver(options.timeZone);
  const written = sqlite.transaction(() => {
    replaceExpiries(
      sqlite,
      [...expiries].flatMap(([memberId, list]) =>
        list.map((e) => ({ memberId, day: e.day, ts: startOfDay(e.day), points: -e.points })),
      ),
    );
    writeTierChanges(sqlite, tierChanges, reviewed);
    stage('writeTiers');
    const count = replaceMemberScores(sqlite, rows, rules.churn.riskThreshold);
    stage('writeScores');
    writeMemberModel(sqlite, {
      computedAt: options.now,
      asOfDay,
      summary: {
        churn: { source: churn.source, unit: churn.unit, horizon: churn.horizon, model: churn.model, spend: churn.spend },
        kocCut: cut,
        riskThreshold: rules.churn.riskThreshold,
      },
    });
    return count;
  })();

  stage('commit');
  return { members: written, asOfDay, durationMs: Math.round(performance.now() - started), promoted, demoted, expiredPoints, stages };
}
