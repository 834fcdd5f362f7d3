import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { createWorkspaceFile, type Workspace } from '../../db/open';
import { tempDir } from './tmp';

/** A new empty workspace file in a temp folder. */
export function tempWorkspace(): Workspace {
  return createWorkspaceFile(path.join(tempDir(), 'test.hearth'));
}

/** Rollups recomputed from raw activity, to compare with the ones kept incrementally. */
export function rollupsFromScratch(sqlite: BetterSqlite3.Database): { member: unknown[]; activity: unknown[] } {
  return {
    member: sqlite.prepare('SELECT day, member_id, count(*) AS events FROM activity GROUP BY day, member_id ORDER BY day, member_id').all(),
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
    member: sqlite.prepare('SELECT day, member_id, events FROM member_daily ORDER BY day, member_id').all(),
    activity: sqlite.prepare('SELECT day, source, channel, kind, events FROM activity_daily ORDER BY day, source, channel, kind').all(),
  };
}
