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
import { manualPoints, memberActivityStats, type MemberActivityStats } from '../../../db/queries/member-stats';
import { MemberPopulation, memberPopulation } from '../../../db/queries/member-population';
import { fillSortKeys } from '../../../db/queries/member-labels';
import {
  pointsEntriesDaily,
  readMemberModel,
  readTierState,
  replaceExpiries,
  writeMemberModel,
  tierWriter,
  writeInitialTiers,
  writeTierChanges,
  type TierChange,
} from '../../../db/queries/member-ledger';
import type { RecomputeSummary } from '../../../shared/member-grid';
import { activityOf, circleOf } from '../../../shared/members/circles';
import { influenceScore, kocCut } from '../../../shared/members/koc';
import { lifecycleOf } from '../../../shared/members/lifecycle';
import { addMonths, expireEntries, type PointsOnDay } from '../../../shared/members/points';
import { rfmSegments, type RfmScore } from '../../../shared/members/rfm';
import type { MemberRules } from '../../../shared/members/rules';
import { evaluateTier, reviewDayOnOrBefore, tierHistoryValues, type TierEvaluation, type TierState } from '../../../shared/members/tiers';
import { sortKey } from '../../../shared/sort-key';
import { dayResolver, startOfDayResolver } from '../../../shared/time';
import type { BackgroundCheckpoints } from '../background-checkpoints';
import { cursor } from './side-scores';
import { startSideScores } from './side-scores-thread';

export interface RecomputeOptions {
  asOfDay: number;
  timeZone: string;
  now: number;
  /** Compute RFM, reach and churn on a worker thread (default: from THREADED_FROM_MEMBERS members). */
  threaded?: boolean;
  /**
   * Where a big recompute's checkpoint goes: given, the commit returns without copying the WAL
   * back into the file and a worker thread does it (background-checkpoints.ts).
   */
  checkpoints?: BackgroundCheckpoints;
}

/** Below this, starting a worker thread costs more than it saves. */
export const THREADED_FROM_MEMBERS = 50_000;

/** The highest member id: as many members as were ever created, without counting them. */
function approximateMemberCount(sqlite: BetterSqlite3.Database): number {
  return sqlite.prepare<[], { n: number | null }>('SELECT max(id) AS n FROM member').get()?.n ?? 0;
}

