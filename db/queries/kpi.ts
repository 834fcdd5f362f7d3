/**
 * The KPI dashboard's SQL: reads over the KPI cache (kpi-cache.ts) and activity_daily, whose rows
 * are per day or month, so a warm dashboard costs the same at 100k and 1M members; member_daily
 * is read only for "active in the period" when the period's length has no cached window. Never
 * the activity table. Each function
 * returns plain numbers; shared/kpi/metrics.ts turns them into metrics.
 *
 * Per-kind totals come from activity_daily rather than member_daily's k_* columns: the totals are
 * the same, and activity_daily is keyed by day, where member_daily's kind columns would need a
 * table lookup per member-day (~40 ms a month at 100k members).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { DayRange } from '../../shared/kpi/period';
import { ACTIVE_WINDOWS, SPELL_GAP_DAYS } from './kpi-cache';

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
  /**
   * Distinct members active on any day of a range whose length is one of the cached windows
   * (1, 7 or 90 days), from kpi_window_day; null for other lengths.
   */
  activeWithin: (range: DayRange) => number | null;
  /** Active members per day of a range, days without activity left out. */
  dailyActive: (range: DayRange) => [number, number][];
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
  const windowRows = sqlite
    .prepare<[], [number, number, number, number]>('SELECT window_days, day, starts, ends FROM kpi_window_day ORDER BY window_days, day')
    .raw()
    .all();
  const windows = new Map<number, (day: number) => number>(
    ACTIVE_WINDOWS.map((w) => {
      const rows = windowRows.filter((r) => r[0] === w);
      const windowStarts = new DayCounts(rows.map((r) => [r[1], r[2]] as const));
      const windowEnds = new DayCounts(rows.map((r) => [r[1], r[3]] as const));
      // Spells cover start..end + w - 1: those started by t whose cover has not closed before t.
      return [w, (day: number): number => windowStarts.upTo(day) - windowEnds.upTo(day - w)] as const;
    }),
  );
  const daily = windows.get(1);
  return {
    joins: column(1),
    mau: (day) => starts.upTo(day) - ends.upTo(day - SPELL_GAP_DAYS),
    buyers: column(4),
    repeatBuyers: column(5),
    activeWithin: (range) => windows.get(range.to - range.from + 1)?.(range.to) ?? null,
    dailyActive: (range) => {
      const out: [number, number][] = [];
      for (let day = range.from; daily && day <= range.to; day += 1) {
        const n = daily(day);
        if (n > 0) out.push([day, n]);
      }
      return out;
    },
  };
}

/**
 * Members churned in a range: their last active day as of `range.to` lies in
 * [from − silence, to − silence], i.e. they crossed `silence` days without activity during the
 * range and had not come back by its end. One spell per member can qualify (the last before
 * `to`), so a count of spells is a count of members: the spells ending in that window (kpi_day)
 * minus those followed by a spell starting by `to` (kpi_spell_return).
 *
 * @example
 * churnedIn(sqlite, { from: 20700, to: 20729 }, 60) // 6757
 */
export function churnedIn(sqlite: BetterSqlite3.Database, range: DayRange, silence: number): number {
  return (
    sqlite
      .prepare<[number, number, number, number, number], { n: number }>(
        `SELECT (SELECT total(spell_ends) FROM kpi_day WHERE day BETWEEN ? AND ?)
           - (SELECT total(spells) FROM kpi_spell_return WHERE end_day BETWEEN ? AND ? AND next_start <= ?) AS n`,
      )
      .get(range.from - silence, range.to - silence, range.from - silence, range.to - silence, range.to)?.n ?? 0
  );
}

/**
 * Distinct members active on any day of a range (covered by the member_daily_day index): the
 * fallback for periods whose length has no cached window (a member_daily scan, ~10 ms per week of
 * range at 1M members).
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

/** How many members of a join month first reached a retention horizon on one day. */
export interface RetentionReached {
  /** Day number of the first of the join month. */
  joinMonth: number;
  /** 1, 7, 30 or 90 days after joining. */
  horizon: number;
  /** The first active day on or after join + horizon. */
  reachedDay: number;
  members: number;
}

