import type { Migration } from './types';

/**
 * Daily rollups so dashboards never scan raw activity. Built here from the activity a workspace
 * already holds; kept current by every write path after this version.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'daily_rollups',
  up(db) {
    db.exec(`
      CREATE TABLE member_daily (
        day INTEGER NOT NULL,
        member_id INTEGER NOT NULL REFERENCES member(id),
        events INTEGER NOT NULL,
        PRIMARY KEY (day, member_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX member_daily_member ON member_daily(member_id, day);

      CREATE TABLE activity_daily (
        day INTEGER NOT NULL,
        source TEXT NOT NULL,
        channel TEXT NOT NULL,
        kind TEXT NOT NULL,
        events INTEGER NOT NULL,
        PRIMARY KEY (day, source, channel, kind)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO member_daily (day, member_id, events)
        SELECT day, member_id, count(*) FROM activity GROUP BY day, member_id;
      INSERT INTO activity_daily (day, source, channel, kind, events)
        SELECT day, source, coalesce(channel, ''), kind, count(*) FROM activity
        GROUP BY day, source, coalesce(channel, ''), kind;
    `);
  },
};
