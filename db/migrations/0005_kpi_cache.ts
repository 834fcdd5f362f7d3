import type { Migration } from './types';

/**
 * Derived tables the KPI dashboard reads instead of scanning member_daily per request. Measured
 * on the 100k-member demo (882k member_daily rows): "last active day per member as of a date"
 * costs ~100 ms per date as a GROUP BY and ~330 ms as a window function, and the dashboard needs
 * it for two periods and twelve months. These tables answer the same questions with index range
 * reads. They hold nothing that is not derivable: db/queries/kpi-cache.ts rebuilds them whole
 * when the data's fingerprint (batches, merges, row counts, time zone) changes.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'kpi_cache',
  up(db) {
    db.exec(`
      -- One row per live member with a known first_seen: the local join day and the first
      -- active day on or after join + 1/7/30/90 days (retention).
      CREATE TABLE kpi_member (
        join_day INTEGER NOT NULL,
        member_id INTEGER NOT NULL,
        r1 INTEGER,
        r7 INTEGER,
        r30 INTEGER,
        r90 INTEGER,
        PRIMARY KEY (join_day, member_id)
      ) STRICT, WITHOUT ROWID;

      -- Per local day: members who joined, spells that started and ended, members whose first and
      -- second paid-order days fell on it. Prefix sums of these answer "members on day d", "MAU on
      -- day d" and "buyers / repeat buyers by day d" for any d from a few hundred rows.
      CREATE TABLE kpi_day (
        day INTEGER PRIMARY KEY,
        joins INTEGER NOT NULL DEFAULT 0,
        spell_starts INTEGER NOT NULL DEFAULT 0,
        spell_ends INTEGER NOT NULL DEFAULT 0,
        first_paid INTEGER NOT NULL DEFAULT 0,
        second_paid INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- Activity spells: maximal runs of a member's active days with gaps of at most 30 days,
      -- so "active in the 30 days ending t" is "some spell has start <= t <= end + 29", and a
      -- spell end followed by 60 silent days is a churn.
      CREATE TABLE kpi_spell (
        member_id INTEGER NOT NULL,
        start_day INTEGER NOT NULL,
        end_day INTEGER NOT NULL,
        next_start INTEGER
      ) STRICT;
      CREATE INDEX kpi_spell_end ON kpi_spell(end_day, next_start);

      -- Distinct active members per calendar month (month_start = day number of the 1st).
      CREATE TABLE kpi_month_active (
        month_start INTEGER PRIMARY KEY,
        members INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE kpi_cache (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        stamp TEXT NOT NULL,
        built_at INTEGER NOT NULL
      ) STRICT;

      -- Tier counts, KOCs and CLV from member_score (JSON), keyed by the recompute that wrote
      -- member_score: a full pass over its wide rows costs ~60 ms at 100k members.
      CREATE TABLE kpi_score_snapshot (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        stamp TEXT NOT NULL,
        snapshot TEXT NOT NULL
      ) STRICT;

      -- The NPS series reads score and day by time range without visiting the table; the old
      -- ts-only index is a prefix of this one.
      CREATE INDEX survey_response_ts_score ON survey_response(ts, score, day);
      DROP INDEX survey_response_ts;
    `);
  },
};
