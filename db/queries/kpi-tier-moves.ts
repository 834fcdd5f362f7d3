/**
 * Tier moves for the KPI dashboard (migration 0009): per local day, live members first given a
 * tier, promotions and demotions, from member_tier_history. A day-keyed rollup, so the dashboard
 * reads a few hundred rows whatever the member count.
 *
 * It has its own stamp rather than riding on kpi_cache's: points adjustments and recomputes write
 * tier history without touching anything kpi_cache watches, and rebuilding the whole KPI cache
 * for one points grant would cost seconds at 1M members. This rebuild is two grouped reads of
 * member_tier_history (its member index), nothing else.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { DayCounts } from './kpi';

/**
 * The fingerprint of the data the tier rollup derives from: history rows added (max id) or
 * removed (count, an import undo deletes them), and merges (a merged-away member stops counting).
 *
 * @example
 * tierMoveStamp(sqlite) // 't120417/120417|m3/1'
 */
export function tierMoveStamp(sqlite: BetterSqlite3.Database): string {
  const row = sqlite
    .prepare<[], { t: number; tn: number; m: number; mu: number }>(
      `SELECT (SELECT coalesce(max(id), 0) FROM member_tier_history) AS t, (SELECT count(*) FROM member_tier_history) AS tn,
         (SELECT coalesce(max(id), 0) FROM member_merge) AS m, (SELECT count(*) FROM member_merge WHERE undone_at IS NOT NULL) AS mu`,
    )
    .get();
  if (!row) throw new Error('tierMoveStamp: no row');
  return `t${row.t}/${row.tn}|m${row.m}/${row.mu}`;
}

/**
 * Rebuilds kpi_tier_day when its stamp differs from the data's; returns true when it rebuilt.
 *
 * @example
 * ensureTierMoves(sqlite, Date.now()) // true after a points grant promoted someone, else false
 */
export function ensureTierMoves(sqlite: BetterSqlite3.Database, now: number): boolean {
  const stamp = tierMoveStamp(sqlite);
  const current = sqlite.prepare<[], { stamp: string }>('SELECT stamp FROM kpi_tier_cache WHERE id = 1').get();
  if (current?.stamp === stamp) return false;
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM kpi_tier_day');
    const days = new Map<number, [number, number, number]>();
    const add = (day: number, column: 0 | 1 | 2, n: number): void => {
      let row = days.get(day);
      if (!row) {
        row = [0, 0, 0];
        days.set(day, row);
      }
      row[column] += n;
    };
    // A member's first history day, whatever its change says: "has a tier from then on".
    for (const [day, n] of sqlite
      .prepare<[], [number, number]>(
        `SELECT first, count(*) FROM (
           SELECT min(h.day) AS first FROM member_tier_history h JOIN member m ON m.id = h.member_id
           WHERE m.merged_into IS NULL GROUP BY h.member_id
         ) GROUP BY first`,
      )
      .raw()
      .iterate()) {
      add(day, 0, n);
    }
    for (const [day, change, n] of sqlite
      .prepare<[], [number, string, number]>(
        `SELECT h.day, h.change, count(*) FROM member_tier_history h JOIN member m ON m.id = h.member_id
         WHERE m.merged_into IS NULL AND h.change IN ('promoted', 'demoted') GROUP BY h.day, h.change`,
      )
      .raw()
      .iterate()) {
      add(day, change === 'promoted' ? 1 : 2, n);
    }
    const insert = sqlite.prepare<[number, number, number, number]>('INSERT INTO kpi_tier_day (day, tiered, promoted, demoted) VALUES (?, ?, ?, ?)');
    for (const [day, row] of days) insert.run(day, ...row);
    sqlite.prepare<[string, number]>('INSERT OR REPLACE INTO kpi_tier_cache (id, stamp, built_at) VALUES (1, ?, ?)').run(stamp, now);
  })();
  return true;
}

/** Prefix sums over kpi_tier_day. */
export interface TierMoveDays {
  /** Live members whose first tier day is on or before a day ("has a tier"). */
  tiered: DayCounts;
  /** Promotions and demotions (history rows, so one member can count twice). */
  promoted: DayCounts;
  demoted: DayCounts;
}

/**
 * Reads kpi_tier_day into prefix sums (call ensureTierMoves first).
 *
 * @example
 * const moves = tierMoveDays(sqlite);
 * moves.promoted.within(october) / moves.tiered.upTo(october.from - 1) // October's promotion rate
 */
export function tierMoveDays(sqlite: BetterSqlite3.Database): TierMoveDays {
  const rows = sqlite.prepare<[], [number, number, number, number]>('SELECT day, tiered, promoted, demoted FROM kpi_tier_day ORDER BY day').raw().all();
  const column = (i: 1 | 2 | 3): DayCounts => new DayCounts(rows.map((r) => [r[0], r[i]] as const));
  return { tiered: column(1), promoted: column(2), demoted: column(3) };
}
