/**
 * Why one member has the scores they have: the same engines a recompute runs, over that member's
 * rows only, so the drawer's sentences always match the grid's numbers.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { memberActivityStats, memberOrderStats, oneMemberReach } from '../../../db/queries/member-stats';
import { readMemberModel, readTierState } from '../../../db/queries/member-ledger';
import { activityOf, circleOf } from '../../../shared/members/circles';
import type { Explanation } from '../../../shared/members/explain';
import { explainKoc } from '../../../shared/members/koc';
import { lifecycleOf } from '../../../shared/members/lifecycle';
import { explainRfm, type RfmScore, type RfmSegment } from '../../../shared/members/rfm';
import type { MemberRules } from '../../../shared/members/rules';
import { reviewDayOnOrBefore } from '../../../shared/members/tiers';
import { dayResolver } from '../../../shared/time';
import { loadManual, scorePoints } from './recompute';

interface ScoreColumns {
  first_seen: number | null;
  rfm_r: number | null;
  rfm_f: number | null;
  rfm_m: number | null;
  rfm_segment: string | null;
  influence: number | null;
  is_koc: number | null;
  p_alive: number | null;
  expected: number | null;
}

/**
 * Explanations for one member as of the last recompute's day.
 *
 * @example
 * explainMember(sqlite, 7, rules, 20781, 'Asia/Shanghai').explanations[0] // { key: 'tier.kept', params: { … } }
 */
export function explainMember(
  sqlite: BetterSqlite3.Database,
  memberId: number,
  rules: MemberRules,
  asOfDay: number,
  timeZone: string,
): { explanations: Explanation[]; rfm: { r: number; f: number; m: number } | null; pAlive: number | null } {
  const reviewDay = reviewDayOnOrBefore(asOfDay, rules.tiers.review);
  const [stats] = [...memberActivityStats(sqlite, { asOfDay, reviewDay, rules, memberId })];
  const manual = loadManual(sqlite, asOfDay, reviewDay, rules.tiers.windowDays, memberId).get(memberId);
  const row = sqlite
    .prepare<[number], ScoreColumns>(
      `SELECT m.first_seen, s.rfm_r, s.rfm_f, s.rfm_m, s.rfm_segment, s.influence, s.is_koc, s.p_alive, s.expected
       FROM member m LEFT JOIN member_score s ON s.member_id = m.id WHERE m.id = ?`,
    )
    .get(memberId);
  const explanations: Explanation[] = [];

  explanations.push(scorePoints(stats, manual, 0, readTierState(sqlite, memberId), asOfDay, rules).tier.explanation);

  const activity = activityOf(stats, row?.first_seen == null ? null : dayResolver(timeZone)(row.first_seen));
  explanations.push(circleOf(activity, rules.circles, asOfDay).explanation);
  explanations.push(lifecycleOf(activity, rules.lifecycle, asOfDay).explanation);

  let rfm: { r: number; f: number; m: number } | null = null;
  if (row?.rfm_r != null && row.rfm_f != null && row.rfm_m != null && row.rfm_segment) {
    const [orders] = memberOrderStats(sqlite, asOfDay, memberId);
    rfm = { r: row.rfm_r, f: row.rfm_f, m: row.rfm_m };
    if (orders) {
      explanations.push(
        explainRfm(
          { memberId, recencyDays: asOfDay - orders.lastDay, frequency: orders.orders, monetary: Math.round(orders.amount * 100) / 100 },
          { r: row.rfm_r as RfmScore, f: row.rfm_f as RfmScore, m: row.rfm_m as RfmScore, segment: row.rfm_segment as RfmSegment },
        ),
      );
    }
  }

  const model = readMemberModel(sqlite)?.summary as { kocCut?: number | null } | undefined;
  // The same counts the recompute weighed: member_daily's reactions and referrals, and the
  // reach query narrowed to this member.
  const reach = oneMemberReach(sqlite, asOfDay, memberId);
  const influence = {
    repliesReceived: reach.repliesReceived,
    reactionsReceived: stats?.reactionsReceived ?? 0,
    mentionsReceived: reach.mentionsReceived,
    peopleReached: reach.peopleReached,
    referrals: stats?.referrals ?? 0,
  };
  explanations.push(
    explainKoc(
      { score: row?.influence ?? 0, activeDays: stats?.activeDays ?? 0, flagged: row?.is_koc === 1, stats: influence },
      model?.kocCut ?? null,
      rules.koc,
    ),
  );

  if (row?.p_alive != null) {
    explanations.push({
      key: rules.churn.unit === 'week' ? 'churn.riskWeeks' : 'churn.riskDays',
      params: {
        percent: Math.round((1 - row.p_alive) * 1000) / 10,
        expected: Math.round((row.expected ?? 0) * 100) / 100,
        horizon: rules.churn.horizon,
        threshold: Math.round(rules.churn.riskThreshold * 100),
      },
    });
  } else {
    explanations.push({ key: 'churn.insufficientData', params: {} });
  }
  return { explanations, rfm, pAlive: row?.p_alive ?? null };
}
