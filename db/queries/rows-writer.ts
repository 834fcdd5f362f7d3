/**
 * Writing many rows with one statement call per hundred rows instead of one per row: at a million
 * rows the per-call cost (binding, stepping, resetting) is most of the time a single-row INSERT
 * takes.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** Rows per statement call (a hundred rows of 18 values stays far under SQLite's 32,766 parameters). */
const ROWS_PER_CALL = 100;

export interface RowsWriter {
  /** Adds one row: exactly as many values as the statement has columns. */
  add(...values: unknown[]): void;
  /** Writes what is pending; returns how many rows were added in all. */
  finish(): number;
}

/**
 * A writer for `head VALUES (…), (…) tail`, where each row has `width` values.
 *
 * @example
 * const out = rowsWriter(sqlite, 'INSERT INTO member_tier (member_id, tier, since_day, reviewed_day)', 4,
 *   'ON CONFLICT (member_id) DO UPDATE SET tier = excluded.tier');
 * out.add(7, 'core', 20781, null);
 * out.finish(); // 1
 */
export function rowsWriter(
  sqlite: BetterSqlite3.Database,
  head: string,
  width: number,
  tail = '',
  perCall = ROWS_PER_CALL,
): RowsWriter {
  const row = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  const statement = (rows: number): BetterSqlite3.Statement<unknown[]> =>
    sqlite.prepare(`${head} VALUES ${Array.from({ length: rows }, () => row).join(', ')} ${tail}`);
  const many = statement(perCall);
  let one: BetterSqlite3.Statement<unknown[]> | undefined;
  const values: unknown[] = [];
  let count = 0;
  return {
    add(...rowValues) {
      if (rowValues.length !== width)
        throw new RangeError(`rowsWriter: ${rowValues.length} values for ${width} columns`);
      for (const value of rowValues) values.push(value);
      count += 1;
      if (values.length === width * perCall) {
        many.run(values);
        values.length = 0;
      }
    },
    finish() {
      one ??= values.length > 0 ? statement(1) : undefined;
      for (let i = 0; i < values.length; i += width) one?.run(values.slice(i, i + width));
      values.length = 0;
      return count;
    },
  };
}
