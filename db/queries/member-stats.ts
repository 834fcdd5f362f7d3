/**
 * What the member engines read besides the population (member-population.ts): one member's
 * activity over member_daily, orders, manual points entries and reply reach. Each returns plain
 * rows; the engines in shared/members decide what they mean.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { MemberRules } from '../../shared/members/rules';
import { keysetPages } from './pages';

/** Rows per page of the order scan (see pages.ts); tests pass small ones to cross pages. */
const PAGE = 5000;

/** One member's activity over member_daily, up to the as-of day. */
export interface MemberActivityStats {
  memberId: number;
  earnedTotal: number;
  /** Points earned in the tier window ending on the as-of day. */
  earnedWindow: number;
  /** Points earned in the tier window ending the day before the latest review day. */
  earnedAtReview: number;
  firstActiveDay: number;
  lastActiveDay: number;
  activeDays: number;
  activeDays30: number;
  activeDaysInCoreWindow: number;
  activeDaysInActiveWindow: number;
  activeDaysInEngagedWindow: number;
  firstActiveDayInEngagedWindow: number | null;
  lastActiveDayBeforeEngagedWindow: number | null;
  reactionsReceived: number;
  referrals: number;
}

export interface ActivityStatsParams {
  asOfDay: number;
  reviewDay: number;
  rules: MemberRules;
  /** Only this member (explaining one member's scores). */
  memberId?: number;
}

/**
 * Streams per-member activity statistics, in member id order, in one pass over member_daily.
 *
 * @example
 * for (const stats of memberActivityStats(sqlite, { asOfDay, reviewDay, rules })) tally(stats);
 */
export function memberActivityStats(sqlite: BetterSqlite3.Database, params: ActivityStatsParams): IterableIterator<MemberActivityStats> {
  const { asOfDay, reviewDay, rules } = params;
  const points = 'points';
  // Window lengths go in as literals (validated whole numbers): with the defaults they are all 30
  // days, and SQLite computes textually identical aggregates once.
  const core = Math.trunc(rules.circles.core.withinDays);
  const active = Math.trunc(rules.circles.active.withinDays);
  const engaged = Math.trunc(rules.lifecycle.engagedWithinDays);
  const window = rules.tiers.windowDays;
  const statement = sqlite.prepare<Record<string, number>, MemberActivityStats>(`
    SELECT member_id AS memberId,
      total(${points}) AS earnedTotal,
      total(CASE WHEN day > @asOf - @window THEN ${points} END) AS earnedWindow,
      total(CASE WHEN day >= @review - @window AND day < @review THEN ${points} END) AS earnedAtReview,
      min(day) AS firstActiveDay,
      max(day) AS lastActiveDay,
      count(*) AS activeDays,
      count(*) FILTER (WHERE day > @asOf - 30) AS activeDays30,
      count(*) FILTER (WHERE day > @asOf - ${core}) AS activeDaysInCoreWindow,
      count(*) FILTER (WHERE day > @asOf - ${active}) AS activeDaysInActiveWindow,
      count(*) FILTER (WHERE day > @asOf - ${engaged}) AS activeDaysInEngagedWindow,
      min(day) FILTER (WHERE day > @asOf - ${engaged}) AS firstActiveDayInEngagedWindow,
      max(day) FILTER (WHERE day <= @asOf - ${engaged}) AS lastActiveDayBeforeEngagedWindow,
      total(reactions_received) AS reactionsReceived,
      total(k_referral) AS referrals
    FROM member_daily
    WHERE day <= @asOf${params.memberId === undefined ? '' : ' AND member_id = @member'}
    GROUP BY member_id
    ORDER BY member_id`);
  return statement.iterate({
    asOf: asOfDay,
    review: reviewDay,
    window,
    ...(params.memberId === undefined ? {} : { member: params.memberId }),
  });
}

/** One member's paid orders up to the as-of day. */
export interface MemberOrderStats {
  memberId: number;
  orders: number;
  amount: number;
  firstDay: number;
  lastDay: number;
  orderDays: number;
  /** What the member spent on their first order day (left out of mean repeat spend). */
  firstDayAmount: number;
}

