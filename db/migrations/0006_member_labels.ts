import type { Migration } from './types';

/**
 * Names, sort keys, search text and identity counts move out of member_score into member_label,
 * kept current by every write that touches a member (import, merge, undo). A recompute then
 * neither rebuilds a million search strings nor rewrites them; member_score keeps only numbers.
 * member_score is derived, so it is recreated empty and the next recompute fills it.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'member_labels',
  up(db) {
    db.exec(`
      CREATE TABLE member_label (
        member_id INTEGER PRIMARY KEY REFERENCES member(id),
        name TEXT NOT NULL,
        sort_key TEXT,
        search TEXT NOT NULL,
        identities INTEGER NOT NULL
      ) STRICT;
      INSERT INTO member_label (member_id, name, sort_key, search, identities)
        SELECT m.id, m.display_name, m.sort_key,
          lower(m.display_name || char(31) || coalesce((SELECT group_concat(
            coalesce(i.display_name, '') || char(31) || coalesce(i.handle, '') || char(31) || coalesce(i.email, ''), char(31))
            FROM identity i WHERE i.member_id = m.id), '')),
          (SELECT count(*) FROM identity i WHERE i.member_id = m.id)
        FROM member m WHERE m.merged_into IS NULL;
      CREATE INDEX member_label_sort ON member_label(sort_key, member_id);

      DROP TABLE member_score;
      CREATE TABLE member_score (
        member_id INTEGER PRIMARY KEY REFERENCES member(id),
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
      DELETE FROM member_model;
    `);
  },
};