/** Manual entries of one member: grants (lots), debits, and the window's net grants. */
export interface Manual {
  sum: number;
  lots: PointsOnDay[];
  debits: PointsOnDay[];
  grantsInWindow: number;
  grantsAtReview: number;
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
  population: MemberPopulation,
  manual: Map<number, Manual>,
  asOfDay: number,
  rules: MemberRules,
): Map<number, PointsOnDay[]> {
  const expiry = rules.points.expiry;
  const out = new Map<number, PointsOnDay[]>();
  if (expiry.mode === 'none') return out;
  if (expiry.mode === 'inactivity') {
    for (let at = 0; at < population.size; at += 1) {
      const memberId = population.memberId(at);
      const last = population.lastActiveDay(at);
      const m = manual.get(memberId);
      if (last === null && !m) continue;
      const idleSince = Math.max(last ?? -Infinity, ...(m?.lots.map((l) => l.day) ?? []));
      if (addMonths(idleSince, expiry.months) > asOfDay) continue;
      const stats = population.activity(at);
      const earned: PointsOnDay[] = [...(m?.lots ?? [])];
      if (stats && stats.earnedTotal > 0) earned.push({ day: stats.firstActiveDay, points: stats.earnedTotal });
      const expired = expireEntries({ earned, debits: m?.debits ?? [], lastActiveDay: idleSince, asOfDay }, expiry);
      if (expired.length > 0) out.set(memberId, expired);
    }
    return out;
  }
  let current = -1;
  let lots: PointsOnDay[] = [];
  const flush = (): void => {
    if (current < 0) return;
    const at = population.position(current);
    if (at === undefined) return;
    const m = manual.get(current);
    const expired = expireEntries(
      { earned: [...lots, ...(m?.lots ?? [])], debits: m?.debits ?? [], lastActiveDay: population.lastActiveDay(at), asOfDay },
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
    const at = population.position(memberId);
    if (out.has(memberId) || (at !== undefined && population.hasActivity(at))) continue;
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
    values: tierHistoryValues(tier.explanation),
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
    'UPDATE member_score SET points_balance = ?, points_window = ?, tier = ?, tier_rank = ?, sig = NULL WHERE member_id = ?',
  );
  const tierRank = new Map(rules.tiers.ladder.map((t, i) => [t.id, i]));
  return sqlite.transaction(() => {
    let promoted = 0;
    let demoted = 0;
    for (const memberId of memberIds) {
      const [stats] = [...memberActivityStats(sqlite, { asOfDay, reviewDay, rules, memberId })];
      const manual = loadManual(sqlite, asOfDay, reviewDay, rules.tiers.windowDays, memberId);
      const member = sqlite.prepare<[number], { firstSeen: number | null }>('SELECT first_seen AS firstSeen FROM member WHERE id = ?').get(memberId);
      if (!member) continue;
      const population = MemberPopulation.of([{ memberId, firstSeen: member.firstSeen, stats, tier: null }]);
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
  // RFM, reach and the churn model need nothing from member_daily: on a big workspace a
  // worker thread computes them while this thread reads the population.
  const threaded = options.threaded ?? approximateMemberCount(sqlite) >= THREADED_FROM_MEMBERS;
  const side = startSideScores(
    sqlite,
    { asOfDay, unit: rules.churn.unit, source: rules.churn.source, horizon: rules.churn.horizon },
    threaded,
  );
  const population = memberPopulation(sqlite, { asOfDay, reviewDay, rules });
  stage('population');
  const manual = loadManual(sqlite, asOfDay, reviewDay, rules.tiers.windowDays);
  const expiries = computeExpiries(sqlite, population, manual, asOfDay, rules);
  stage('ledger');
  const n = population.size;
  const ladder = rules.tiers.ladder;
  const tierRank = new Map(ladder.map((t, i) => [t.id, i]));
  let promoted = 0;
  let demoted = 0;
  let expiredPoints = 0;

  // Points and tiers need nothing from the side scores: they are evaluated (and tier changes
  // written) first, while the worker may still be busy, and kept here for the score rows.
  const balances = new Float64Array(n);
  const earned = new Float64Array(n);
  const ranks = new Uint16Array(n);
  const fresh: [number, number][] = [];
  const evaluateTiers = (): void => {
    const tiers = tierWriter(sqlite);
    for (let at = 0; at < n; at += 1) {
      const memberId = population.memberId(at);
      const expired = (expiries.get(memberId) ?? []).reduce((sum, e) => sum + e.points, 0);
      expiredPoints += expired;
      const current = population.tier(at);
      const { balance, earnedNow, tier } = scorePoints(population.activity(at), manual.get(memberId), expired, current, asOfDay, rules);
      if (current === null) {
        // Never tiered: their first tier comes from their score row (writeInitialTiers), in runs
        // of ids. Positions are in id order, and an id between two of a run's members that is
        // not one of them has no score row (not a live member).
        const last = fresh.at(-1);
        if (last && at > 0 && last[1] === population.memberId(at - 1)) last[1] = memberId;
        else fresh.push([memberId, memberId]);
      } else {
        const change = tierChange(memberId, current, tier);
        if (change?.change === 'promoted') promoted += 1;
        if (change?.change === 'demoted') demoted += 1;
        if (change) tiers.change(change);
        else if (current.reviewedDay !== tier.reviewedDay) {
          tiers.reviewed(memberId, { tierId: tier.tierId, sinceDay: tier.sinceDay, reviewedDay: tier.reviewedDay });
        }
      }
      balances[at] = balance;
      earned[at] = earnedNow;
      ranks[at] = tierRank.get(tier.tierId) ?? 0;
    }
    tiers.finish();
  };

  let scoring = 0;
  const startOfDay = startOfDayResolver(options.timeZone);
  const write = sqlite.transaction(() => {
    replaceExpiries(
      sqlite,
      [...expiries].flatMap(([memberId, list]) =>
        list.map((e) => ({ memberId, day: e.day, ts: startOfDay(e.day), points: -e.points })),
      ),
    );
    evaluateTiers();
    stage('tiers');
    const taken = side.take();
    const { rfm, reach, churn } = taken.scores;
    stage(taken.thread === 'worker' ? 'sideScoresWait' : 'sideScores');

    const influence = new Float64Array(n);
    const eligible = new Array<boolean>(n);
    const reachAt = cursor(reach.ids);
    for (let at = 0; at < n; at += 1) {
      const stats = population.activity(at);
      const r = reachAt(population.memberId(at));
      influence[at] = influenceScore(
        {
          repliesReceived: r < 0 ? 0 : (reach.replies[r] ?? 0),
          reactionsReceived: stats?.reactionsReceived ?? 0,
          mentionsReceived: r < 0 ? 0 : (reach.mentions[r] ?? 0),
          peopleReached: r < 0 ? 0 : (reach.people[r] ?? 0),
          referrals: stats?.referrals ?? 0,
        },
        rules.koc.weights,
      );
      eligible[at] = (stats?.activeDays ?? 0) >= rules.koc.minActiveDays;
    }
    const cut = kocCut(influence, eligible, rules.koc.topShare);

    const rfmAt = cursor(rfm.ids);
    const churnAt = cursor(churn.ids);
    // Scored while they are written: a million row objects that die young cost the garbage
    // collector far less than a million kept until the write.
    const scoreRow = (at: number): MemberScoreRow => {
      const memberId = population.memberId(at);
      const stats = population.activity(at);
      const firstSeen = population.firstSeenAt(at);
      const activity = activityOf(stats, firstSeen === null ? null : dayOf(firstSeen));
      const scored = rfmAt(memberId);
      const risk = churnAt(memberId);
      const score = influence[at] ?? 0;
      const rank = ranks[at] ?? 0;
      return {
        memberId,
        tier: ladder[rank]?.id ?? '',
        tierRank: rank,
        circle: circleOf(activity, rules.circles, asOfDay).circle,
        lifecycle: lifecycleOf(activity, rules.lifecycle, asOfDay).stage,
        rfmR: scored < 0 ? null : (rfm.r[scored] as RfmScore),
        rfmF: scored < 0 ? null : (rfm.f[scored] as RfmScore),
        rfmM: scored < 0 ? null : (rfm.m[scored] as RfmScore),
        rfmSegment: scored < 0 ? null : (rfmSegments[rfm.segment[scored] ?? 0] ?? null),
        pointsBalance: balances[at] ?? 0,
        pointsWindow: earned[at] ?? 0,
        activeDays30: stats?.activeDays30 ?? 0,
        influence: score,
        isKoc: cut !== null && eligible[at] === true && score >= cut,
        pAlive: risk < 0 ? null : orNull(churn.pAlive[risk]),
        churnRisk: risk < 0 ? null : 1 - (churn.pAlive[risk] ?? 1),
        expected: risk < 0 ? null : orNull(churn.expected[risk]),
        clv: risk < 0 ? null : orNull(churn.clv[risk]),
      };
    };
    function* scoreRows(): Generator<MemberScoreRow> {
      for (scoring = 0; scoring < n; scoring += 1) yield scoreRow(scoring);
    }

    // The population read each member's stored row; rows are scored in its order.
    const at = (memberId: number): number | undefined =>
      population.memberId(scoring) === memberId ? scoring : population.position(memberId);
    const written = replaceMemberScores(sqlite, scoreRows(), rules.churn.riskThreshold, {
      stored: {
        signature: (memberId) => {
          const i = at(memberId);
          return i === undefined ? null : population.storedSignature(i);
        },
        standing: (memberId) => {
          const i = at(memberId);
          return i === undefined ? null : population.storedStanding(i);
        },
      },
      expected: n,
    });
    stage('scoreAndWrite');
    writeInitialTiers(sqlite, fresh, { asOfDay, reviewedDay: reviewDay, windowDays: rules.tiers.windowDays, ladder });
    stage('initialTiers');
    writeMemberModel(sqlite, {
      computedAt: options.now,
      asOfDay,
      summary: {
        churn: { source: churn.source, unit: churn.unit, horizon: churn.horizon, model: churn.model, spend: churn.spend },
        kocCut: cut,
        riskThreshold: rules.churn.riskThreshold,
      },
    });
    return written;
  });
  const { scored, rewritten } = threaded && options.checkpoints ? options.checkpoints.around(sqlite, write) : write();

  stage('commit');
  return { members: scored, rewritten, asOfDay, durationMs: Math.round(performance.now() - started), promoted, demoted, expiredPoints, stages };
}