/**
 * Per-member order statistics for RFM and the spend model (one member's when `memberId` is given).
 *
 * One scan of the paid orders, aggregated here: grouping them in SQL sorted every order by
 * member through a temporary B-tree (~1.4 s for 800k orders; this is ~1.0 s). Distinct order days
 * come from sorting (member, day) pairs, which also puts the members in id order.
 *
 * @example
 * const byMember = new Map(memberOrderStats(sqlite, asOfDay).map((s) => [s.memberId, s]));
 */
export function memberOrderStats(sqlite: BetterSqlite3.Database, asOfDay: number, memberId?: number, pageSize = PAGE): MemberOrderStats[] {
  const one = memberId === undefined ? '' : ' AND member_id = @member';
  const page = sqlite
    .prepare<Record<string, number>, [number, number, number, number]>(
      `SELECT id, member_id, day, amount FROM "order"
       WHERE status = 'paid' AND day <= @asOf AND id > @after${one} ORDER BY id LIMIT @limit`,
    )
    .raw();
  const slotOf = new Map<number, number>();
  const orders: number[] = [];
  const amount: number[] = [];
  const firstDay: number[] = [];
  const firstDayAmount: number[] = [];
  const members: number[] = [];
  const days: number[] = [];
  const params = { asOf: asOfDay, ...(memberId === undefined ? {} : { member: memberId }) };
  for (const rows of keysetPages((after) => page.all({ ...params, after, limit: pageSize }), pageSize, (row) => row[0])) {
    for (const [, member, day, paid] of rows) {
      let slot = slotOf.get(member);
      if (slot === undefined) {
        slot = orders.length;
        slotOf.set(member, slot);
        orders.push(0);
        amount.push(0);
        firstDay.push(day);
        firstDayAmount.push(0);
      }
      orders[slot] = (orders[slot] ?? 0) + 1;
      amount[slot] = (amount[slot] ?? 0) + paid;
      if (day < (firstDay[slot] ?? day)) {
        firstDay[slot] = day;
        firstDayAmount[slot] = paid;
      } else if (day === firstDay[slot]) firstDayAmount[slot] = (firstDayAmount[slot] ?? 0) + paid;
      members.push(member);
      days.push(day);
    }
  }
  const out: MemberOrderStats[] = [];
  let current: MemberOrderStats | undefined;
  for (const [member, day] of sortedPairs(members, days)) {
    if (current?.memberId === member && current.lastDay === day) continue;
    if (current?.memberId !== member) {
      const slot = slotOf.get(member) ?? 0;
      current = {
        memberId: member,
        orders: orders[slot] ?? 0,
        amount: amount[slot] ?? 0,
        firstDay: day,
        lastDay: day,
        orderDays: 0,
        firstDayAmount: firstDayAmount[slot] ?? 0,
      };
      out.push(current);
    }
    current.lastDay = day;
    current.orderDays += 1;
  }
  return out;
}

/**
 * (member, day) pairs in order. Packed into one number each and sorted as a Float64Array (native,
 * ~10x faster than sorting pairs with a comparator), unless ids and the span of days are too
 * large to pack exactly.
 *
 * @example
 * [...sortedPairs([7, 3, 7], [20, 5, 10])] // [[3, 5], [7, 10], [7, 20]]
 */
function* sortedPairs(members: readonly number[], days: readonly number[]): Generator<[number, number]> {
  let low = Infinity;
  let high = -Infinity;
  let top = 0;
  for (let i = 0; i < days.length; i += 1) {
    low = Math.min(low, days[i] ?? 0);
    high = Math.max(high, days[i] ?? 0);
    top = Math.max(top, members[i] ?? 0);
  }
  const span = high - low + 1;
  if (Number.isSafeInteger((top + 1) * span)) {
    const keys = new Float64Array(days.length);
    for (let i = 0; i < keys.length; i += 1) keys[i] = (members[i] ?? 0) * span + ((days[i] ?? 0) - low);
    keys.sort();
    for (const key of keys) {
      const member = Math.floor(key / span);
      yield [member, key - member * span + low];
    }
    return;
  }
  const order = Array.from(days, (_, i) => i).sort((a, b) => (members[a] ?? 0) - (members[b] ?? 0) || (days[a] ?? 0) - (days[b] ?? 0));
  for (const i of order) yield [members[i] ?? 0, days[i] ?? 0];
}

/** Distinct order days (or activity days) per member, for the churn model's repeat histories. */
export interface EventDays {
  memberId: number;
  firstDay: number;
  lastDay: number;
  days: number;
}

