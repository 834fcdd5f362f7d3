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
export function rollupsFromScratch(sqlite: BetterSqlite3.Database): { member: unknown[]; activity: unknown[]; totals: unknown[] } {
  return {
    // member_total from member_daily as stored (member_daily itself is checked against activity).
    totals: sqlite
      .prepare(
        `SELECT member_id, sum(points) AS points, count(*) AS active_days, min(day) AS first_day, max(day) AS last_day,
           sum(reactions_received) AS reactions_received, sum(k_referral) AS referrals
         FROM member_daily GROUP BY member_id ORDER BY member_id`,
      )
      .all(),
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
export function storedRollups(sqlite: BetterSqlite3.Database): { member: unknown[]; activity: unknown[]; totals: unknown[] } {
  return {
    // Members whose last member_daily row went keep an all-zero row.
    totals: sqlite
      .prepare(
        `SELECT member_id, points, active_days, first_day, last_day, reactions_received, referrals FROM member_total
         WHERE NOT (active_days = 0 AND points = 0 AND reactions_received = 0 AND referrals = 0 AND first_day IS NULL AND last_day IS NULL)
         ORDER BY member_id`,
      )
      .all(),
    member: sqlite
      .prepare(
        `SELECT day, member_id, events, ${activityKinds.map((k) => `k_${k}`).join(', ')}, reactions_received FROM member_daily ORDER BY day, member_id`,
      )
      .all(),
    activity: sqlite.prepare('SELECT day, source, channel, kind, events FROM activity_daily ORDER BY day, source, channel, kind').all(),
  };
}
