/**
 * member_total: each member's all-time sums over member_daily, kept current by the triggers of
 * migration 0012. Bulk writes that touch millions of member_daily rows go through
 * `withTotalsRebuilt`, which trades a trigger run per row for one GROUP BY at the end; imports go
 * through `suspendTotals`, which recounts only the members they touched.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** Recounts member_total from member_daily for the members matching `where` (SQL over member_id). */
function recountTotals(where: string): string {
  return `INSERT INTO member_total (member_id, points, active_days, first_day, last_day, reactions_received, referrals)
    SELECT member_id, sum(points), count(*), min(day), max(day), sum(reactions_received), sum(k_referral)
    FROM member_daily WHERE ${where} GROUP BY member_id`;
}

/** member_daily's triggers as stored, after dropping them. */
function dropTriggers(sqlite: BetterSqlite3.Database): { name: string; sql: string }[] {
  const triggers = sqlite
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'member_daily' ORDER BY name",
    )
    .all();
  for (const trigger of triggers) sqlite.exec(`DROP TRIGGER "${trigger.name.replaceAll('"', '""')}"`);
  return triggers;
}

/**
 * Drops member_daily's triggers, runs `write`, recounts member_total from member_daily in one
 * pass and creates the triggers again from their stored SQL. Call inside a transaction (DDL is
 * transactional in SQLite, so a failure restores the triggers and the old totals too).
 *
 * @example
 * sqlite.transaction(() => withTotalsRebuilt(sqlite, () => sqlite.exec('UPDATE member_daily SET points = …')))();
 */
export function withTotalsRebuilt<T>(sqlite: BetterSqlite3.Database, write: () => T): T {
  const totals = suspendTotals(sqlite);
  const result = write();
  totals.restore('all');
  return result;
}

/**
 * Drops member_daily's triggers for a write that knows which members it touches (an import),
 * and returns what puts them back: member_total recounted for just those members (or 'all'),
 * then the triggers recreated from their stored SQL. A trigger run per member_daily row cost a
 * 1,000,000-message import a third of its time; one grouped recount per member costs a few
 * percent. Call inside the write's transaction (a rollback restores the triggers and totals).
 *
 * @example
 * const totals = suspendTotals(sqlite);
 * writeRows();
 * totals.restore(touchedMemberIds);
 */
export function suspendTotals(sqlite: BetterSqlite3.Database): { restore(members: Iterable<number> | 'all'): void } {
  if (!sqlite.inTransaction) throw new Error('suspendTotals must run inside a transaction');
  const triggers = dropTriggers(sqlite);
  return {
    restore(members) {
      if (members === 'all') {
        sqlite.exec('DELETE FROM member_total');
        sqlite.exec(recountTotals('1'));
      } else {
        sqlite.exec(
          'CREATE TEMP TABLE IF NOT EXISTS totals_touched (id INTEGER PRIMARY KEY); DELETE FROM totals_touched;',
        );
        const add = sqlite.prepare('INSERT OR IGNORE INTO totals_touched (id) VALUES (?)');
        for (const id of members) add.run(id);
        sqlite.exec('DELETE FROM member_total WHERE member_id IN (SELECT id FROM totals_touched)');
        sqlite.exec(recountTotals('member_id IN (SELECT id FROM totals_touched)'));
        sqlite.exec('DELETE FROM totals_touched');
      }
      for (const trigger of triggers) sqlite.exec(trigger.sql);
    },
  };
}
