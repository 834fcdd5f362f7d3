/**
 * Identity merge: one person on several platforms becomes one member. Merges move rows and
 * record every moved row, so an unmerge puts exactly those rows back.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { HearthError } from '../../shared/errors';
import { handleKey, isDistinctiveName, nameKey, phoneKey } from '../../shared/names';
import { rebuildRollupsForDays } from './batches';
import { refreshMemberLabels } from './member-labels';

export interface MergeCandidate {
  a: number;
  b: number;
  reason: 'email' | 'phone' | 'handle' | 'name';
  score: number;
  /** The matching value, e.g. the shared e-mail. */
  detail: string;
}

const SCORE: Record<MergeCandidate['reason'], number> = { email: 0.99, phone: 0.95, handle: 0.8, name: 0.6 };

interface IdentityRow {
  member_id: number;
  source: string;
  handle: string | null;
  display_name: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * Suggests pairs of live members that are probably one person: a shared e-mail or phone, the
 * same handle on two platforms, or the same distinctive name (CJK-aware) on two platforms.
 * Pairs the user rejected before are left out. Strongest first.
 *
 * @example
 * suggestMerges(sqlite, 50)[0] // { a: 12, b: 907, reason: 'email', score: 0.99, detail: 'emma@example.com' }
 */
export function suggestMerges(sqlite: BetterSqlite3.Database, limit: number): MergeCandidate[] {
  const groups = new Map<string, { reason: MergeCandidate['reason']; detail: string; members: Map<number, Set<string>> }>();
  const add = (reason: MergeCandidate['reason'], key: string, detail: string, memberId: number, source: string): void => {
    const id = `${reason}\u0000${key}`;
    let group = groups.get(id);
    if (!group) {
      group = { reason, detail, members: new Map() };
      groups.set(id, group);
    }
    let sources = group.members.get(memberId);
    if (!sources) {
      sources = new Set();
      group.members.set(memberId, sources);
    }
    sources.add(source);
  };
  const rows = sqlite
    .prepare<[], IdentityRow>(
      `SELECT i.member_id, i.source, i.handle, coalesce(i.display_name, m.display_name) AS display_name, i.email, i.phone
       FROM identity i JOIN member m ON m.id = i.member_id WHERE m.merged_into IS NULL`,
    )
    .iterate();
  for (const row of rows) {
    if (row.email) add('email', row.email.trim().toLowerCase(), row.email, row.member_id, row.source);
    if (row.phone) {
      const key = phoneKey(row.phone);
      if (key.length >= 7) add('phone', key, row.phone, row.member_id, row.source);
    }
    if (row.handle) {
      const key = handleKey(row.handle);
      if (key.length >= 4) add('handle', key, row.handle, row.member_id, row.source);
    }
    if (row.display_name) {
      const key = nameKey(row.display_name);
      if (isDistinctiveName(key)) add('name', key, row.display_name, row.member_id, row.source);
    }
  }

  const rejected = new Set(
    sqlite
      .prepare<[], { member_a: number; member_b: number }>('SELECT member_a, member_b FROM merge_decision')
      .all()
      .map((r) => `${r.member_a}:${r.member_b}`),
  );
  const best = new Map<string, MergeCandidate>();
  for (const group of groups.values()) {
    // A key shared by many members (a common name, a shop's default e-mail) is no evidence.
    if (group.members.size < 2 || group.members.size > 5) continue;
    const ids = [...group.members.keys()].sort((x, y) => x - y);
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const a = ids[i] as number;
        const b = ids[j] as number;
        if (rejected.has(`${a}:${b}`)) continue;
        if (group.reason === 'name' || group.reason === 'handle') {
          // The same name on the same platform is usually two people; across platforms, often one.
          const sa = group.members.get(a) as Set<string>;
          const sb = group.members.get(b) as Set<string>;
          if ([...sa].every((s) => sb.has(s)) && [...sb].every((s) => sa.has(s))) continue;
        }
        const key = `${a}:${b}`;
        const candidate: MergeCandidate = { a, b, reason: group.reason, score: SCORE[group.reason], detail: group.detail };
        const prior = best.get(key);
        if (!prior || prior.score < candidate.score) best.set(key, candidate);
      }
    }
  }
  return [...best.values()].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b).slice(0, limit);
}

function liveMember(sqlite: BetterSqlite3.Database, id: number): { id: number; merged_into: number | null } {
  const row = sqlite.prepare<[number], { id: number; merged_into: number | null }>('SELECT id, merged_into FROM member WHERE id = ?').get(id);
  if (!row) throw new HearthError('not_found', `No member ${id}`, { memberId: id });
  if (row.merged_into !== null) {
    throw new HearthError('invalid_argument', `Member ${id} was already merged into member ${row.merged_into}`, { memberId: id });
  }
  return row;
}

function recomputeSeen(sqlite: BetterSqlite3.Database, ids: readonly number[]): void {
  const update = sqlite.prepare(`
    UPDATE member SET
      first_seen = (SELECT min(ts) FROM (SELECT ts FROM activity WHERE member_id = @id
        UNION ALL SELECT ts FROM "order" WHERE member_id = @id UNION ALL SELECT ts FROM survey_response WHERE member_id = @id)),
      last_seen = (SELECT max(ts) FROM (SELECT ts FROM activity WHERE member_id = @id
        UNION ALL SELECT ts FROM "order" WHERE member_id = @id UNION ALL SELECT ts FROM survey_response WHERE member_id = @id))
    WHERE id = @id`);
  for (const id of ids) update.run({ id });
}