/**
 * Retention counts for join months from `joinMonths.from` to `joinMonths.to` (first days of
 * months): a cohort retained at horizon h as of day t is the sum of `members` with
 * `reachedDay <= t`.
 *
 * @example
 * retentionReached(sqlite, { from: 20362, to: 20727 })[0] // { joinMonth: 20362, horizon: 1, reachedDay: 20363, members: 41 }
 */
export function retentionReached(sqlite: BetterSqlite3.Database, joinMonths: DayRange): RetentionReached[] {
  return sqlite
    .prepare<[number, number], RetentionReached>(
      `SELECT join_month AS joinMonth, horizon, reached_day AS reachedDay, members FROM kpi_retention
       WHERE join_month BETWEEN ? AND ? ORDER BY join_month, horizon, reached_day`,
    )
    .all(joinMonths.from, joinMonths.to);
}

/**
 * Paid orders and their amount on the local days of a range (kpi_order_day).
 *
 * @example
 * paidOrders(sqlite, period) // { orders: 5120, amount: 412300.5 }
 */
export function paidOrders(sqlite: BetterSqlite3.Database, range: DayRange): { orders: number; amount: number } {
  const row = sqlite
    .prepare<[number, number], { orders: number; amount: number }>('SELECT total(orders) AS orders, total(amount) AS amount FROM kpi_order_day WHERE day BETWEEN ? AND ?')
    .get(range.from, range.to);
  return { orders: row?.orders ?? 0, amount: row?.amount ?? 0 };
}

/**
 * Survey scores (0–10) answered on the local days of a range, one entry per response, with the
 * day each is reported under (kpi_survey_day).
 *
 * @example
 * surveyScores(sqlite, range) // [[20701, 9], [20703, 4], …]
 */
export function surveyScores(sqlite: BetterSqlite3.Database, range: DayRange): [number, number][] {
  const rows = sqlite
    .prepare<[number, number], [number, number, number]>('SELECT day, score, responses FROM kpi_survey_day WHERE ts_day BETWEEN ? AND ?')
    .raw()
    .all(range.from, range.to);
  const out: [number, number][] = [];
  for (const [day, score, responses] of rows) for (let i = 0; i < responses; i += 1) out.push([day, score]);
  return out;
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

/**
 * Members by the source of their first identity, as prefix sums over join days (kpi_source_day):
 * members at any day and new in any range, per source ('' for members without an identity).
 *
 * @example
 * sourceJoins(sqlite).get('wecom')?.within(period) // new members from WeCom in the period
 */
export function sourceJoins(sqlite: BetterSqlite3.Database): Map<string, DayCounts> {
  const rows = sqlite.prepare<[], [string, number, number]>('SELECT source, day, joins FROM kpi_source_day ORDER BY source, day').raw().all();
  const bySource = new Map<string, [number, number][]>();
  for (const [source, day, joins] of rows) {
    const list = bySource.get(source) ?? [];
    list.push([day, joins]);
    bySource.set(source, list);
  }
  return new Map([...bySource].map(([source, list]) => [source, new DayCounts(list)]));
}

/**
 * Activity events per source and channel ('' when the source has no channels) in a range, from
 * activity_daily (keyed by day first, so a range reads only its days), most events first.
 *
 * @example
 * channelEvents(sqlite, period) // [{ source: 'wecom', channel: '咖啡群', events: 18230 }, …]
 */
export function channelEvents(sqlite: BetterSqlite3.Database, range: DayRange): { source: string; channel: string; events: number }[] {
  return sqlite
    .prepare<[number, number], { source: string; channel: string; events: number }>(
      `SELECT source, channel, sum(events) AS events FROM activity_daily WHERE day BETWEEN ? AND ?
       GROUP BY source, channel ORDER BY events DESC, source, channel`,
    )
    .all(range.from, range.to);
}
