/** Import batches: start, finish, list, and undo (remove exactly a batch's rows). */
import type BetterSqlite3 from 'better-sqlite3';
import { refreshMemberLabels } from './member-labels';
import { refreshPointsForDays } from './member-points';
import { readMemberRules } from './member-rules';
import { insertMemberDailyFromActivity } from './rollups';
import type { Selectable } from 'kysely';
import type { ImportBatchTable } from '../schema';

export type BatchRow = Selectable<ImportBatchTable>;

/**
 * Inserts a running batch inside the import's transaction and returns its id; if the import
 * rolls back, the batch row goes with it.
 *
 * @example
 * const id = beginBatch(sqlite, { file: 'general.json', format: 'discord-json', startedAt: Date.now(), options: {} });
 */
export function beginBatch(
  sqlite: BetterSqlite3.Database,
  batch: { file: string; format: string; startedAt: number; options: unknown },
): number {
  const result = sqlite
    .prepare(`INSERT INTO import_batch (file, format, sha256, started_at, status, options) VALUES (?, ?, '', ?, 'running', ?)`)
    .run(batch.file, batch.format, batch.startedAt, JSON.stringify(batch.options));
  return Number(result.lastInsertRowid);
}

/**
 * Marks a batch done with its checksum and counts.
 *
 * @example
 * finishBatch(sqlite, id, { sha256, finishedAt: Date.now(), counts: { activitiesAdded: 10 } });
 */
export function finishBatch(
  sqlite: BetterSqlite3.Database,
  id: number,
  done: { sha256: string; finishedAt: number; counts: unknown },
): void {
  sqlite
    .prepare(`UPDATE import_batch SET sha256 = ?, finished_at = ?, status = 'done', counts = ? WHERE id = ?`)
    .run(done.sha256, done.finishedAt, JSON.stringify(done.counts), id);
}

/**
 * Every batch, newest first.
 *
 * @example
 * listBatches(sqlite)[0] // { id: 3, file: 'orders.csv', format: 'orders-csv', status: 'done', ... }
 */
export function listBatches(sqlite: BetterSqlite3.Database): BatchRow[] {
  return sqlite
    .prepare<[], BatchRow>(
      `SELECT id, file, format, sha256, started_at, finished_at, status, counts, options FROM import_batch ORDER BY id DESC`,
    )
    .all();
}

export interface UndoCounts {
  activities: number;
  orders: number;
  surveys: number;
  members: number;
  identities: number;
}

/**
 * Removes exactly the rows a batch added, in one transaction: its activities, orders and survey
 * answers; the members it created that nothing else refers to any more, with their identities;
 * then recomputes the daily rollups of the affected days and first/last seen of the affected
 * members. The batch stays listed as `undone`.
 *
 * @example
 * undoBatch(sqlite, 3) // { activities: 1200, orders: 0, surveys: 0, members: 45, identities: 45 }
 */
