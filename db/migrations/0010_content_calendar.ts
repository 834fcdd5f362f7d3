import type { Migration } from './types';

/**
 * The content calendar: recurring series, per-occurrence changes, the review chain, performance
 * after publishing, and the workspace's sensitive-word list.
 *
 * - content_series keeps a rule in wall-clock terms (start_local + rule JSON), so "09:00 every
 *   Tuesday" stays at 09:00 across DST changes; its occurrences are expanded when read and are
 *   stored only once someone changes one (content_item.series_id + occurrence, the original local
 *   start), which also lets a "never ending" series exist without rows for every future day.
 * - content_item gains duration, all-day, review step, the 高价值内容事件 flag, attachments (JSON
 *   array of paths), performance counts (NULL = not entered) and import_key, which makes a CSV
 *   re-import add nothing.
 * - content_review records every review action with time, reviewer and the sensitive words the
 *   reviewer acknowledged.
 * - sensitive_word: the lexicon items are checked against before approval (the crisis monitor
 *   reads the same list).
 */
export const migration0010: Migration = {
  version: 10,
  name: 'content_calendar',
  up(db) {
    db.exec(`
      CREATE TABLE content_series (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        channel TEXT,
        owner TEXT,
        campaign TEXT,
        pillar TEXT CHECK (pillar IN ('basic', 'advanced', 'cocreation')),
        format TEXT CHECK (format IN ('video', 'audio', 'text', 'activity')),
        origin TEXT CHECK (origin IN ('ugc', 'pgc')),
        high_value INTEGER NOT NULL DEFAULT 0 CHECK (high_value IN (0, 1)),
        attachments TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL CHECK (status IN ('idea', 'draft', 'in_review', 'approved', 'scheduled', 'published', 'cancelled')),
        start_local TEXT NOT NULL,
        duration_min INTEGER NOT NULL,
        all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
        rule TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      ALTER TABLE content_item ADD COLUMN duration_min INTEGER NOT NULL DEFAULT 60;
      ALTER TABLE content_item ADD COLUMN all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1));
      ALTER TABLE content_item ADD COLUMN series_id INTEGER REFERENCES content_series(id) ON DELETE SET NULL;
      ALTER TABLE content_item ADD COLUMN occurrence TEXT;
      ALTER TABLE content_item ADD COLUMN review_step INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE content_item ADD COLUMN high_value INTEGER NOT NULL DEFAULT 0 CHECK (high_value IN (0, 1));
      ALTER TABLE content_item ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE content_item ADD COLUMN reach INTEGER;
      ALTER TABLE content_item ADD COLUMN likes INTEGER;
      ALTER TABLE content_item ADD COLUMN comments INTEGER;
      ALTER TABLE content_item ADD COLUMN shares INTEGER;
      ALTER TABLE content_item ADD COLUMN conversions INTEGER;
      ALTER TABLE content_item ADD COLUMN participants INTEGER;
      ALTER TABLE content_item ADD COLUMN import_key TEXT;
      CREATE UNIQUE INDEX content_item_occurrence ON content_item(series_id, occurrence) WHERE series_id IS NOT NULL;
      CREATE UNIQUE INDEX content_item_import_key ON content_item(import_key) WHERE import_key IS NOT NULL;

      CREATE TABLE content_review (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES content_item(id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('submit', 'approve', 'request_changes', 'schedule', 'publish', 'cancel', 'reopen')),
        step INTEGER NOT NULL,
        step_name TEXT,
        reviewer TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        acknowledged TEXT NOT NULL DEFAULT '[]',
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX content_review_item ON content_review(item_id, at);

      CREATE TABLE sensitive_word (
        id INTEGER PRIMARY KEY,
        word TEXT NOT NULL UNIQUE,
        category TEXT NOT NULL DEFAULT 'general'
      ) STRICT;
    `);
  },
};
