/**
 * An import that adds many activities compared with what the workspace holds drops activity's
 * secondary indexes while it writes and builds them again before it commits. Each added row
 * costs ~7 µs to enter into four indexes (1,000,000 rows into an empty workspace: 6.9 s of
 * 36.5 s) against ~1.2 µs a row, for every row in the table, to build them at the end (1.2 s):
 * worth it once the import has added about as many rows as the table had. The unique key stays:
 * it is what recognises duplicates. Inside the import's transaction, so a failed or cancelled
 * import leaves the indexes as they were.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** Below this many added rows the indexes always stay (building them costs more than it saves). */
export const DROP_ACTIVITY_INDEXES_FROM = 50_000;

export interface ActivityIndexes {
  /** Told how many activities the import has added so far; drops the indexes once that pays. */
  added(count: number): void;
  /** Builds again whatever was dropped. */
  restore(): void;
}

/**
 * Watches an import's activity count (use inside its transaction).
 *
 * @example
 * const indexes = activityIndexes(sqlite);
 * indexes.added(counts.activitiesAdded); // after each batch of records
 * indexes.restore(); // before the commit
 */
export function activityIndexes(sqlite: BetterSqlite3.Database, from = DROP_ACTIVITY_INDEXES_FROM): ActivityIndexes {
  // The highest id: as many rows as the table ever had, without counting them (an overestimate
  // after undos, which only keeps the indexes more often).
  const existing = sqlite.prepare<[], number | null>('SELECT max(id) FROM activity').pluck().get() ?? 0;
  const threshold = Math.max(from, existing);
  let saved: { name: string; sql: string }[] = [];
  return {
    added(count) {
      if (saved.length > 0 || count < threshold) return;
      // Every index that is not unique, with its SQL as the schema has it now, so the rebuild is
      // exactly what was there.
      saved = sqlite
        .prepare<[], { name: string; sql: string }>(
          `SELECT m.name, m.sql FROM pragma_index_list('activity') l JOIN sqlite_master m ON m.name = l.name
           WHERE l."unique" = 0 AND m.sql IS NOT NULL ORDER BY m.name`,
        )
        .all();
      for (const { name } of saved) sqlite.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
    },
    restore() {
      if (saved.length === 0) return;
      // SQLite sorts each index in memory up to the page cache's size (16 MB here) before it
      // spills sorted runs to temp files; the end of a big import, when every per-member
      // structure is at its largest, is where peak memory is, so the sort gets a quarter.
      const cache = sqlite.pragma('cache_size', { simple: true }) as number;
      sqlite.pragma('cache_size = -4000');
      try {
        for (const { sql } of saved) sqlite.exec(sql);
      } finally {
        sqlite.pragma(`cache_size = ${cache}`);
      }
      saved = [];
    },
  };
}
