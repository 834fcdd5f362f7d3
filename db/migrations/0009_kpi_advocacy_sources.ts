import type { Migration } from './types';

/**
 * KPI rollups for tier moves and for scale per source, keyed by days so the dashboard's reads
 * stay the same size at 1M members.
 *
 * - kpi_tier_day: per local day (member_tier_history.day), live members first given a tier that
 *   day, promotions and demotions. Rebuilt on its own stamp (kpi_tier_cache), because points
 *   adjustments and recomputes write tier history without touching what kpi_cache watches, and a
 *   full KPI cache rebuild per points grant would cost seconds at 1M members.
 * - kpi_source_day: live members by local join day and the source of their first identity (the
 *   lowest identity id), rebuilt with the rest of kpi_cache. The cache stamp is cleared so the
 *   next dashboard fills it.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'kpi_advocacy_sources',
  up(db) {
    db.exec(`
      CREATE TABLE kpi_tier_day (
        day INTEGER PRIMARY KEY,
        tiered INTEGER NOT NULL,
        promoted INTEGER NOT NULL,
        demoted INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE kpi_tier_cache (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        stamp TEXT NOT NULL,
        built_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE kpi_source_day (
        day INTEGER NOT NULL,
        source TEXT NOT NULL,
        joins INTEGER NOT NULL,
        PRIMARY KEY (day, source)
      ) STRICT, WITHOUT ROWID;

      DELETE FROM kpi_cache;
    `);
  },
};
