import type { Migration } from './types';

/**
 * Mentions: the people an activity names, on the activity's own platform, by the identity's
 * external id (`by_handle` 0) or by a lower-cased handle (`by_handle` 1). They name identities,
 * not members, and are resolved through `identity` when scores are computed: identities move with
 * merges and unmerges, and a mention of someone who only posts in a later import resolves then.
 *
 * Rows go with their activity (ON DELETE CASCADE: undoing an import removes them, and a reused
 * activity id never inherits another's mentions). The key leads with the activity (the cascade's
 * lookup, and one row per person per message); `activity_mention_target` finds one member's
 * mentions for the member drawer; `identity_handle` resolves handle mentions (the same lower()
 * the query compares with).
 */
export const migration0018: Migration = {
  version: 18,
  name: 'activity_mentions',
  up(db) {
    db.exec(`
      CREATE TABLE activity_mention (
        activity_id INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
        by_handle INTEGER NOT NULL CHECK (by_handle IN (0, 1)),
        target TEXT NOT NULL,
        PRIMARY KEY (activity_id, by_handle, target)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX activity_mention_target ON activity_mention(by_handle, target);
      CREATE INDEX identity_handle ON identity(source, lower(handle)) WHERE handle IS NOT NULL;
    `);
  },
};