/**
 * First, last and count of distinct event days per member up to the as-of day, from paid orders
 * or from activity.
 *
 * @example
 * eventDays(sqlite, 'orders', asOfDay) // [{ memberId: 4, firstDay: 9862, lastDay: 9900, days: 3 }, …]
 */
export function eventDays(sqlite: BetterSqlite3.Database, source: 'orders' | 'activity', asOfDay: number): EventDays[] {
  // Activity days with nothing after the as-of day are member_total's figures (one row per member).
  if (source === 'activity' && !sqlite.prepare('SELECT 1 FROM member_daily INDEXED BY member_daily_day WHERE day > ? LIMIT 1').get(asOfDay)) {
    return sqlite
      .prepare<[], EventDays>(
        `SELECT member_id AS memberId, first_day AS firstDay, last_day AS lastDay, active_days AS days
         FROM member_total WHERE active_days > 0 ORDER BY member_id`,
      )
      .all();
  }
  const sql =
    source === 'orders'
      ? `SELECT member_id AS memberId, min(day) AS firstDay, max(day) AS lastDay, count(DISTINCT day) AS days
         FROM "order" WHERE status = 'paid' AND day <= @asOf GROUP BY member_id ORDER BY member_id`
      : `SELECT member_id AS memberId, min(day) AS firstDay, max(day) AS lastDay, count(*) AS days
         FROM member_daily WHERE day <= @asOf GROUP BY member_id ORDER BY member_id`;
  return sqlite.prepare<{ asOf: number }, EventDays>(sql).all({ asOf: asOfDay });
}

/**
 * True when the workspace holds paid orders (the churn model then runs on orders by default).
 *
 * @example
 * hasOrders(sqlite) // false for a chat-only workspace
 */
export function hasOrders(sqlite: BetterSqlite3.Database): boolean {
  return sqlite.prepare(`SELECT 1 FROM "order" WHERE status = 'paid' LIMIT 1`).get() !== undefined;
}

/** Manual points per member: the sum, and each debit's day for FIFO expiry. */
export interface ManualPoints {
  memberId: number;
  day: number;
  kind: 'grant' | 'deduct' | 'redeem';
  /** Signed: positive for grants. */
  points: number;
}

/**
 * Grants, deductions and redemptions (not expiries, which a recompute derives afresh), by member.
 *
 * @example
 * manualPoints(sqlite, asOfDay) // [{ memberId: 7, day: 20400, kind: 'grant', points: 50 }, …]
 */
export function manualPoints(sqlite: BetterSqlite3.Database, asOfDay: number, memberId?: number): ManualPoints[] {
  return sqlite
    .prepare<Record<string, number>, ManualPoints>(
      `SELECT member_id AS memberId, day, kind, points FROM points_entry
       WHERE kind <> 'expire' AND day <= @asOf${memberId === undefined ? '' : ' AND member_id = @member'} ORDER BY member_id, day, id`,
    )
    .all(memberId === undefined ? { asOf: asOfDay } : { asOf: asOfDay, member: memberId });
}

/** What other members' replies and mentions gave one member, and how many people wrote them. */
export interface MemberReach {
  memberId: number;
  repliesReceived: number;
  /** Activities by others that mention the member (each counted once, however often it names them). */
  mentionsReceived: number;
  /** Distinct other members who replied to or mentioned them. */
  peopleReached: number;
}

/**
 * Replies received, mentions received and distinct people reached per member, over what was
 * written up to the as-of day. Self-replies and self-mentions are left out, and so is a mention of
 * the author a reply answers (Discord puts the replied-to author in a reply's mentions; it is one
 * reply, not a reply and a mention). Members with none of these have no row.
 *
 * @example
 * memberReach(sqlite, asOfDay) // [{ memberId: 3, repliesReceived: 12, mentionsReceived: 4, peopleReached: 7 }]
 */
export function memberReach(sqlite: BetterSqlite3.Database, asOfDay: number): MemberReach[] {
  return sqlite.prepare<{ asOf: number }, MemberReach>(memberReachSql(false)).all({ asOf: asOfDay });
}

/**
 * One member's reach, by the same query as `memberReach` narrowed to them (the member drawer's
 * explanation must match what the recompute stored).
 *
 * @example
 * oneMemberReach(sqlite, asOfDay, 3) // { memberId: 3, repliesReceived: 12, mentionsReceived: 4, peopleReached: 7 }
 */
