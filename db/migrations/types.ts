import type BetterSqlite3 from 'better-sqlite3';

/**
 * One forward-only schema step. `up` runs inside a transaction with the raw driver and must not
 * depend on current application code: a migration is frozen the day it ships.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
}
