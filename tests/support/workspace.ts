import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { createWorkspaceFile, type Workspace } from '../../db/open';
import { activityKinds } from '../../shared/import';
import { tempDir } from './tmp';

/** A new empty workspace file in a temp folder. */
export function tempWorkspace(): Workspace {
  return createWorkspaceFile(path.join(tempDir(), 'test.hearth'));
}

/** Rollups recomputed from raw activity, to compare with the ones kept incrementally. */
export function rollupsFromScratch(sqlite: BetterSqlite3.Database): { member: unknown[]; activity: unknown[] } {
  return {
    member: sqlite
      .prepare(
        `SELECT day, member_id, count(*) AS events, ${activityKinds.map((k) => `count(*) FILTER (WHERE kind = '${k}') AS k_${k}`).join(', ')},
           total(CASE WHEN kind IN ('message', 'reply', 'post', 'ugc_post', 'comment') AND value > 0 THEN cast(value AS INTEGER) END) AS reactions_received
         FROM activity GROUP BY day, member_id ORDER BY day, member_id`,
      )
      .all()
      .map((row) => ({ ...(row as Record<string, number>), reactions_received: Number((row as Record<string, number>).reactions_received) })),
    activity: sqlite
      .prepare(
        "SELECT day, source, coalesce(channel, '') AS channel, kind, count(*) AS events FROM activity GROUP BY day, source, coalesce(channel, ''), kind ORDER BY day, source, channel, kind",
      )
      .all(),
  };
}

/** The rollups as stored. */
export function storedRollups(sqlite: BetterSqlite3.Database): { member: unknown[]; activity: unknown[] } {
  return {
    member: sqlite
      .prepare(
        `SELECT day, member_id, events, ${activityKinds.map((k) => `k_${k}`).join(', ')}, reactions_received FROM member_daily ORDER BY day, member_id`,
      )
      .all(),
    activity: sqlite.prepare('SELECT day, source, channel, kind, events FROM activity_daily ORDER BY day, source, channel, kind').all(),
  };
}
