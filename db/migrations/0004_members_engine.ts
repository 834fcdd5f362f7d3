import type { Migration } from './types';

/**
 * What the member engines need. member_daily gains a count per activity kind (points rules with
 * daily caps are then one expression per row, so rule changes never need a rebuild) and the
 * reactions members' posts received, plus the day's points; tags move to their own table so a tag filter is an index
 * lookup; manual points entries, tiers with their history, and the computed scores get tables.
 *
 * The kind list is written out, not imported: a migration is frozen the day it ships.
 */
const kinds = [
  'message',
  'reply',
  'reaction',
  'join',
  'leave',
  'checkin',
  'ugc_post',
  'post',
  'comment',
  'event_attendance',
  'referral',
  'survey',
  'badge',
];
const posting = `('message', 'reply', 'post', 'ugc_post', 'comment')`;

export const migration0004: Migration = {
  version: 4,
  name: 'members_engine',
  up(db) {
    const columns = kinds.map((kind) => `k_${kind} INTEGER NOT NULL DEFAULT 0`).join(',\n        ');
    const sums = kinds.map((kind) => `sum(kind = '${kind}')`).join(', ');
    db.exec(`
      DROP TABLE member_daily;
      CREATE TABLE member_daily (
        day INTEGER NOT NULL,
        member_id INTEGER NOT NULL REFERENCES member(id),
        events INTEGER NOT NULL,
        ${columns},
        reactions_received INTEGER NOT NULL DEFAULT 0,
        -- Points the day earned under the workspace's rules; the next recompute fills it (the rules
        -- are data, not schema) and every write keeps it current after that.
        points INTEGER NOT NULL DEFAULT 0,
        -- Clustered by member: a recompute reads it member by member in one sequential pass;
        -- day-range questions (dashboards) use the (day, member_id) index, which covers them.
        PRIMARY KEY (member_id, day)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO member_daily (day, member_id, events, ${kinds.map((k) => `k_${k}`).join(', ')}, reactions_received)
        SELECT day, member_id, count(*), ${sums},
          coalesce(sum(CASE WHEN kind IN ${posting} THEN max(0, cast(coalesce(value, 0) AS INTEGER)) END), 0)
        FROM activity GROUP BY day, member_id;
      CREATE INDEX member_daily_day ON member_daily(day, member_id);

      CREATE TABLE member_tag (
        member_id INTEGER NOT NULL REFERENCES member(id),
        tag TEXT NOT NULL,
        PRIMARY KEY (member_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX member_tag_tag ON member_tag(tag);
      INSERT OR IGNORE INTO member_tag (member_id, tag)
        SELECT m.id, trim(j.value) FROM member m, json_each(CASE WHEN json_valid(m.tags) THEN m.tags ELSE '[]' END) j
        WHERE j.type = 'text' AND trim(j.value) <> '';
      ALTER TABLE member DROP COLUMN tags;
      -- How the name sorts (pinyin for Chinese); filled by the next recompute when NULL.
      ALTER TABLE member ADD COLUMN sort_key TEXT;

      -- Grants, deductions, redemptions and expiries. Points earned from activity are not copied
      -- here: they are derived from member_daily with the workspace's rules, day by day.
      CREATE TABLE points_entry (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES member(id),
        day INTEGER NOT NULL,
        ts INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('grant', 'deduct', 'redeem', 'expire')),
        points INTEGER NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        CHECK ((kind = 'grant' AND points > 0) OR (kind <> 'grant' AND points < 0))
      ) STRICT;
      CREATE INDEX points_entry_member ON points_entry(member_id, day);

      CREATE TABLE member_tier (
        member_id INTEGER PRIMARY KEY REFERENCES member(id),
        tier TEXT NOT NULL,
        since_day INTEGER NOT NULL,
        reviewed_day INTEGER
      ) STRICT;

      CREATE TABLE member_tier_history (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES member(id),
        day INTEGER NOT NULL,
        from_tier TEXT,
        to_tier TEXT NOT NULL,
        change TEXT NOT NULL CHECK (change IN ('initial', 'promoted', 'demoted')),
        explanation TEXT NOT NULL
      ) STRICT;
      CREATE INDEX member_tier_history_member ON member_tier_history(member_id, day);
      CREATE INDEX member_tier_history_day ON member_tier_history(day);

      -- Rewritten by every recompute; what the member grid sorts and filters. (Explanations are
      -- derived for one member at a time when asked, from the same engines.)
      CREATE TABLE member_score (
        member_id INTEGER PRIMARY KEY REFERENCES member(id),
        name TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        search TEXT NOT NULL,
        identities INTEGER NOT NULL,
        tier TEXT NOT NULL,
        tier_rank INTEGER NOT NULL,
        circle TEXT NOT NULL,
        lifecycle TEXT NOT NULL,
        rfm_r INTEGER,
        rfm_f INTEGER,
        rfm_m INTEGER,
        rfm_segment TEXT,
        points_balance INTEGER NOT NULL,
        points_window INTEGER NOT NULL,
        active_days_30 INTEGER NOT NULL,
        last_seen INTEGER,
        influence REAL NOT NULL,
        is_koc INTEGER NOT NULL,
        p_alive REAL,
        churn_risk REAL,
        expected REAL,
        clv REAL
      ) STRICT;

      -- Merges move points entries too, so the merge log must be able to name them.
      CREATE TABLE member_merge_row_v4 (
        merge_id INTEGER NOT NULL REFERENCES member_merge(id),
        tbl TEXT NOT NULL CHECK (tbl IN ('identity', 'activity', 'order', 'survey_response', 'points_entry')),
        row_id INTEGER NOT NULL,
        PRIMARY KEY (merge_id, tbl, row_id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO member_merge_row_v4 SELECT merge_id, tbl, row_id FROM member_merge_row;
      DROP TABLE member_merge_row;
      ALTER TABLE member_merge_row_v4 RENAME TO member_merge_row;

      CREATE TABLE member_model (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        computed_at INTEGER NOT NULL,
        as_of_day INTEGER NOT NULL,
        summary TEXT NOT NULL
      ) STRICT;
    `);
  },
};
