/**
 * member_total: each member's all-time sums over member_daily, kept current by the triggers of
 * migration 0012. Bulk writes that touch millions of member_daily rows go through
 * `withTotalsRebuilt`, which trades a trigger run per row for one GROUP BY at the end.
 */
import type BetterSqlite3 from 'better-sqlite3';

/**
 * Drops member_daily's triggers, runs `write`, recounts member_total from member_daily in one
 * pass and creates the triggers again from their stored SQL. Call inside a transaction (DDL is
 * transactional in SQLite, so a failure restores the triggers and the old totals too).
 *
 * @example
 * sqlite.transaction(() => withTotalsRebuilt(sqlite, () => sqlite.exec('UPDATE member_daily SET points = …')))();
 */
export function withTotalsRebuilt<T>(sqlite: BetterSqlite3.Database, write: () => T): T {
  if (!sqlite.inTransaction) throw new Error('withTotalsRebuilt must run inside a transaction');
  const triggers = sqlite
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'member_daily' ORDER BY name",
    )
    .all();
  for (const trigger of triggers) sqlite.exec(`DROP TRIGGER "${trigger.name.replaceAll('"', '""')}"`);
  const result = write();
  sqlite.exec(`
    DELETE FROM member_total;
    INSERT INTO member_total (member_id, points, active_days, first_day, last_day, reactions_received, referrals)
      SELECT member_id, sum(points), count(*), min(day), max(day), sum(reactions_received), sum(k_referral)
      FROM member_daily GROUP BY member_id;
  `);
  for (const trigger of triggers) sqlite.exec(trigger.sql);
  return result;
}