const MOVABLE = [
  { tbl: 'identity', table: 'identity' },
  { tbl: 'activity', table: 'activity' },
  { tbl: 'order', table: '"order"' },
  { tbl: 'survey_response', table: 'survey_response' },
  { tbl: 'points_entry', table: 'points_entry' },
] as const;

/**
 * Merges member `fromId` into `intoId`: moves its identities, activity, orders and survey answers,
 * records each moved row, hides `fromId` (merged_into) and keeps rollups exact.
 *
 * @example
 * mergeMembers(sqlite, 12, 907, 'email: emma@example.com', Date.now()) // 5 (the merge id)
 */
export function mergeMembers(sqlite: BetterSqlite3.Database, intoId: number, fromId: number, reason: string, now: number): number {
  if (intoId === fromId) throw new HearthError('invalid_argument', 'A member cannot be merged into itself');
  return sqlite.transaction(() => {
    liveMember(sqlite, intoId);
    liveMember(sqlite, fromId);
    const mergeId = Number(
      sqlite
        .prepare('INSERT INTO member_merge (into_member_id, from_member_id, reason, merged_at) VALUES (?, ?, ?, ?)')
        .run(intoId, fromId, reason, now).lastInsertRowid,
    );
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS merge_days (day INTEGER PRIMARY KEY); DELETE FROM merge_days;');
    sqlite.prepare('INSERT OR IGNORE INTO merge_days SELECT DISTINCT day FROM activity WHERE member_id = ?').run(fromId);
    for (const { tbl, table } of MOVABLE) {
      sqlite.prepare(`INSERT INTO member_merge_row (merge_id, tbl, row_id) SELECT ?, '${tbl}', id FROM ${table} WHERE member_id = ?`).run(mergeId, fromId);
      sqlite.prepare(`UPDATE ${table} SET member_id = ? WHERE member_id = ?`).run(intoId, fromId);
    }
    sqlite.prepare('UPDATE member SET merged_into = ? WHERE id = ?').run(intoId, fromId);
    // Tags are copied, not moved: after an unmerge both people keep the tags they had.
    sqlite.prepare('INSERT OR IGNORE INTO member_tag (member_id, tag) SELECT ?, tag FROM member_tag WHERE member_id = ?').run(intoId, fromId);
    sqlite.prepare('DELETE FROM member_score WHERE member_id = ?').run(fromId);
    rebuildRollupsForDays(sqlite, 'merge_days');
    recomputeSeen(sqlite, [intoId]);
    refreshMemberLabels(sqlite, [intoId, fromId]);
    return mergeId;
  })();
}

/**
 * Undoes a merge: exactly the recorded rows go back to the merged member, which shows again.
 * Rows imported after the merge stay with the member they were imported to.
 *
 * @example
 * unmergeMembers(sqlite, 5, Date.now());
 */
export function unmergeMembers(sqlite: BetterSqlite3.Database, mergeId: number, now: number): void {
  sqlite.transaction(() => {
    const merge = sqlite
      .prepare<[number], { into_member_id: number; from_member_id: number; undone_at: number | null }>(
        'SELECT into_member_id, from_member_id, undone_at FROM member_merge WHERE id = ?',
      )
      .get(mergeId);
    if (!merge) throw new HearthError('not_found', `No merge ${mergeId}`, { mergeId });
    if (merge.undone_at !== null) throw new HearthError('invalid_argument', `Merge ${mergeId} was already undone`, { mergeId });
    const into = sqlite
      .prepare<[number], { merged_into: number | null }>('SELECT merged_into FROM member WHERE id = ?')
      .get(merge.into_member_id);
    if (into?.merged_into != null) {
      // Its rows moved on with a later merge; undo that one first so every row comes back exactly.
      throw new HearthError(
        'invalid_argument',
        `Member ${merge.into_member_id} was itself merged into member ${into.merged_into} later; undo that merge first`,
        { mergeId },
      );
    }
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS merge_days (day INTEGER PRIMARY KEY); DELETE FROM merge_days;');
    sqlite
      .prepare(`INSERT OR IGNORE INTO merge_days SELECT DISTINCT a.day FROM activity a JOIN member_merge_row r ON r.tbl = 'activity' AND r.row_id = a.id WHERE r.merge_id = ?`)
      .run(mergeId);
    for (const { tbl, table } of MOVABLE) {
      sqlite
        .prepare(`UPDATE ${table} SET member_id = ? WHERE id IN (SELECT row_id FROM member_merge_row WHERE merge_id = ? AND tbl = '${tbl}')`)
        .run(merge.from_member_id, mergeId);
    }
    sqlite.prepare('UPDATE member SET merged_into = NULL WHERE id = ?').run(merge.from_member_id);
    sqlite.prepare('UPDATE member_merge SET undone_at = ? WHERE id = ?').run(now, mergeId);
    rebuildRollupsForDays(sqlite, 'merge_days');
    recomputeSeen(sqlite, [merge.into_member_id, merge.from_member_id]);
    refreshMemberLabels(sqlite, [merge.into_member_id, merge.from_member_id]);
  })();
}

/**
 * Records that two members are not the same person, so they are not suggested again.
 *
 * @example
 * rejectMerge(sqlite, 12, 907, Date.now());
 */
export function rejectMerge(sqlite: BetterSqlite3.Database, a: number, b: number, now: number): void {
  const [x, y] = a < b ? [a, b] : [b, a];
  sqlite
    .prepare(`INSERT INTO merge_decision (member_a, member_b, decision, decided_at) VALUES (?, ?, 'rejected', ?)
      ON CONFLICT (member_a, member_b) DO UPDATE SET decided_at = excluded.decided_at`)
    .run(x, y, now);
}
