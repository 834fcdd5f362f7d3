/** Column mappings remembered per workspace, keyed by format and the file's header row. */
import type BetterSqlite3 from 'better-sqlite3';

export interface StoredMapping {
  mapping: Record<string, string>;
  dateFormat: string | null;
}

/**
 * The normalised header row a mapping is remembered under.
 *
 * @example
 * mappingSignature([' CustomerID', 'InvoiceDate ']) // 'customerid\u001finvoicedate'
 */
export function mappingSignature(columns: readonly string[]): string {
  return columns.map((c) => c.normalize('NFKC').trim().toLowerCase()).join('\u001f');
}

/**
 * The mapping last used for files with these columns, if any.
 *
 * @example
 * findMapping(sqlite, 'orders-csv', signature) // { mapping: { member: 'CustomerID' }, dateFormat: null }
 */
export function findMapping(sqlite: BetterSqlite3.Database, format: string, signature: string): StoredMapping | null {
  const row = sqlite
    .prepare<[string, string], { mapping: string; date_format: string | null }>(
      'SELECT mapping, date_format FROM import_mapping WHERE format = ? AND signature = ?',
    )
    .get(format, signature);
  return row ? { mapping: JSON.parse(row.mapping) as Record<string, string>, dateFormat: row.date_format } : null;
}

/**
 * Remembers the mapping used for files with these columns.
 *
 * @example
 * saveMapping(sqlite, 'orders-csv', signature, { mapping: { member: 'CustomerID' }, dateFormat: 'M/D/YYYY H:mm' }, Date.now());
 */
export function saveMapping(sqlite: BetterSqlite3.Database, format: string, signature: string, stored: StoredMapping, now: number): void {
  sqlite
    .prepare(
      `INSERT INTO import_mapping (format, signature, mapping, date_format, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (format, signature) DO UPDATE SET mapping = excluded.mapping, date_format = excluded.date_format, updated_at = excluded.updated_at`,
    )
    .run(format, signature, JSON.stringify(stored.mapping), stored.dateFormat, now);
}
