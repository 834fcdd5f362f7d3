/**
 * How member_daily is counted from activity, in one place: the import writer, undo, merges and
 * bulk loads all keep it the same way.
 */
import { activityKinds, type ActivityKind } from '../../shared/import';

/** Kinds whose `value` is the number of reactions the post received. */
export const postingKinds: readonly ActivityKind[] = ['message', 'reply', 'post', 'ugc_post', 'comment'];

/**
 * The member_daily column that counts one activity kind.
 *
 * @example
 * kindColumn('checkin') // 'k_checkin'
 */
export function kindColumn(kind: ActivityKind): `k_${ActivityKind}` {
  return `k_${kind}`;
}

/** Every member_daily column after (day, member_id): events, one per kind, reactions_received. */
export const memberDailyColumns: readonly string[] = ['events', ...activityKinds.map(kindColumn), 'reactions_received'];

/**
 * SQL that inserts member_daily rows counted from the activity rows matching `where` (a SQL
 * condition over `activity`, or '1' for all).
 *
 * @example
 * sqlite.exec(insertMemberDailyFromActivity('day IN (SELECT day FROM undo_days)'));
 */
export function insertMemberDailyFromActivity(where: string): string {
  const sums = activityKinds.map((kind) => `sum(kind = '${kind}')`).join(', ');
  const posting = postingKinds.map((kind) => `'${kind}'`).join(', ');
  return `INSERT INTO member_daily (day, member_id, ${memberDailyColumns.join(', ')})
    SELECT day, member_id, count(*), ${sums},
      coalesce(sum(CASE WHEN kind IN (${posting}) THEN max(0, cast(coalesce(value, 0) AS INTEGER)) END), 0)
    FROM activity WHERE ${where} GROUP BY day, member_id`;
}

/** Per-(day, member) counts gathered in memory before one upsert: events, kinds…, reactions. */
export class MemberDailyTally {
  private readonly cells = new Map<string, Int32Array>();
  private static readonly width = memberDailyColumns.length;
  private static readonly kindIndex = new Map<string, number>(activityKinds.map((kind, i) => [kind, i + 1]));
  private static readonly posting = new Set<string>(postingKinds);

  add(day: number, memberId: number, kind: ActivityKind, value: number | null | undefined): void {
    const key = `${day}\u0000${memberId}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = new Int32Array(MemberDailyTally.width);
      this.cells.set(key, cell);
    }
    cell[0] = (cell[0] ?? 0) + 1;
    const index = MemberDailyTally.kindIndex.get(kind);
    if (index !== undefined) cell[index] = (cell[index] ?? 0) + 1;
    if (MemberDailyTally.posting.has(kind) && typeof value === 'number' && value > 0) {
      cell[MemberDailyTally.width - 1] = (cell[MemberDailyTally.width - 1] ?? 0) + Math.trunc(value);
    }
  }

  get size(): number {
    return this.cells.size;
  }

  /** Each gathered row as [day, memberId, ...counts in memberDailyColumns order]; then empties. */
  *drain(): Generator<number[]> {
    for (const [key, cell] of this.cells) {
      const [day, memberId] = key.split('\u0000');
      yield [Number(day), Number(memberId), ...cell];
    }
    this.cells.clear();
  }
}

/**
 * An upsert that adds counts to member_daily, for rows from `MemberDailyTally.drain()`.
 *
 * @example
 * const upsert = sqlite.prepare(upsertMemberDailySql());
 * for (const row of tally.drain()) upsert.run(...row);
 */
export function upsertMemberDailySql(): string {
  const columns = memberDailyColumns;
  return `INSERT INTO member_daily (day, member_id, ${columns.join(', ')})
    VALUES (${['?', '?', ...columns.map(() => '?')].join(', ')})
    ON CONFLICT (day, member_id) DO UPDATE SET ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
}
