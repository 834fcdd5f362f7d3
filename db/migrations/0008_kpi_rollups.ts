import type { Migration } from './types';

/**
 * KPI cache rollups keyed by days and months instead of members. At 1M members the per-member
 * tables of 0005 made a warm dashboard cost ~1 s: retention grouped ~500k kpi_member rows, churn
 * counted ~100k kpi_spell index entries per range, WAU, DAU and "active in the period"
 * counted member_daily rows, and paid orders and survey scores were read row by row. These tables hold the same answers as counts, so a dashboard reads a
 * few thousand rows whatever the member count. kpi_member and kpi_spell are dropped (nothing else
 * read them); the cache stamp is cleared so the next dashboard rebuilds everything.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'kpi_rollups',
  up(db) {
    db.exec(`
      DROP TABLE kpi_member;
      DROP TABLE kpi_spell;

      -- Members by join month (day number of the 1st, local days) and the first day they were
      -- active on or after join + horizon days (horizon 1, 7, 30 or 90): "retained by day t" is
      -- reached_day <= t, so a cohort's retention as of any day is a sum over these rows.
      CREATE TABLE kpi_retention (
        join_month INTEGER NOT NULL,
        horizon INTEGER NOT NULL,
        reached_day INTEGER NOT NULL,
        members INTEGER NOT NULL,
        PRIMARY KEY (join_month, horizon, reached_day)
      ) STRICT, WITHOUT ROWID;

      -- Activity spells (kpi_day's spell_starts / spell_ends) that were followed by another
      -- spell, by last day and the next spell's first day: churn in a range is the spells ending
      -- in it minus those whose member came back by its end.
      CREATE TABLE kpi_spell_return (
        end_day INTEGER NOT NULL,
        next_start INTEGER NOT NULL,
        spells INTEGER NOT NULL,
        PRIMARY KEY (end_day, next_start)
      ) STRICT, WITHOUT ROWID;

      -- Spells for other windows than the 30-day one of kpi_day: runs of a member's active days
      -- with gaps of at most window_days days, so "distinct members active in the window_days
      -- days ending t" is starts by t minus ends before t - window_days + 1. Window 1 is daily
      -- actives, 7 is WAU and 7-day periods, 90 is 90-day periods.
      CREATE TABLE kpi_window_day (
        window_days INTEGER NOT NULL,
        day INTEGER NOT NULL,
        starts INTEGER NOT NULL,
        ends INTEGER NOT NULL,
        PRIMARY KEY (window_days, day)
      ) STRICT, WITHOUT ROWID;

      -- Paid orders and their amount per local day of their timestamp (the dashboard's ranges
      -- are local day starts), and survey scores per local day of their timestamp, the day
      -- column they are reported under and score.
      CREATE TABLE kpi_order_day (
        day INTEGER PRIMARY KEY,
        orders INTEGER NOT NULL,
        amount REAL NOT NULL
      ) STRICT;
      CREATE TABLE kpi_survey_day (
        ts_day INTEGER NOT NULL,
        day INTEGER NOT NULL,
        score INTEGER NOT NULL,
        responses INTEGER NOT NULL,
        PRIMARY KEY (ts_day, day, score)
      ) STRICT, WITHOUT ROWID;

      DELETE FROM kpi_cache;
    `);
  },
};
