import type { Migration } from './types';

/**
 * member_total: each member's all-time sums over member_daily (points, active days, first and
 * last active day, reactions received, referrals), kept current by triggers on member_daily.
 *
 * A recompute used to aggregate all of member_daily (~9M rows at 1M members, ~10 s) because a
 * few of its figures span a member's whole history. With these totals it reads one row per
 * member and aggregates only the recent days its windows look at.
 *
 * The triggers cover every write path (imports, undo, merges, points refreshes); bulk loads
 * drop them, write, and rebuild the table in one pass (db/queries/member-totals.ts). On delete,
 * the first or last day is looked up again only when the deleted row held it (a primary-key seek).
 */
export const migration0012: Migration = {
  version: 12,
  name: 'member_totals',
  up(db) {
    db.exec(`
      CREATE TABLE member_total (
        member_id INTEGER PRIMARY KEY,
        points INTEGER NOT NULL,
        active_days INTEGER NOT NULL,
        first_day INTEGER,
        last_day INTEGER,
        reactions_received INTEGER NOT NULL,
        referrals INTEGER NOT NULL
      ) STRICT;

      INSERT INTO member_total (member_id, points, active_days, first_day, last_day, reactions_received, referrals)
        SELECT member_id, sum(points), count(*), min(day), max(day), sum(reactions_received), sum(k_referral)
        FROM member_daily GROUP BY member_id;

      CREATE TRIGGER member_total_insert AFTER INSERT ON member_daily BEGIN
        INSERT INTO member_total (member_id, points, active_days, first_day, last_day, reactions_received, referrals)
          VALUES (NEW.member_id, NEW.points, 1, NEW.day, NEW.day, NEW.reactions_received, NEW.k_referral)
          ON CONFLICT (member_id) DO UPDATE SET
            points = points + excluded.points,
            active_days = active_days + 1,
            first_day = CASE WHEN first_day IS NULL OR excluded.first_day < first_day THEN excluded.first_day ELSE first_day END,
            last_day = CASE WHEN last_day IS NULL OR excluded.last_day > last_day THEN excluded.last_day ELSE last_day END,
            reactions_received = reactions_received + excluded.reactions_received,
            referrals = referrals + excluded.referrals;
      END;

      CREATE TRIGGER member_total_delete AFTER DELETE ON member_daily BEGIN
        UPDATE member_total SET
          points = points - OLD.points,
          active_days = active_days - 1,
          first_day = CASE WHEN first_day = OLD.day
            THEN (SELECT min(day) FROM member_daily WHERE member_id = OLD.member_id) ELSE first_day END,
          last_day = CASE WHEN last_day = OLD.day
            THEN (SELECT max(day) FROM member_daily WHERE member_id = OLD.member_id) ELSE last_day END,
          reactions_received = reactions_received - OLD.reactions_received,
          referrals = referrals - OLD.k_referral
        WHERE member_id = OLD.member_id;
      END;

      -- Counts and points changing on the same (member, day): the common update (import upserts,
      -- points refreshes) adds the difference.
      CREATE TRIGGER member_total_update AFTER UPDATE ON member_daily
      WHEN OLD.member_id = NEW.member_id AND OLD.day = NEW.day BEGIN
        UPDATE member_total SET
          points = points + NEW.points - OLD.points,
          reactions_received = reactions_received + NEW.reactions_received - OLD.reactions_received,
          referrals = referrals + NEW.k_referral - OLD.k_referral
        WHERE member_id = NEW.member_id;
      END;

      -- A row moved to another member or day (nothing does this today): the old row's share
      -- leaves as on delete, the new one arrives as on insert.
      CREATE TRIGGER member_total_move AFTER UPDATE ON member_daily
      WHEN OLD.member_id <> NEW.member_id OR OLD.day <> NEW.day BEGIN
        UPDATE member_total SET
          points = points - OLD.points,
          active_days = active_days - 1,
          first_day = (SELECT min(day) FROM member_daily WHERE member_id = OLD.member_id),
          last_day = (SELECT max(day) FROM member_daily WHERE member_id = OLD.member_id),
          reactions_received = reactions_received - OLD.reactions_received,
          referrals = referrals - OLD.k_referral
        WHERE member_id = OLD.member_id;
        INSERT INTO member_total (member_id, points, active_days, first_day, last_day, reactions_received, referrals)
          VALUES (NEW.member_id, NEW.points, 1, NEW.day, NEW.day, NEW.reactions_received, NEW.k_referral)
          ON CONFLICT (member_id) DO UPDATE SET
            points = points + excluded.points,
            active_days = active_days + 1,
            first_day = (SELECT min(day) FROM member_daily WHERE member_id = NEW.member_id),
            last_day = (SELECT max(day) FROM member_daily WHERE member_id = NEW.member_id),
            reactions_received = reactions_received + excluded.reactions_received,
            referrals = referrals + excluded.referrals;
      END;
    `);
  },
};
