/** Member look-ups shared by the merge screens and (later) the member grid. */
import type BetterSqlite3 from 'better-sqlite3';
import type { MemberBrief } from '../../shared/members';

interface MemberRow {
  id: number;
  display_name: string;
  first_seen: number | null;
  last_seen: number | null;
}

/**
 * Members with their identities, in the order of `ids`; unknown ids are left out.
 *
 * @example
 * memberBriefs(sqlite, [12])[0] // { id: 12, name: '王小明', identities: [{ source: 'wechat', ... }], ... }
 */
export function memberBriefs(sqlite: BetterSqlite3.Database, ids: readonly number[]): MemberBrief[] {
  if (ids.length === 0) return [];
  const member = sqlite.prepare<[number], MemberRow>('SELECT id, display_name, first_seen, last_seen FROM member WHERE id = ?');
  const identities = sqlite.prepare<
    [number],
    { source: string; external_id: string; handle: string | null; display_name: string | null; email: string | null; phone: string | null }
  >('SELECT source, external_id, handle, display_name, email, phone FROM identity WHERE member_id = ? ORDER BY source, id');
  const out: MemberBrief[] = [];
  for (const id of ids) {
    const row = member.get(id);
    if (!row) continue;
    out.push({
      id: row.id,
      name: row.display_name,
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
      identities: identities.all(id).map((i) => ({
        source: i.source,
        externalId: i.external_id,
        handle: i.handle,
        displayName: i.display_name,
        email: i.email,
        phone: i.phone,
      })),
    });
  }
  return out;
}

/**
 * Live members whose name, handle or e-mail contains `query` (case-insensitive for Latin; CJK
 * matches as substrings), most recently seen first.
 *
 * @example
 * searchMembers(sqlite, '小明', 20).map((m) => m.name) // ['王小明']
 */
export function searchMembers(sqlite: BetterSqlite3.Database, query: string, limit: number): MemberBrief[] {
  const needle = `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const ids = sqlite
    .prepare<[{ name: string; limit: number }], { id: number }>(
      `SELECT m.id FROM member m
       WHERE m.merged_into IS NULL AND (
         m.display_name LIKE @name ESCAPE '\\'
         OR EXISTS (SELECT 1 FROM identity i WHERE i.member_id = m.id AND (i.handle LIKE @name ESCAPE '\\' OR i.email LIKE @name ESCAPE '\\' OR i.display_name LIKE @name ESCAPE '\\')))
       ORDER BY m.last_seen DESC NULLS LAST, m.id LIMIT @limit`,
    )
    .all({ name: needle, limit })
    .map((r) => r.id);
  return memberBriefs(sqlite, ids);
}

export interface MergeRow {
  id: number;
  into_member_id: number;
  from_member_id: number;
  reason: string;
  merged_at: number;
  undone_at: number | null;
}

/**
 * Merge history, newest first.
 *
 * @example
 * listMerges(sqlite)[0] // { id: 5, into_member_id: 12, from_member_id: 907, ... }
 */
export function listMerges(sqlite: BetterSqlite3.Database, limit = 200): MergeRow[] {
  return sqlite
    .prepare<[number], MergeRow>('SELECT id, into_member_id, from_member_id, reason, merged_at, undone_at FROM member_merge ORDER BY id DESC LIMIT ?')
    .all(limit);
}

/**
 * The merges one member took part in, newest first, with the other member's name.
 *
 * @example
 * listMergesFor(sqlite, 12)[0] // { id: 5, otherId: 907, otherName: 'Emma', direction: 'from', undone: false }
 */
export function listMergesFor(
  sqlite: BetterSqlite3.Database,
  memberId: number,
): { id: number; otherId: number; otherName: string; direction: 'into' | 'from'; undone: boolean }[] {
  return sqlite
    .prepare<{ id: number }, { id: number; otherId: number; otherName: string; direction: 'into' | 'from'; undone: number }>(
      `SELECT g.id, o.id AS otherId, o.display_name AS otherName,
         CASE WHEN g.into_member_id = @id THEN 'from' ELSE 'into' END AS direction, g.undone_at IS NOT NULL AS undone
       FROM member_merge g JOIN member o ON o.id = CASE WHEN g.into_member_id = @id THEN g.from_member_id ELSE g.into_member_id END
       WHERE g.into_member_id = @id OR g.from_member_id = @id ORDER BY g.id DESC LIMIT 50`,
    )
    .all({ id: memberId })
    .map((r) => ({ ...r, undone: r.undone === 1 }));
}
