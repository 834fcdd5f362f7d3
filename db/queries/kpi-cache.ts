/**
 * The KPI cache (migrations 0005 and 0008): per-day counts of joins, spell starts and ends and
 * first/second paid-order days; retention as member counts by join month, horizon and the day the
 * horizon was reached; spells that were followed by a return; activity spells for 1-, 7- and
 * 90-day windows; and distinct active members per month, derived from member, member_daily and
 * "order" in one pass in member order; and (0009) members by join day and first identity's source. Every table is keyed by days or months, never members, so
 * the dashboard's reads do not grow with the workspace (~1 s warm at 1M members when retention
 * and churn were per-member rows). The pass itself runs only when the data changed.
 *
 * Staleness: every write path that changes member_daily, member.first_seen or orders is an
 * import, an undo or a merge, each of which leaves a trace in import_batch or member_merge; row
 * counts catch the rest (the demo generator writes without batches). The time zone is part of
 * the stamp because join days are local days.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { dayResolver, dayNumber } from '../../shared/time';

/** A member's spell ends when more than this many days pass without activity (the MAU window). */
export const SPELL_GAP_DAYS = 30;
const RETENTION_DAYS = [1, 7, 30, 90] as const;
/**
 * Windows (days) with their own spells in kpi_window_day: 1 gives daily actives, 7 WAU and 7-day
 * periods, 90 the 90-day period. Unlike the 30-day spells these count every member_daily row, as
 * the member_daily counts they replace did.
 */
export const ACTIVE_WINDOWS = [1, 7, 90] as const;

/**
 * The fingerprint of the data the cache derives from.
 *
 * @example
 * kpiCacheStamp(sqlite, 'Asia/Shanghai') // 'Asia/Shanghai|b12/0|m3/1|d882266|o87282|s14993|n100000' (n: the highest member id)
 */
export function kpiCacheStamp(sqlite: BetterSqlite3.Database, timeZone: string): string {
  const row = sqlite
    .prepare<[], { b: number; bu: number; m: number; mu: number; d: number; o: number; s: number; n: number }>(
      `SELECT
         (SELECT coalesce(max(id), 0) FROM import_batch) AS b,
         (SELECT count(*) FROM import_batch WHERE status = 'undone') AS bu,
         (SELECT coalesce(max(id), 0) FROM member_merge) AS m,
         (SELECT count(*) FROM member_merge WHERE undone_at IS NOT NULL) AS mu,
         (SELECT count(*) FROM member_daily) AS d,
         (SELECT count(*) FROM "order") AS o,
         (SELECT count(*) FROM survey_response) AS s,
         (SELECT coalesce(max(id), 0) FROM member) AS n`,
    )
    .get();
  if (!row) throw new Error('kpiCacheStamp: no row');
  return `${timeZone}|b${row.b}/${row.bu}|m${row.m}/${row.mu}|d${row.d}|o${row.o}|s${row.s}|n${row.n}`;
}

