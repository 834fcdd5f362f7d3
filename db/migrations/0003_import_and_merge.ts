import type { Migration } from './types';

/**
 * What importing and identity merging need: reply links on activity, the options a batch ran
 * with, remembered column mappings, and reversible member merges (every moved row recorded).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'import_and_merge',
  up(db) {
    db.exec(`
      ALTER TABLE activity ADD COLUMN reply_to TEXT;
      ALTER TABLE import_batch ADD COLUMN options TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE member ADD COLUMN merged_into INTEGER REFERENCES member(id);
      CREATE INDEX member_merged_into ON member(merged_into) WHERE merged_into IS NOT NULL;
      CREATE INDEX order_member_batch ON "order"(member_id);
      CREATE INDEX survey_response_member ON survey_response(member_id);
      CREATE INDEX import_batch_sha ON import_batch(sha256);

      CREATE TABLE import_mapping (
        format TEXT NOT NULL,
        signature TEXT NOT NULL,
        mapping TEXT NOT NULL,
        date_format TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (format, signature)
      ) STRICT;

      CREATE TABLE member_merge (
        id INTEGER PRIMARY KEY,
        into_member_id INTEGER NOT NULL REFERENCES member(id),
        from_member_id INTEGER NOT NULL REFERENCES member(id),
        reason TEXT NOT NULL,
        merged_at INTEGER NOT NULL,
        undone_at INTEGER
      ) STRICT;
      CREATE INDEX member_merge_into ON member_merge(into_member_id);

      CREATE TABLE member_merge_row (
        merge_id INTEGER NOT NULL REFERENCES member_merge(id),
        tbl TEXT NOT NULL CHECK (tbl IN ('identity', 'activity', 'order', 'survey_response')),
        row_id INTEGER NOT NULL,
        PRIMARY KEY (merge_id, tbl, row_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE merge_decision (
        member_a INTEGER NOT NULL,
        member_b INTEGER NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('rejected')),
        decided_at INTEGER NOT NULL,
        PRIMARY KEY (member_a, member_b)
      ) STRICT;
    `);
  },
};
