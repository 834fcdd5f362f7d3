/**
 * The scores a recompute needs that do not depend on member_daily: RFM over orders, reach
 * (replies and mentions received) and the churn model. They read their own tables and nothing the recompute writes, so a big
 * workspace computes them on a worker thread while the main thread reads the population
 * (recompute-worker.ts). The result is columns of typed arrays, sorted by member id, which cross
 * threads without copying.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { memberOrderStats, memberReach } from '../../../db/queries/member-stats';
import { rfmScores, rfmSegments, type RfmResult } from '../../../shared/members/rfm';
import { fitChurn, type ChurnOptions, type ChurnResult } from './churn';

export interface SideScores {
  /** Members with paid orders: scores 1–5 and the index of their segment in `rfmSegments`. */
  rfm: { ids: Int32Array; r: Uint8Array; f: Uint8Array; m: Uint8Array; segment: Uint8Array };
  /** Members others replied to or mentioned. */
  reach: { ids: Int32Array; replies: Int32Array; mentions: Int32Array; people: Int32Array };
  /** The fitted model, and each scored member's P(alive), expected events and CLV (NaN: none). */
  churn: Omit<ChurnResult, 'members'> & {
    ids: Int32Array;
    pAlive: Float64Array;
    expected: Float64Array;
    clv: Float64Array;
  };
}

/** Every typed array's buffer, for a transfer list. */
export function sideScoreBuffers(scores: SideScores): ArrayBuffer[] {
  const arrays = [
    ...Object.values(scores.rfm),
    ...Object.values(scores.reach),
    scores.churn.ids,
    scores.churn.pAlive,
    scores.churn.expected,
    scores.churn.clv,
  ];
  return arrays.map((a: ArrayBufferView) => a.buffer as ArrayBuffer);
}

/**
 * Computes RFM, reach and the churn model as of a day.
 *
 * @example
 * sideScores(sqlite, { asOfDay: 20758, unit: 'week', source: 'auto', horizon: 52 }).churn.model?.r // 0.24
 */
export function sideScores(sqlite: BetterSqlite3.Database, churnOptions: ChurnOptions): SideScores {
  const { asOfDay } = churnOptions;
  const orders = memberOrderStats(sqlite, asOfDay);
  const scores = rfmScores(
    orders.map((o) => ({
      memberId: o.memberId,
      recencyDays: asOfDay - o.lastDay,
      frequency: o.orders,
      monetary: o.amount,
    })),
  );
  const segmentIndex = new Map(rfmSegments.map((s, i) => [s, i]));
  const rfm = {
    ids: new Int32Array(orders.length),
    r: new Uint8Array(orders.length),
    f: new Uint8Array(orders.length),
    m: new Uint8Array(orders.length),
    segment: new Uint8Array(orders.length),
  };
  orders.forEach((o, i) => {
    const s = scores.get(o.memberId) as RfmResult;
    rfm.ids[i] = o.memberId;
    rfm.r[i] = s.r;
    rfm.f[i] = s.f;
    rfm.m[i] = s.m;
    rfm.segment[i] = segmentIndex.get(s.segment) ?? 0;
  });

  const reached = memberReach(sqlite, asOfDay);
  const reach = {
    ids: new Int32Array(reached.length),
    replies: new Int32Array(reached.length),
    mentions: new Int32Array(reached.length),
    people: new Int32Array(reached.length),
  };
  reached.forEach((r, i) => {
    reach.ids[i] = r.memberId;
    reach.replies[i] = r.repliesReceived;
    reach.mentions[i] = r.mentionsReceived;
    reach.people[i] = r.peopleReached;
  });

  const { members, ...model } = fitChurn(sqlite, churnOptions, { orders });
  const churn = {
    ...model,
    ids: new Int32Array(members.length),
    pAlive: new Float64Array(members.length),
    expected: new Float64Array(members.length),
    clv: new Float64Array(members.length),
  };
  members.forEach((m, i) => {
    churn.ids[i] = m.memberId;
    churn.pAlive[i] = m.pAlive;
    churn.expected[i] = m.expected;
    churn.clv[i] = m.clv ?? Number.NaN;
  });
  return { rfm, reach, churn };
}

/**
 * Walks a column sorted by member id alongside members visited in increasing id order: the
 * position of each asked id in the column, or -1.
 *
 * @example
 * const at = cursor(scores.rfm.ids);
 * at(7) // 0; at(9) // -1
 */
export function cursor(ids: Int32Array): (memberId: number) => number {
  let i = 0;
  return (memberId) => {
    while (i < ids.length && (ids[i] as number) < memberId) i += 1;
    return i < ids.length && ids[i] === memberId ? i : -1;
  };
}