export function undoBatch(sqlite: BetterSqlite3.Database, batchId: number): UndoCounts {
  return sqlite.transaction((): UndoCounts => {
    sqlite.exec(`
      CREATE TEMP TABLE IF NOT EXISTS undo_days (day INTEGER PRIMARY KEY);
      CREATE TEMP TABLE IF NOT EXISTS undo_members (id INTEGER PRIMARY KEY);
      DELETE FROM undo_days; DELETE FROM undo_members;
    `);
    sqlite.prepare('INSERT OR IGNORE INTO undo_days SELECT DISTINCT day FROM activity WHERE batch_id = ?').run(batchId);
    sqlite
      .prepare(
        `INSERT OR IGNORE INTO undo_members
           SELECT member_id FROM activity WHERE batch_id = @batch
           UNION SELECT member_id FROM "order" WHERE batch_id = @batch
           UNION SELECT member_id FROM survey_response WHERE batch_id = @batch
           UNION SELECT id FROM member WHERE batch_id = @batch`,
      )
      .run({ batch: batchId });

    const activities = sqlite.prepare('DELETE FROM activity WHERE batch_id = ?').run(batchId).changes;
    const orders = sqlite.prepare('DELETE FROM "order" WHERE batch_id = ?').run(batchId).changes;
    const surveys = sqlite.prepare('DELETE FROM survey_response WHERE batch_id = ?').run(batchId).changes;

    // Members this batch created and nothing else refers to any more.
    const orphanFilter = `
      m.batch_id = @batch
      AND NOT EXISTS (SELECT 1 FROM activity a WHERE a.member_id = m.id)
      AND NOT EXISTS (SELECT 1 FROM "order" o WHERE o.member_id = m.id)
      AND NOT EXISTS (SELECT 1 FROM survey_response s WHERE s.member_id = m.id)
      AND NOT EXISTS (SELECT 1 FROM identity i WHERE i.member_id = m.id AND coalesce(i.batch_id, -1) <> @batch)
      AND NOT EXISTS (SELECT 1 FROM member x WHERE x.merged_into = m.id)`;
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS undo_orphans (id INTEGER PRIMARY KEY); DELETE FROM undo_orphans;');
    sqlite.prepare(`INSERT INTO undo_orphans SELECT m.id FROM member m WHERE ${orphanFilter}`).run({ batch: batchId });
    sqlite.exec('DELETE FROM member_merge_row WHERE merge_id IN (SELECT id FROM member_merge WHERE into_member_id IN (SELECT id FROM undo_orphans) OR from_member_id IN (SELECT id FROM undo_orphans))');
    sqlite.exec('DELETE FROM member_merge WHERE into_member_id IN (SELECT id FROM undo_orphans) OR from_member_id IN (SELECT id FROM undo_orphans)');
    for (const table of ['member_daily', 'member_tag', 'points_entry', 'member_tier', 'member_tier_history', 'member_score', 'member_label']) {
      sqlite.exec(`DELETE FROM ${table} WHERE member_id IN (SELECT id FROM undo_orphans)`);
    }
    const identities = sqlite.prepare('DELETE FROM identity WHERE member_id IN (SELECT id FROM undo_orphans)').run().changes;
    const members = sqlite.prepare('DELETE FROM member WHERE id IN (SELECT id FROM undo_orphans)').run().changes;

    rebuildRollupsForDays(sqlite, 'undo_days');
    sqlite.exec(`
      UPDATE member SET
        first_seen = (SELECT min(ts) FROM (
          SELECT ts FROM activity WHERE member_id = member.id
          UNION ALL SELECT ts FROM "order" WHERE member_id = member.id
          UNION ALL SELECT ts FROM survey_response WHERE member_id = member.id)),
        last_seen = (SELECT max(ts) FROM (
          SELECT ts FROM activity WHERE member_id = member.id
          UNION ALL SELECT ts FROM "order" WHERE member_id = member.id
          UNION ALL SELECT ts FROM survey_response WHERE member_id = member.id))
      WHERE id IN (SELECT id FROM undo_members);
    `);
    refreshMemberLabels(sqlite, sqlite.prepare<[], { id: number }>('SELECT id FROM undo_members').all().map((r) => r.id));
    sqlite.prepare(`UPDATE import_batch SET status = 'undone' WHERE id = ?`).run(batchId);
    return { activities, orders, surveys, members, identities };
  })();
}

/**
 * Recomputes member_daily and activity_daily for the days listed in a temp table `days(day)`.
 *
 * @example
 * rebuildRollupsForDays(sqlite, 'undo_days');
 */
export function rebuildRollupsForDays(sqlite: BetterSqlite3.Database, daysTable: string): void {
  if (!/^[a-z_]+$/.test(daysTable)) throw new Error(`bad table name ${daysTable}`);
  sqlite.exec(`
    DELETE FROM member_daily WHERE day IN (SELECT day FROM ${daysTable});
    DELETE FROM activity_daily WHERE day IN (SELECT day FROM ${daysTable});
    ${insertMemberDailyFromActivity(`day IN (SELECT day FROM ${daysTable})`)};
    INSERT INTO activity_daily (day, source, channel, kind, events)
      SELECT day, source, coalesce(channel, ''), kind, count(*) FROM activity
      WHERE day IN (SELECT day FROM ${daysTable}) GROUP BY day, source, coalesce(channel, ''), kind;
  `);
  refreshPointsForDays(sqlite, readMemberRules(sqlite).points, daysTable);
}
