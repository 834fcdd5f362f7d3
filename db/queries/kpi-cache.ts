/**
 * The KPI cache (migration 0005): per-member join day and retention days, per-day counts of
 * joins, spell starts and ends and first/second paid-order days, activity spells, and distinct
 * active members per month, derived from member, member_daily and
 * "order" in one pass in member order. The dashboard reads these with index range queries; the
 * pass itself (a few hundred ms at 100k members) runs only when the data changed.
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
 * The fingerprint of the data the cache derives from.
 *
 * @example
 * kpiCacheStamp(sqlite, 'Asia/Shanghai') // 'Asia/Shanghai|b12/0|m3/1|d882266|o87282|n100000' (n: the highest member id)
 */
export function kpiCacheStamp(sqlite: BetterSqlite3.Database, timeZone: string): string {
  const row = sqlite
    .prepare<[], { b: number; bu: number; m: number; mu: number; d: number; o: number; n: number }>(
      `SELECT
         (SELECT coalesce(max(id), 0) FROM import_batch) AS b,
         (SELECT count(*) FROM import_batch WHERE status = 'undone') AS bu,
         (SELECT coalesce(max(id), 0) FROM member_merge) AS m,
         (SELECT count(*) FROM member_merge WHERE undone_at IS NOT NULL) AS mu,
         (SELECT count(*) FROM member_daily) AS d,
         (SELECT count(*) FROM "order") AS o,
         (SELECT coalesce(max(id), 0) FROM member) AS n`,
    )
    .get();
  if (!row) throw new Error('kpiCacheStamp: no row');
  return `${timeZone}|b${row.b}/${row.bu}|m${row.m}/${row.mu}|d${row.d}|o${row.o}|n${row.n}`;
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

function rebuildKpiCache(sqlite: BetterSqlite3.Database, timeZone: string, stamp: string, now: number): void {
  sqlite.exec('DELETE FROM kpi_member; DELETE FROM kpi_day; DELETE FROM kpi_spell; DELETE FROM kpi_month_active;');
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

  // Collected first: better-sqlite3 refuses other statements while an iterator is open.
  const spells: [number, number, number, number | null][] = [];
  const addSpell = (memberId: number, start: number, end: number, next: number | null): void => {
    spells.push([memberId, start, end, next]);
    tally.add(start, 1);
    tally.add(end, 2);
  };
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
    if (acc && current !== -1) addSpell(current, spellStart, last, null);
  };
  // PRIMARY KEY (member_id, day) order: one sequential pass, no sort.
  const days = sqlite.prepare<[], [number, number]>('SELECT member_id, day FROM member_daily ORDER BY member_id, day').raw().iterate();
  for (const [memberId, day] of days) {
    if (memberId !== current) {
      finishMember();
      current = memberId;
      acc = members.get(memberId);
      spellStart = day;
      last = day;
      lastMonth = -1;
    } else if (acc && day - last > SPELL_GAP_DAYS) {
      addSpell(memberId, spellStart, last, day);
      spellStart = day;
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
      monthActive.set(monthStart, (monthActive.get(monthStart) ?? 0) + 1);
      lastMonth = monthStart;
    }
  }
  finishMember();

  const insertSpell = sqlite.prepare<[number, number, number, number | null]>(
    'INSERT INTO kpi_spell (member_id, start_day, end_day, next_start) VALUES (?, ?, ?, ?)',
  );
  for (const spell of spells) insertSpell.run(...spell);
  const insertMember = sqlite.prepare<[number, number, number | null, number | null, number | null, number | null]>(
    'INSERT INTO kpi_member (join_day, member_id, r1, r7, r30, r90) VALUES (?, ?, ?, ?, ?, ?)',
  );
  // In primary-key order: appending to the B-tree is several times faster than random inserts.
  const byJoin = [...members].sort((x, y) => x[1].joinDay - y[1].joinDay || x[0] - y[0]);
  for (const [id, m] of byJoin) {
    insertMember.run(m.joinDay, id, m.r[0] ?? null, m.r[1] ?? null, m.r[2] ?? null, m.r[3] ?? null);
  }
  const insertDay = sqlite.prepare<[number, number, number, number, number, number]>(
    'INSERT INTO kpi_day (day, joins, spell_starts, spell_ends, first_paid, second_paid) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const [day, row] of tally.rows) insertDay.run(day, ...row);
  const insertMonth = sqlite.prepare<[number, number]>('INSERT INTO kpi_month_active (month_start, members) VALUES (?, ?)');
  for (const [month, count] of monthActive) insertMonth.run(month, count);
  sqlite.prepare<[string, number]>('INSERT OR REPLACE INTO kpi_cache (id, stamp, built_at) VALUES (1, ?, ?)').run(stamp, now);
}
