/**
 * member_daily.points: what each member-day earned under the workspace's points rules, stored so
 * that a recompute sums a column instead of evaluating the rules over millions of rows. Writes
 * keep it current; a change of rules (or a workspace whose points were never filled) is noticed by
 * the rules' fingerprint and the column is recomputed once.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { activityKinds } from '../../shared/import';
import type { MemberRules } from '../../shared/members/rules';
import { withTotalsRebuilt } from './member-totals';
import { pointsExpression } from './rollups';

const FINGERPRINT_KEY = 'pointsRulesFingerprint';

/** What the stored points depend on: the earning rules and caps (not expiry). */
function fingerprint(rules: MemberRules['points']): string {
  return JSON.stringify({ rules: [...rules.rules].sort((a, b) => a.kind.localeCompare(b.kind)), dailyCap: rules.dailyCap });
}

/**
 * True when member_daily.points was computed with these rules.
 *
 * @example
 * pointsAreCurrent(sqlite, rules.points) // false right after the rules changed
 */
export function pointsAreCurrent(sqlite: BetterSqlite3.Database, rules: MemberRules['points']): boolean {
  const row = sqlite.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?').get(FINGERPRINT_KEY);
  return row !== undefined && (JSON.parse(row.value) as string) === fingerprint(rules);
}

/**
 * Recomputes member_daily.points for every row when the rules changed since it was filled (inside
 * the caller's transaction or its own). Returns true when it had to.
 *
 * @example
 * ensurePointsCurrent(sqlite, readMemberRules(sqlite).points) // true once after a rules change
 */
export function ensurePointsCurrent(sqlite: BetterSqlite3.Database, rules: MemberRules['points']): boolean {
  if (pointsAreCurrent(sqlite, rules)) return false;
  sqlite.transaction(() => {
    withTotalsRebuilt(sqlite, () => sqlite.exec(`UPDATE member_daily SET points = ${pointsExpression(rules)}`));
    markPointsCurrent(sqlite, rules);
  })();
  return true;
}

/**
 * Records that member_daily.points holds every row's points under `rules` (after a bulk load that
 * computed them itself).
 *
 * @example
 * markPointsCurrent(sqlite, rules.points);
 */
export function markPointsCurrent(sqlite: BetterSqlite3.Database, rules: MemberRules['points']): void {
  sqlite
    .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(FINGERPRINT_KEY, JSON.stringify(fingerprint(rules)));
}

/**
 * Recomputes points for the member_daily rows of the days in a temp table `days(day)` (after
 * undo or a merge rebuilt those rows).
 *
 * @example
 * refreshPointsForDays(sqlite, rules.points, 'undo_days');
 */
export function refreshPointsForDays(sqlite: BetterSqlite3.Database, rules: MemberRules['points'], daysTable: string): void {
  if (!/^[a-z_]+$/.test(daysTable)) throw new Error(`bad table name ${daysTable}`);
  sqlite.exec(`UPDATE member_daily SET points = ${pointsExpression(rules)} WHERE day IN (SELECT day FROM ${daysTable})`);
}

/** The counts `pointsForDay` takes, from a row laid out as `memberDailyColumns` (events first). */
export function countsOfRow(row: ArrayLike<number>): Partial<Record<(typeof activityKinds)[number], number>> {
  const counts: Partial<Record<(typeof activityKinds)[number], number>> = {};
  activityKinds.forEach((kind, i) => {
    const n = row[i + 1] ?? 0;
    if (n > 0) counts[kind] = n;
  });
  return counts;
}
