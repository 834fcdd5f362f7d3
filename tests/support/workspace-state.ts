import { openWorkspaceFile } from '../../db/open';

export interface WorkspaceState {
  integrity: unknown;
  foreignKeys: unknown[];
  members: number;
  identities: number;
  activities: number;
  /** Distinct (source, external_id) among activities: equal to `activities` when nothing is doubled. */
  distinctActivities: number;
  /** Events counted by the daily rollups, which must agree with `activities`. */
  memberDailyEvents: number;
  activityDailyEvents: number;
  batches: { id: number; status: string; activities: number }[];
  /** Every index and trigger by name (an import drops some for a while and must put them back). */
  schema: string[];
}

/**
 * Opens a workspace file as Hearth would after a crash and reads what a fault test checks.
 * `quick_check` skips the index-against-table cross-check that makes `integrity_check` slow on
 * a few hundred thousand rows.
 */
export async function workspaceState(
  file: string,
  check: 'integrity_check' | 'quick_check' = 'integrity_check',
): Promise<WorkspaceState> {
  const ws = openWorkspaceFile(file);
  try {
    const sqlite = ws.sqlite;
    const n = (sql: string): number => (sqlite.prepare(sql).pluck().get() as number | null) ?? 0;
    return {
      integrity: sqlite.pragma(check, { simple: true }),
      foreignKeys: sqlite.pragma('foreign_key_check') as unknown[],
      members: n('SELECT count(*) FROM member'),
      identities: n('SELECT count(*) FROM identity'),
      activities: n('SELECT count(*) FROM activity'),
      distinctActivities: n('SELECT count(*) FROM (SELECT DISTINCT source, external_id FROM activity)'),
      memberDailyEvents: n('SELECT sum(events) FROM member_daily'),
      activityDailyEvents: n('SELECT sum(events) FROM activity_daily'),
      batches: sqlite
        .prepare<[], { id: number; status: string; activities: number }>(
          `SELECT b.id, b.status, (SELECT count(*) FROM activity a WHERE a.batch_id = b.id) AS activities
           FROM import_batch b ORDER BY b.id`,
        )
        .all(),
      schema: sqlite
        .prepare<[], string>("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name")
        .pluck()
        .all(),
    };
  } finally {
    await ws.close();
  }
}