/** The day number of the first of the month holding `day`. */
function monthStartOf(day: number): number {
  const date = new Date(day * 86_400_000);
  return dayNumber(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/**
 * Rebuilds the cache when its stamp differs from the data's; returns true when it rebuilt.
 * Runs in one transaction, so a reader never sees half a cache.
 *
 * @example
 * ensureKpiCache(sqlite, 'Asia/Shanghai', Date.now()) // true the first time, then false
 */
export function ensureKpiCache(sqlite: BetterSqlite3.Database, timeZone: string, now: number): boolean {
  const stamp = kpiCacheStamp(sqlite, timeZone);
  const current = sqlite.prepare<[], { stamp: string }>('SELECT stamp FROM kpi_cache WHERE id = 1').get();
  if (current?.stamp === stamp) return false;
  sqlite.transaction(() => rebuildKpiCache(sqlite, timeZone, stamp, now))();
  return true;
}

interface MemberAcc {
  joinDay: number;
  r: (number | null)[];
  paidDays: number;
}

/** Per-day counters of kpi_day. */
class DayTally {
  readonly rows = new Map<number, [number, number, number, number, number]>();

  add(day: number, column: 0 | 1 | 2 | 3 | 4): void {
    let row = this.rows.get(day);
    if (!row) {
      row = [0, 0, 0, 0, 0];
      this.rows.set(day, row);
    }
    row[column] += 1;
  }
}

/** Adds one to a counter keyed by a number. */
function bump(counts: Map<number, number>, key: number, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

function rebuildKpiCache(sqlite: BetterSqlite3.Database, timeZone: string, stamp: string, now: number): void {
  sqlite.exec('DELETE FROM kpi_retention; DELETE FROM kpi_day; DELETE FROM kpi_spell_return; DELETE FROM kpi_window_day; DELETE FROM kpi_month_active; DELETE FROM kpi_order_day; DELETE FROM kpi_survey_day; DELETE FROM kpi_source_day;');
  const dayOf = dayResolver(timeZone);
  const tally = new DayTally();
  const members = new Map<number, MemberAcc>();
  const memberRows = sqlite
    .prepare<[], [number, number]>('SELECT id, first_seen FROM member WHERE merged_into IS NULL AND first_seen IS NOT NULL')
    .raw()
    .iterate();
  for (const [id, firstSeen] of memberRows) {
    const joinDay = dayOf(firstSeen);
    members.set(id, { joinDay, r: [null, null, null, null], paidDays: 0 });
    tally.add(joinDay, 0);
  }

  // Distinct paid days per member, in order: the first two are all repeat-purchase needs.
  const paid = sqlite
    .prepare<[], [number, number]>(`SELECT DISTINCT member_id, day FROM "order" WHERE status = 'paid' ORDER BY member_id, day`)
    .raw()
    .iterate();
  for (const [memberId, day] of paid) {
    const m = members.get(memberId);
    if (!m || m.paidDays >= 2) continue;
    tally.add(day, m.paidDays === 0 ? 3 : 4);
    m.paidDays += 1;
  }

  // Spells followed by a return, keyed end_day * 2^20 + next_start (days stay below 2^20 until 4840).
  const returns = new Map<number, number>();
  const addSpell = (start: number, end: number, next: number | null): void => {
    tally.add(start, 1);
    tally.add(end, 2);
    if (next !== null) bump(returns, end * 2 ** 20 + next);
  };
  const windowStarts = ACTIVE_WINDOWS.map(() => new Map<number, number>());
  const windowEnds = ACTIVE_WINDOWS.map(() => new Map<number, number>());
  const monthActive = new Map<number, number>();
  let monthLo = 1;
  let monthHi = 0;
  let monthStart = 0;
  let current = -1;
  let acc: MemberAcc | undefined;
  let spellStart = 0;
  let last = 0;
  let lastMonth = -1;
  const finishMember = (): void => {
    if (current === -1) return;
    if (acc) addSpell(spellStart, last, null);
    for (const ends of windowEnds) bump(ends, last);
  };
  // PRIMARY KEY (member_id, day) order: one sequential pass, no sort.
  const days = sqlite.prepare<[], [number, number]>('SELECT member_id, day FROM member_daily ORDER BY member_id, day').raw().iterate();
  for (const [memberId, day] of days) {
    if (memberId !== current) {
      finishMember();
      current = memberId;
      acc = members.get(memberId);
      spellStart = day;
      lastMonth = -1;
      for (const starts of windowStarts) bump(starts, day);
    } else {
      const gap = day - last;
      if (acc && gap > SPELL_GAP_DAYS) {
        addSpell(spellStart, last, day);
        spellStart = day;
      }
      for (let w = 0; w < ACTIVE_WINDOWS.length; w += 1) {
        if (gap > (ACTIVE_WINDOWS[w] ?? 0)) {
          bump(windowEnds[w] ?? new Map(), last);
          bump(windowStarts[w] ?? new Map(), day);
        }
      }
    }
    last = day;
    if (!acc) continue;
    for (let i = 0; i < RETENTION_DAYS.length; i += 1) {
      if (acc.r[i] === null && day >= acc.joinDay + (RETENTION_DAYS[i] ?? 0)) acc.r[i] = day;
    }
    // Month of the day, recomputed only when the day leaves the cached month.
    if (day < monthLo || day > monthHi) {
      monthStart = monthStartOf(day);
      monthLo = monthStart;
      monthHi = monthStartOf(monthStart + 31) - 1;
    }
    if (monthStart !== lastMonth) {
      bump(monthActive, monthStart);
      lastMonth = monthStart;
    }
  }
  finishMember();

  // Retention as counts per (join month, horizon, reached day).
  const joinMonths = new Map<number, number>();
  const retention = new Map<string, number>();
  for (const m of members.values()) {
    let joinMonth = joinMonths.get(m.joinDay);
    if (joinMonth === undefined) {
      joinMonth = monthStartOf(m.joinDay);
      joinMonths.set(m.joinDay, joinMonth);
    }
    for (let i = 0; i < RETENTION_DAYS.length; i += 1) {
      const reached = m.r[i];
      if (reached !== null && reached !== undefined) {
        const key = `${joinMonth}|${RETENTION_DAYS[i] ?? 0}|${reached}`;
        retention.set(key, (retention.get(key) ?? 0) + 1);
      }
    }
  }
  const insertRetention = sqlite.prepare<[number, number, number, number]>(
    'INSERT INTO kpi_retention (join_month, horizon, reached_day, members) VALUES (?, ?, ?, ?)',
  );
  for (const [key, count] of retention) {
    const [joinMonth = 0, horizon = 0, reached = 0] = key.split('|').map(Number);
    insertRetention.run(joinMonth, horizon, reached, count);
  }
  const insertReturn = sqlite.prepare<[number, number, number]>('INSERT INTO kpi_spell_return (end_day, next_start, spells) VALUES (?, ?, ?)');
  for (const [key, count] of returns) insertReturn.run(Math.floor(key / 2 ** 20), key % 2 ** 20, count);
  const insertWindow = sqlite.prepare<[number, number, number, number]>('INSERT INTO kpi_window_day (window_days, day, starts, ends) VALUES (?, ?, ?, ?)');
  ACTIVE_WINDOWS.forEach((windowDays, w) => {
    const starts = windowStarts[w] ?? new Map<number, number>();
    const ends = windowEnds[w] ?? new Map<number, number>();
    for (const day of new Set([...starts.keys(), ...ends.keys()])) insertWindow.run(windowDays, day, starts.get(day) ?? 0, ends.get(day) ?? 0);
  });
  const insertDay = sqlite.prepare<[number, number, number, number, number, number]>(
    'INSERT INTO kpi_day (day, joins, spell_starts, spell_ends, first_paid, second_paid) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const [day, row] of tally.rows) insertDay.run(day, ...row);
  const insertMonth = sqlite.prepare<[number, number]>('INSERT INTO kpi_month_active (month_start, members) VALUES (?, ?)');
  for (const [month, count] of monthActive) insertMonth.run(month, count);
  rebuildSources(sqlite, members);
  rebuildOrdersAndSurveys(sqlite, dayOf);
  sqlite.prepare<[string, number]>('INSERT OR REPLACE INTO kpi_cache (id, stamp, built_at) VALUES (1, ?, ?)').run(stamp, now);
}

/**
 * Live members by join day and the source of their first identity (lowest identity id: the one
 * imported first, which survives merges because merges move identities, not ids). Members with
 * no identity count under ''.
 */
function rebuildSources(sqlite: BetterSqlite3.Database, members: ReadonlyMap<number, MemberAcc>): void {
  const firstSource = new Map<number, string>();
  // SQLite takes the bare column `source` from the row holding min(id).
  for (const [memberId, source] of sqlite
    .prepare<[], [number, string, number]>('SELECT member_id, source, min(id) FROM identity GROUP BY member_id')
    .raw()
    .iterate()) {
    firstSource.set(memberId, source);
  }
  const joins = new Map<string, number>();
  for (const [id, m] of members) {
    const key = `${m.joinDay}|${firstSource.get(id) ?? ''}`;
    joins.set(key, (joins.get(key) ?? 0) + 1);
  }
  const insert = sqlite.prepare<[number, string, number]>('INSERT INTO kpi_source_day (day, source, joins) VALUES (?, ?, ?)');
  for (const [key, count] of joins) {
    const bar = key.indexOf('|');
    insert.run(Number(key.slice(0, bar)), key.slice(bar + 1), count);
  }
}

/** Paid orders and survey scores per local day of their timestamp (kpi_order_day, kpi_survey_day). */
function rebuildOrdersAndSurveys(sqlite: BetterSqlite3.Database, dayOf: (ts: number) => number): void {
  const orders = new Map<number, [number, number]>();
  for (const [ts, amount] of sqlite.prepare<[], [number, number]>(`SELECT ts, amount FROM "order" WHERE status = 'paid'`).raw().iterate()) {
    const day = dayOf(ts);
    const row = orders.get(day);
    if (row) {
      row[0] += 1;
      row[1] += amount;
    } else orders.set(day, [1, amount]);
  }
  const insertOrders = sqlite.prepare<[number, number, number]>('INSERT INTO kpi_order_day (day, orders, amount) VALUES (?, ?, ?)');
  for (const [day, [count, amount]] of orders) insertOrders.run(day, count, amount);
  const surveys = new Map<string, number>();
  for (const [ts, day, score] of sqlite
    .prepare<[], [number, number, number]>('SELECT ts, day, score FROM survey_response WHERE score IS NOT NULL')
    .raw()
    .iterate()) {
    const key = `${dayOf(ts)}|${day}|${score}`;
    surveys.set(key, (surveys.get(key) ?? 0) + 1);
  }
  const insertSurveys = sqlite.prepare<[number, number, number, number]>('INSERT INTO kpi_survey_day (ts_day, day, score, responses) VALUES (?, ?, ?, ?)');
  for (const [key, count] of surveys) {
    const [tsDay = 0, day = 0, score = 0] = key.split('|').map(Number);
    insertSurveys.run(tsDay, day, score, count);
  }
}
