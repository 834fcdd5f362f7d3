import type { Migration } from './types';

/**
 * Tier history keeps the numbers of each change's explanation in columns instead of a JSON text:
 * the rest of an explanation (its key, tier, day, tier left) is the row's own fields, so the
 * explanation is rebuilt when read (shared/members/tiers.ts, tierHistoryExplanation). A first
 * recompute gives every member an initial tier with a history row: at 1,000,000 members the JSON
 * was 88 MB of text, written once more to the WAL, and ~1 s of a first recompute.
 *
 * Existing rows keep their numbers (a text that is not an explanation, which Hearth never wrote,
 * gives zeros).
 */
export const migration0017: Migration = {
  version: 17,
  name: 'tier_history_values',
  up(db) {
    const param = (name: string): string =>
      `CASE WHEN json_valid(explanation) THEN CAST(json_extract(explanation, '$.params.${name}') AS INTEGER) END`;
    db.exec(`
      CREATE TABLE member_tier_history_values (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES member(id),
        day INTEGER NOT NULL,
        from_tier TEXT,
        to_tier TEXT NOT NULL,
        change TEXT NOT NULL CHECK (change IN ('initial', 'promoted', 'demoted')),
        earned INTEGER NOT NULL,
        window_days INTEGER NOT NULL,
        threshold INTEGER NOT NULL,
        floor INTEGER,
        hysteresis INTEGER
      ) STRICT;
      INSERT INTO member_tier_history_values
        (id, member_id, day, from_tier, to_tier, change, earned, window_days, threshold, floor, hysteresis)
      SELECT id, member_id, day, from_tier, to_tier, change,
        coalesce(${param('earned')}, 0), coalesce(${param('window')}, 0), coalesce(${param('threshold')}, 0),
        ${param('floor')}, ${param('hysteresis')}
      FROM member_tier_history;
      DROP TABLE member_tier_history;
      ALTER TABLE member_tier_history_values RENAME TO member_tier_history;
      CREATE INDEX member_tier_history_member ON member_tier_history(member_id, day);
      CREATE INDEX member_tier_history_day ON member_tier_history(day);
    `);
  },
};
