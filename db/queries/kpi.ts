/**
 * The KPI dashboard's SQL: reads over the rollups (member_daily through its day index,
 * activity_daily) and the KPI cache (kpi-cache.ts), never the activity table. Each function
 * returns plain numbers; shared/kpi/metrics.ts turns them into metrics.
 *
 * Per-kind totals come from activity_daily rather than member_daily's k_* columns: the totals are
 * the same, and activity_daily is keyed by day, where member_daily's kind columns would need a
 * table lookup per member-day (~40 ms a month at 100k members).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DayRange } from '../../shared/kpi/period';
import { SPELL_GAP_DAYS } from './kpi-cache';

/** Counts per day, sorted by day, with a prefix-sum lookup "how many on or before day d". */
export class DayCounts {
  private readonly days: number[];
  private readonly cumulative: number[];

  constructor(rows: readonly (readonly [number, number])[]) {
    this.days = rows.map((r) => r[0]);
    let sum = 0;
    this.cumulative = rows.map((r) => (sum += r[1]));
  }

  /** How many on or before `day`. */
  upTo(day: number): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.days[mid] ?? 0) <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : (this.cumulative[lo - 1] ?? 0);
  }

  /** How many within `range`, both ends included. */
  within(range: DayRange): number {
    return this.upTo(range.to) - this.upTo(range.from - 1);
  }
}

/** Prefix-sum views over kpi_day. */
export interface DayTotals {
  /** Members by local join day: members at any day, new in any range. */
  joins: DayCounts;
  /**
   * Members active in the 30 days ending a day, from activity spells: a member counts on day t
   * when one of their spells has start ≤ t ≤ end + 29, and one member's spells never overlap, so
   * MAU(t) = spells started by t − spells whose window closed before t.
   */
  mau: (day: number) => number;
  /** Members whose first / second paid-order day is on or before a day. */
  buyers: DayCounts;
  repeatBuyers: DayCounts;
}

/**
 * Reads kpi_day (a few hundred rows) into prefix sums.
 *
 * @example
 * const totals = dayTotals(sqlite);
 * totals.joins.upTo(period.to) // members_total
 * totals.mau(period.to) // distinct members active in the 30 days ending the period end
 */
export function dayTotals(sqlite: BetterSqlite3.Database): DayTotals {
  const rows = sqlite
    .prepare<[], [number, number, number, number, number, number]>(
      'SELECT day, joins, spell_starts, spell_ends, first_paid, second_paid FROM kpi_day ORDER BY day',
    )
    .raw()
    .all();
  const column = (i: 1 | 2 | 3 | 4 | 5): DayCounts => new DayCounts(rows.map((r) => [r[0], r[i]] as const));
  const starts = column(2);
  const ends = column(3);
  return {
    joins: column(1),
    mau: (day) => starts.upTo(day) - ends.upTo(day - SPELL_GAP_DAYS),
    buyers: column(4),
    repeatBuyers: column(5),
  };
}

/**
 * Members churned in a range: their last active day as of `range.to` lies in
 * [from − silence, to − silence], i.e. they crossed `silence` days without activity during the
 * range and had not come back by its end. One spell per member can qualify (the last before
 * `to`), so a count of spells is a count of members.
 *
 * @example
 * churnedIn(sqlite, { from: 20700, to: 20729 }, 60) // 6757
 */
export function churnedIn(sqlite: BetterSqlite3.Database, range: DayRange, silence: number): number {
  return (
    sqlite
      .prepare<[number, number, number], { n: number }>(
        'SELECT count(*) AS n FROM kpi_spell WHERE end_day BETWEEN ? AND ? AND (next_start IS NULL OR next_start > ?)',
      )
      .get(range.from - silence, range.to - silence, range.to)?.n ?? 0
  );
}

/**
 * Active members per day of a range (member_daily has one row per member and active day), with
 * days without activity left out.
 *
 * @example
 * dailyActive(sqlite, { from: 20700, to: 20701 }) // [[20700, 2567], [20701, 3119]]
 */
export function dailyActive(sqlite: BetterSqlite3.Database, range: DayRange): [number, number][] {
  return sqlite
    .prepare<[number, number], [number, number]>('SELECT day, count(*) FROM member_daily WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day')
    .raw()
    .all(range.from, range.to);
}

/**
 * Distinct members active on any day of a range (covered by the member_daily_day index).
 *
 * @example
 * distinctActive(sqlite, { from: 20729, to: 20758 }) // 31177
 */