export function oneMemberReach(sqlite: BetterSqlite3.Database, asOfDay: number, memberId: number): MemberReach {
  const row = sqlite
    .prepare<{ asOf: number; member: number }, MemberReach>(memberReachSql(true))
    .get({ asOf: asOfDay, member: memberId });
  return row ?? { memberId, repliesReceived: 0, mentionsReceived: 0, peopleReached: 0 };
}

/**
 * The reach query (exported so a test can check its plans), for everyone or for `@member`: links
 * (target, actor, mentioning activity or NULL for a reply) grouped by target. Replies come from
 * their own partial index (activity_replies). Mentions are resolved through identity, by external
 * id or by lower-cased handle (identity_handle), so they follow identities through merges and
 * name people imported later; a message naming one member twice (two identities, or id and
 * handle) counts once, as one distinct activity.
 *
 * For everyone, the mentions are read in activity id order (their key), each with its activity,
 * then the identity it names: at 1,000,000 members (222,000 mentions) the query takes 1.4–1.6 s
 * against 2.0 s in target order (the index by target), and 4–5 s against 15 s from a cold file.
 * `activity_id > 0` with `+by_handle` (no index on it) is what makes the planner walk the key.
 * For one member, from their identities to the mentions naming them (CROSS JOIN keeps that
 * order: without statistics the planner takes `by_handle = ?` for ten rows and would read every
 * mention).
 *
 * @example
 * sqlite.prepare(memberReachSql(true)).get({ asOf: 20781, member: 3 })
 */
export function memberReachSql(one: boolean): string {
  const only = (column: string): string => (one ? ` AND ${column} = @member` : '');
  const mentions = (byHandle: 0 | 1): string => {
    // `+` drops m.target's TEXT affinity from the comparison, which identity_handle (an expression
    // index, without affinity) needs; from one member's identities the lookup goes the other way.
    const names = byHandle
      ? `i.handle IS NOT NULL AND lower(i.handle) = ${one ? '' : '+'}m.target`
      : 'i.external_id = m.target';
    const from = one
      ? `identity i CROSS JOIN activity_mention m ON m.by_handle = ${byHandle} AND ${names}
         CROSS JOIN activity a ON a.id = m.activity_id AND a.source = i.source`
      : `activity_mention m JOIN activity a ON a.id = m.activity_id
         JOIN identity i ON i.source = a.source AND ${names}`;
    return `
    SELECT i.member_id AS target, a.member_id AS actor, a.id AS mention
    FROM ${from}
    WHERE ${one ? '' : 'm.activity_id > 0 AND +'}m.by_handle = ${byHandle} AND a.day <= @asOf
      AND i.member_id <> a.member_id${only('i.member_id')}
      AND NOT EXISTS (
        SELECT 1 FROM activity q WHERE q.source = a.source AND q.external_id = a.reply_to AND q.member_id = i.member_id)`;
  };
  return `SELECT ${one ? '@member' : 'target'} AS memberId, count(*) FILTER (WHERE mention IS NULL) AS repliesReceived,
    count(DISTINCT mention) AS mentionsReceived, count(DISTINCT actor) AS peopleReached
  FROM (
    SELECT p.member_id AS target, r.member_id AS actor, NULL AS mention
    FROM activity r JOIN activity p ON p.source = r.source AND p.external_id = r.reply_to
    WHERE r.reply_to IS NOT NULL AND r.day <= @asOf AND r.member_id <> p.member_id${only('p.member_id')}
    UNION ALL${mentions(0)}
    UNION ALL${mentions(1)}
  )${one ? '' : ' GROUP BY target ORDER BY target'}`;
}

/** A live member's first and last seen (UTC ms), what the engines need beyond the rollups. */
export interface MemberBasics {
  memberId: number;
  firstSeen: number | null;
  lastSeen: number | null;
}

/**
 * Every live (not merged-away) member, in id order.
 *
 * @example
 * memberBasics(sqlite)[0] // { memberId: 1, firstSeen: 1767225600000, lastSeen: 1796947200000 }
 */
export function memberBasics(sqlite: BetterSqlite3.Database): MemberBasics[] {
  return sqlite
    .prepare<[], MemberBasics>(
      'SELECT id AS memberId, first_seen AS firstSeen, last_seen AS lastSeen FROM member WHERE merged_into IS NULL ORDER BY id',
    )
    .all();
}
