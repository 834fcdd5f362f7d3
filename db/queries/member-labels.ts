/**
 * member_label: each live member's name, sort key, search text and identity count, kept current
 * by the writes that change them (import, merge, undo) so the grid can search and sort by name
 * without a recompute rebuilding them.
 */
import type BetterSqlite3 from 'better-sqlite3';

const LABEL_SELECT = `SELECT m.id, m.display_name, m.sort_key,
    lower(m.display_name || char(31) || coalesce((SELECT group_concat(
      coalesce(i.display_name, '') || char(31) || coalesce(i.handle, '') || char(31) || coalesce(i.email, ''), char(31))
      FROM identity i WHERE i.member_id = m.id), '')),
    (SELECT count(*) FROM identity i WHERE i.member_id = m.id)
  FROM member m WHERE m.merged_into IS NULL`;

/**
 * Rebuilds the labels of the given members (all members when `ids` is null); merged-away or
 * deleted members lose theirs.
 *
 * @example
 * refreshMemberLabels(sqlite, [12, 907]); // after merging 907 into 12
 */
export function refreshMemberLabels(sqlite: BetterSqlite3.Database, ids: Iterable<number> | null): void {
  if (ids === null) {
    // All at once: one grouped pass over identity rather than two lookups per member.
    sqlite.exec(`
      DELETE FROM member_label;
      INSERT INTO member_label (member_id, name, sort_key, search, identities)
        SELECT m.id, m.display_name, m.sort_key, lower(m.display_name || char(31) || coalesce(g.search, '')), coalesce(g.n, 0)
        FROM member m LEFT JOIN (
          SELECT member_id, count(*) AS n, group_concat(
            coalesce(display_name, '') || char(31) || coalesce(handle, '') || char(31) || coalesce(email, ''), char(31)) AS search
          FROM identity GROUP BY member_id) g ON g.member_id = m.id
        WHERE m.merged_into IS NULL`);
    return;
  }
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS label_ids (id INTEGER PRIMARY KEY); DELETE FROM label_ids;');
  const add = sqlite.prepare<[number]>('INSERT OR IGNORE INTO label_ids (id) VALUES (?)');
  for (const id of ids) add.run(id);
  sqlite.exec(`
    DELETE FROM member_label WHERE member_id IN (SELECT id FROM label_ids);
    INSERT INTO member_label (member_id, name, sort_key, search, identities) ${LABEL_SELECT} AND m.id IN (SELECT id FROM label_ids);
    DELETE FROM label_ids;
  `);
}

/**
 * Fills missing sort keys (new members) on member and member_label; returns how many.
 *
 * @example
 * fillSortKeys(sqlite, sortKey) // 1200 the first time, 0 the next
 */
export function fillSortKeys(sqlite: BetterSqlite3.Database, keyOf: (name: string) => string): number {
  const missing = sqlite.prepare<[], { id: number; name: string }>('SELECT id, display_name AS name FROM member WHERE sort_key IS NULL').all();
  const member = sqlite.prepare<[string, number]>('UPDATE member SET sort_key = ? WHERE id = ?');
  const label = sqlite.prepare<[string, number]>('UPDATE member_label SET sort_key = ? WHERE member_id = ?');
  for (const row of missing) {
    const key = keyOf(row.name);
    member.run(key, row.id);
    label.run(key, row.id);
  }
  return missing.length;
}