export function distinctActive(sqlite: BetterSqlite3.Database, range: DayRange): number {
  return (
    sqlite
      .prepare<[number, number], { n: number }>('SELECT count(DISTINCT member_id) AS n FROM member_daily WHERE day BETWEEN ? AND ?')
      .get(range.from, range.to)?.n ?? 0
  );
}

/**
 * Events per kind in a range, from activity_daily.
 *
 * @example
 * kindTotals(sqlite, period) // { message: 18230, reply: 7011, … }
 */
export function kindTotals(sqlite: BetterSqlite3.Database, range: DayRange): Record<string, number> {
  const rows = sqlite
    .prepare<[number, number], [string, number]>('SELECT kind, sum(events) FROM activity_daily WHERE day BETWEEN ? AND ? GROUP BY kind ORDER BY kind')
    .raw()
    .all(range.from, range.to);
  return Object.fromEntries(rows);
}

/**
 * Events of one kind per day of a range.
 *
 * @example
 * kindByDay(sqlite, 'referral', range).within(month)
 */
export function kindByDay(sqlite: BetterSqlite3.Database, kind: string, range: DayRange): DayCounts {
  return new DayCounts(
    sqlite
      .prepare<[string, number, number], [number, number]>(
        'SELECT day, sum(events) FROM activity_daily WHERE kind = ? AND day BETWEEN ? AND ? GROUP BY day ORDER BY day',
      )
      .raw()
      .all(kind, range.from, range.to),
  );
}

/**
 * Distinct active members per calendar month (KPI cache), keyed by the month's first day.
 *
 * @example
 * monthlyActive(sqlite).get(dayNumber(2026, 10, 1)) // 52011
 */
export function monthlyActive(sqlite: BetterSqlite3.Database): Map<number, number> {
  return new Map(sqlite.prepare<[], [number, number]>('SELECT month_start, members FROM kpi_month_active').raw().all());
}

/** Members who joined on one day, and how many of them were active again by each as-of day. */
export interface JoinDayRetention {
  joinDay: number;
  size: number;
  /** Per as-of day: active on or after join + 1, 7, 30, 90 days, by that day. */
  retained: number[][];
}

/**
 * Retention counts by join day for members who joined within `joined`, as of each of `asOf`
 * (the period and its comparison period share one pass).
 *
 * @example
 * retentionByJoinDay(sqlite, { from: 20400, to: 20758 }, [20758])[0] // { joinDay: 20400, size: 180, retained: [[120, 90, 60, 41]] }
 */
export function retentionByJoinDay(sqlite: BetterSqlite3.Database, joined: DayRange, asOf: readonly number[]): JoinDayRetention[] {
  const columns = asOf.map(() => 'total(r1 <= ?), total(r7 <= ?), total(r30 <= ?), total(r90 <= ?)').join(', ');
  return sqlite
    .prepare<number[], number[]>(`SELECT join_day, count(*), ${columns} FROM kpi_member WHERE join_day BETWEEN ? AND ? GROUP BY join_day ORDER BY join_day`)
    .raw()
    .all(...asOf.flatMap((d) => [d, d, d, d]), joined.from, joined.to)
    .map(([joinDay = 0, size = 0, ...counts]) => ({ joinDay, size, retained: asOf.map((_, i) => counts.slice(4 * i, 4 * i + 4)) }));
}

/**
 * Paid orders and their amount between two instants (local day starts), over the order_ts index.
 *
 * @example
 * paidOrders(sqlite, startOf(period.from), startOf(period.to + 1)) // { orders: 5120, amount: 412300.5 }
 */
export function paidOrders(sqlite: BetterSqlite3.Database, fromTs: number, toTs: number): { orders: number; amount: number } {
  const row = sqlite
    .prepare<[number, number], { orders: number; amount: number }>(
      `SELECT count(*) AS orders, total(amount) AS amount FROM "order" WHERE ts >= ? AND ts < ? AND status = 'paid'`,
    )
    .get(fromTs, toTs);
  return { orders: row?.orders ?? 0, amount: row?.amount ?? 0 };
}

/**
 * Survey scores (0–10) answered between two instants, with their local day.
 *
 * @example
 * surveyScores(sqlite, fromTs, toTs) // [[20701, 9], [20703, 4], …]
 */
export function surveyScores(sqlite: BetterSqlite3.Database, fromTs: number, toTs: number): [number, number][] {
  return sqlite
    .prepare<[number, number], [number, number]>('SELECT day, score FROM survey_response WHERE ts >= ? AND ts < ? AND score IS NOT NULL')
    .raw()
    .all(fromTs, toTs);
}

