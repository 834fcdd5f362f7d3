import type { Migration } from './types';

/**
 * member_score no longer copies member.last_seen. The grid sorts and filters by last seen through
 * member's own index (member_last_seen), which imports keep current, instead of an index every
 * recompute rebuilt: the slowest of member_score's indexes to build (~0.7 s of a 1M-member
 * recompute, its keys being millisecond instants), and a copy that went stale between recomputes.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'member_score_last_seen',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS member_score_last_seen;
      ALTER TABLE member_score DROP COLUMN last_seen;
    `);
  },
};
