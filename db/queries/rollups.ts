/**
 * How member_daily is counted from activity, in one place: the import writer, undo, merges and
 * bulk loads all keep it the same way.
 */
import { activityKinds, type ActivityKind } from '../../shared/import';
import type { MemberRules } from '../../shared/members/rules';

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

/**
 * The points one member_daily row earns under `rules`, as SQL: per kind min(count × points, kind
 * cap), summed, then capped per day. Mirrors `pointsForDay` in shared/members/points.ts.
 * `column` maps a kind's column name to the SQL to read it with (upserts add `excluded.` counts).
 *
 * @example
 * pointsExpression({ rules: [{ kind: 'message', points: 1, dailyCap: 20 }], dailyCap: 100, expiry: { mode: 'none' } })
 * // 'min(100, min(20, k_message * 1))'
 */
export function pointsExpression(rules: MemberRules['points'], column: (name: string) => string = (name) => name): string {
  const terms = rules.rules
    .filter((rule) => rule.points > 0)
    .map((rule) => {
      const earned = `${column(kindColumn(rule.kind))} * ${Math.trunc(rule.points)}`;
      return rule.dailyCap === null ? earned : `min(${Math.trunc(rule.dailyCap)}, ${earned})`;
    });
  const sum = terms.length === 0 ? '0' : terms.join(' + ');
  return rules.dailyCap === null ? `(${sum})` : `min(${Math.trunc(rules.dailyCap)}, ${sum})`;
}

/** Every member_daily column after (day, member_id): events, one per kind, reactions_received. */
export const memberDailyColumns: readonly string[] = ['events', ...activityKinds.map(kindColumn), 'reactions_received'];

/**
 * SQL that inserts member_daily rows counted from the activity rows matching `where` (a SQL
 * condition over `activity`, or '1' for all), with each day's points under `rules` when given
 * (otherwise 0, for a later refresh).
 *
 * @example
 * sqlite.exec(insertMemberDailyFromActivity('day IN (SELECT day FROM undo_days)', rules.points));
 */
export function insertMemberDailyFromActivity(where: string, rules?: MemberRules['points']): string {
  const sums = activityKinds.map((kind) => `sum(kind = '${kind}') AS ${kindColumn(kind)}`).join(', ');
  const posting = postingKinds.map((kind) => `'${kind}'`).join(', ');
  return `INSERT INTO member_daily (day, member_id, ${memberDailyColumns.join(', ')}, points)
    SELECT day, member_id, ${memberDailyColumns.join(', ')}, ${rules ? pointsExpression(rules) : '0'} FROM (
      SELECT day, member_id, count(*) AS events, ${sums},
        coalesce(sum(CASE WHEN kind IN (${posting}) THEN max(0, cast(coalesce(value, 0) AS INTEGER)) END), 0) AS reactions_received
      FROM activity WHERE ${where} GROUP BY member_id, day)`;
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
 * An upsert that adds counts to member_daily and keeps its points current, for rows from
 * `MemberDailyTally.drain()` followed by the points those counts alone earn (`pointsForDay`), as
 * the parts `rowsWriter` takes (many rows per statement call). On a day the member already had,
 * points are recomputed from the summed counts (caps make points not add up).
 *
 * @example
 * const { head, width, tail } = upsertMemberDaily(rules.points);
 * const out = rowsWriter(sqlite, head, width, tail);
 * for (const row of tally.drain()) out.add(...row, pointsForDay(countsOfRow(row.slice(2)), rules.points));
 * out.finish();
 */
export function upsertMemberDaily(rules: MemberRules['points']): { head: string; width: number; tail: string } {
  const columns = memberDailyColumns;
  const summed = pointsExpression(rules, (name) => `(${name} + excluded.${name})`);
  return {
    head: `INSERT INTO member_daily (day, member_id, ${columns.join(', ')}, points)`,
    width: columns.length + 3,
    tail: `ON CONFLICT (member_id, day) DO UPDATE SET ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}, points = ${summed}`,
  };
}