/** What the last recompute says, now (member_score has no history). */
export interface ScoreSnapshot {
  scored: number;
  tiers: { tier: string; count: number }[];
  /** Members in the core and active circles, and the KOCs among them. */
  activeCircle: number;
  koc: number;
  clvSum: number;
  clvCount: number;
}

function readScoreSnapshot(sqlite: BetterSqlite3.Database): ScoreSnapshot {
  const rows = sqlite
    .prepare<[], { tier: string; n: number; circle: number; koc: number; clv: number; clvn: number }>(
      `SELECT tier, min(tier_rank) AS rank, count(*) AS n, total(circle IN ('core', 'active')) AS circle,
         total(is_koc = 1 AND circle IN ('core', 'active')) AS koc, total(clv) AS clv, count(clv) AS clvn
       FROM member_score GROUP BY tier ORDER BY rank, tier`,
    )
    .all();
  return {
    scored: rows.reduce((s, r) => s + r.n, 0),
    tiers: rows.map((r) => ({ tier: r.tier, count: r.n })),
    activeCircle: rows.reduce((s, r) => s + r.circle, 0),
    koc: rows.reduce((s, r) => s + r.koc, 0),
    clvSum: rows.reduce((s, r) => s + r.clv, 0),
    clvCount: rows.reduce((s, r) => s + r.clvn, 0),
  };
}

/**
 * Tiers, KOCs among active-circle members and CLV from member_score, kept in
 * kpi_score_snapshot until the next recompute (which rewrites member_score and member_model).
 *
 * @example
 * scoreSnapshot(sqlite).tiers // [{ tier: 'newcomer', count: 61000 }, …]
 */
export function scoreSnapshot(sqlite: BetterSqlite3.Database): ScoreSnapshot {
  const model = sqlite
    .prepare<[], { computed_at: number; as_of_day: number; merges: string }>(
      `SELECT computed_at, as_of_day,
         (SELECT coalesce(max(id), 0) || '/' || count(undone_at) FROM member_merge) AS merges
       FROM member_model WHERE id = 1`,
    )
    .get();
  if (!model) return readScoreSnapshot(sqlite);
  // Merges edit member_score rows without a recompute, so they are part of the key.
  const stamp = `${model.computed_at}|${model.as_of_day}|${model.merges}`;
  const cached = sqlite.prepare<[], { stamp: string; snapshot: string }>('SELECT stamp, snapshot FROM kpi_score_snapshot WHERE id = 1').get();
  if (cached?.stamp === stamp) return JSON.parse(cached.snapshot) as ScoreSnapshot;
  const snapshot = readScoreSnapshot(sqlite);
  sqlite.prepare<[string, string]>('INSERT OR REPLACE INTO kpi_score_snapshot (id, stamp, snapshot) VALUES (1, ?, ?)').run(stamp, JSON.stringify(snapshot));
  return snapshot;
}

/**
 * The first day with an event of this kind (does the workspace have such data at all, and since
 * when?), or null.
 *
 * @example
 * firstDayOf(sqlite, 'referral') // 20214
 */
export function firstDayOf(sqlite: BetterSqlite3.Database, kind: string): number | null {
  return sqlite.prepare<[string], { d: number | null }>('SELECT min(day) AS d FROM activity_daily WHERE kind = ?').get(kind)?.d ?? null;
}

/** Whether the workspace has any of each kind of data at all. */
export interface ImportedData {
  members: boolean;
  activity: boolean;
  orders: boolean;
  surveys: boolean;
}

/**
 * Whether the workspace has any live members, activity, orders (paid or not) and scored survey
 * answers at all (each stops at the first row), so the dashboard can tell an empty workspace and
 * a missing metric can say "never imported" rather than "none in this period".
 *
 * @example
 * importedData(sqlite) // { members: true, activity: true, orders: true, surveys: false }
 */
export function importedData(sqlite: BetterSqlite3.Database): ImportedData {
  const row = sqlite
    .prepare<[], { m: number; a: number; o: number; s: number }>(
      `SELECT EXISTS (SELECT 1 FROM member WHERE merged_into IS NULL) AS m, EXISTS (SELECT 1 FROM activity_daily) AS a,
         EXISTS (SELECT 1 FROM "order") AS o, EXISTS (SELECT 1 FROM survey_response WHERE score IS NOT NULL) AS s`,
    )
    .get();
  return { members: row?.m === 1, activity: row?.a === 1, orders: row?.o === 1, surveys: row?.s === 1 };
}
