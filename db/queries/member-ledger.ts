/**
 * Writes around the member engines (sort keys, expiries, tier changes, the model summary) and the
 * per-member reads the member drawer shows (ledger, tier history, timeline).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { activityKinds } from '../../shared/import';
import type { Explanation } from '../../shared/members/explain';
import { tierHistoryExplanation, type TierHistoryRow, type TierHistoryValues, type TierState } from '../../shared/members/tiers';
import { kindColumn } from './rollups';
import { rowsWriter } from './rows-writer';

/**
 * Points earned per member and day (stored, see member-points.ts), in member then day order (for
 * age-based expiry).
 *
 * @example
 * for (const { memberId, day, points } of pointsEntriesDaily(sqlite, asOfDay)) addLot(memberId, day, points);
 */
export function pointsEntriesDaily(
  sqlite: BetterSqlite3.Database,
  asOfDay: number,
): IterableIterator<{ memberId: number; day: number; points: number }> {
  return sqlite
    .prepare<{ asOf: number }, { memberId: number; day: number; points: number }>(
      `SELECT member_id AS memberId, day, points
       FROM member_daily WHERE day <= @asOf ORDER BY member_id, day`,
    )
    .iterate({ asOf: asOfDay });
}

/**
 * Replaces the expiry entries (every member's, or one member's): expiries are derived from
 * earnings, debits and the rules each recompute, so rule changes never leave stale ones behind.
 *
 * @example
 * replaceExpiries(sqlite, [{ memberId: 7, day: 20800, ts: 1796947200000, points: -35 }]);
 */
export function replaceExpiries(
  sqlite: BetterSqlite3.Database,
  entries: readonly { memberId: number; day: number; ts: number; points: number }[],
  onlyMember?: number,
): void {
  if (onlyMember === undefined) sqlite.exec(`DELETE FROM points_entry WHERE kind = 'expire'`);
  else sqlite.prepare(`DELETE FROM points_entry WHERE kind = 'expire' AND member_id = ?`).run(onlyMember);
  const insert = sqlite.prepare(`INSERT INTO points_entry (member_id, day, ts, kind, points, reason) VALUES (?, ?, ?, 'expire', ?, '')`);
  for (const e of entries) if (e.points < 0) insert.run(e.memberId, e.day, e.ts, e.points);
}

/**
 * One member's stored tier, or null before their first recompute.
 *
 * @example
 * readTierState(sqlite, 7) // { tierId: 'core', sinceDay: 20700, reviewedDay: 20636 }
 */
export function readTierState(sqlite: BetterSqlite3.Database, memberId: number): TierState | null {
  const row = sqlite
    .prepare<[number], { tier: string; since_day: number; reviewed_day: number | null }>(
      'SELECT tier, since_day, reviewed_day FROM member_tier WHERE member_id = ?',
    )
    .get(memberId);
  return row ? { tierId: row.tier, sinceDay: row.since_day, reviewedDay: row.reviewed_day } : null;
}

export interface TierChange {
  memberId: number;
  state: TierState;
  from: string | null;
  change: 'initial' | 'promoted' | 'demoted';
  /** The numbers of its explanation (tierHistoryValues). */
  values: TierHistoryValues;
}

/**
 * Stores tier changes (with a history row each) and reviews that kept a tier.
 *
 * @example
 * writeTierChanges(sqlite, [{ memberId: 7, state, from: 'active', change: 'promoted', values: tierHistoryValues(explanation) }], []);
 */
export function writeTierChanges(
  sqlite: BetterSqlite3.Database,
  changes: readonly TierChange[],
  reviewed: readonly { memberId: number; state: TierState }[],
): void {
  const out = tierWriter(sqlite);
  for (const c of changes) out.change(c);
  for (const r of reviewed) out.reviewed(r.memberId, r.state);
  out.finish();
}

/**
 * Tier changes and reviews written as they are found, a hundred rows per statement call (a first
 * recompute tiers every member: a million of each row, which held until the end cost the garbage
 * collector ~1.8 s). Use inside the caller's transaction; `finish` writes what is left.
 *
 * @example
 * const tiers = tierWriter(sqlite);
 * tiers.change(change);
 * tiers.finish();
 */
export function tierWriter(sqlite: BetterSqlite3.Database): {
  change(c: TierChange): void;
  reviewed(memberId: number, state: TierState): void;
  finish(): void;
} {
  const upsert = rowsWriter(
    sqlite,
    'INSERT INTO member_tier (member_id, tier, since_day, reviewed_day)',
    4,
    `ON CONFLICT (member_id) DO UPDATE SET tier = excluded.tier, since_day = excluded.since_day, reviewed_day = excluded.reviewed_day`,
  );
  const history = rowsWriter(
    sqlite,
    'INSERT INTO member_tier_history (member_id, day, from_tier, to_tier, change, earned, window_days, threshold, floor, hysteresis)',
    10,
  );
  return {
    change(c) {
      upsert.add(c.memberId, c.state.tierId, c.state.sinceDay, c.state.reviewedDay);
      const v = c.values;
      history.add(c.memberId, c.state.sinceDay, c.from, c.state.tierId, c.change, v.earned, v.window, v.threshold, v.floor, v.hysteresis);
    },
    reviewed(memberId, state) {
      upsert.add(memberId, state.tierId, state.sinceDay, state.reviewedDay);
    },
    finish() {
      upsert.finish();
      history.finish();
    },
  };
}

/**
 * First tiers, written in SQL: each member whose member_score row lies in one of the id ranges
 * given (runs of members never tiered, ascending) gets the tier that row holds, dated `asOfDay`,
 * with an 'initial' history row explained by the tier's threshold and the row's window points:
 * what evaluateTier decides for a member never tiered. A first recompute's million members then
 * cost no two million rows bound from JavaScript (at 1M: ~1.9 s for both tables against ~3 s).
 * Run after member_score is written, inside the same transaction; returns how many.
 *
 * @example
 * writeInitialTiers(sqlite, [[7, 7], [9, 1200]], { asOfDay: 20781, reviewedDay: 20729, windowDays: 90, ladder }) // 2
 */
export function writeInitialTiers(
  sqlite: BetterSqlite3.Database,
  ranges: readonly (readonly [number, number])[],
  { asOfDay, reviewedDay, windowDays, ladder }: { asOfDay: number; reviewedDay: number; windowDays: number; ladder: readonly { id: string; threshold: number }[] },
): number {
  if (ranges.length === 0) return 0;
  const thresholds = ladder.map(() => 'WHEN ? THEN ?').join(' ');
  const thresholdParams = ladder.flatMap((tier) => [tier.id, tier.threshold]);
  const after = sqlite.prepare<[], number>('SELECT coalesce(max(id), 0) FROM member_tier_history').pluck().get() ?? 0;
  const added = sqlite
    .prepare(
      `INSERT INTO member_tier_history (member_id, day, from_tier, to_tier, change, earned, window_days, threshold)
       SELECT s.member_id, ?, NULL, s.tier, 'initial', s.points_window, ?, CASE s.tier ${thresholds} END
       FROM json_each(?) r JOIN member_score s ON s.member_id BETWEEN r.value ->> 0 AND r.value ->> 1`,
    )
    .run(asOfDay, windowDays, ...thresholdParams, JSON.stringify(ranges)).changes;
  // (In id order without sorting: ascending ranges, each a range of the primary key.) The rows
  // just added say who they are.
  sqlite
    .prepare(`INSERT INTO member_tier (member_id, tier, since_day, reviewed_day) SELECT member_id, to_tier, day, ? FROM member_tier_history WHERE id > ? ORDER BY id`)
    .run(reviewedDay, after);
  return added;
}

/**
 * Records when the scores were computed and the fitted models.
 *
 * @example
 * writeMemberModel(sqlite, { computedAt: Date.now(), asOfDay: 20781, summary: { kocCut: 14 } });
 */
export function writeMemberModel(sqlite: BetterSqlite3.Database, model: { computedAt: number; asOfDay: number; summary: unknown }): void {
  sqlite
    .prepare(
      `INSERT INTO member_model (id, computed_at, as_of_day, summary) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET computed_at = excluded.computed_at, as_of_day = excluded.as_of_day, summary = excluded.summary`,
    )
    .run(model.computedAt, model.asOfDay, JSON.stringify(model.summary));
}

/**
 * The last recompute's time, day and summary, or undefined before the first.
 *
 * @example
 * readMemberModel(sqlite)?.asOfDay // 20781
 */
export function readMemberModel(sqlite: BetterSqlite3.Database): { computedAt: number; asOfDay: number; summary: unknown } | undefined {
  const row = sqlite
    .prepare<[], { computed_at: number; as_of_day: number; summary: string }>('SELECT computed_at, as_of_day, summary FROM member_model WHERE id = 1')
    .get();
  return row && { computedAt: row.computed_at, asOfDay: row.as_of_day, summary: JSON.parse(row.summary) as unknown };
}

/**
 * Adds a manual points entry (grant positive, deduction and redemption negative) for each member.
 *
 * @example
 * addPointsEntries(sqlite, [7, 9], { kind: 'grant', points: 50, reason: '活动志愿者', day: 20781, ts: Date.now() });
 */
export function addPointsEntries(
  sqlite: BetterSqlite3.Database,
  memberIds: readonly number[],
  entry: { kind: 'grant' | 'deduct' | 'redeem'; points: number; reason: string; day: number; ts: number },
): number {
  const signed = entry.kind === 'grant' ? Math.abs(entry.points) : -Math.abs(entry.points);
  const insert = sqlite.prepare('INSERT INTO points_entry (member_id, day, ts, kind, points, reason) VALUES (?, ?, ?, ?, ?, ?)');
  for (const id of memberIds) insert.run(id, entry.day, entry.ts, entry.kind, signed, entry.reason);
  return memberIds.length;
}

export interface LedgerLine {
  day: number;
  kind: 'earned' | 'grant' | 'deduct' | 'redeem' | 'expire';
  points: number;
  reason: string;
  counts?: Record<string, number>;
}

/**
 * One member's ledger, newest first: a line per active day that earned points (with the day's
 * counts by kind) and every manual or expiry entry. The balance is the sum of all lines.
 *
 * @example
 * memberLedger(sqlite, 7, 20781, 100) // { balance: 412, lines: [...], more: true }
 */
export function memberLedger(
  sqlite: BetterSqlite3.Database,
  memberId: number,
  asOfDay: number,
  limit: number,
): { balance: number; lines: LedgerLine[]; more: boolean } {
  const columns = activityKinds.map((k) => kindColumn(k));
  const earned = sqlite
    .prepare<{ member: number; asOf: number }, Record<string, number>>(
      `SELECT day, points, ${columns.join(', ')} FROM member_daily
       WHERE member_id = @member AND day <= @asOf ORDER BY day DESC`,
    )
    .all({ member: memberId, asOf: asOfDay });
  const entries = sqlite
    .prepare<{ member: number; asOf: number }, { day: number; kind: LedgerLine['kind']; points: number; reason: string }>(
      `SELECT day, kind, points, reason FROM points_entry WHERE member_id = @member AND day <= @asOf ORDER BY day DESC, id DESC`,
    )
    .all({ member: memberId, asOf: asOfDay });
  const lines: LedgerLine[] = [];
  for (const row of earned) {
    const points = Number(row.points);
    if (points <= 0) continue;
    const counts: Record<string, number> = {};
    activityKinds.forEach((kind, i) => {
      const n = Number(row[columns[i] as string] ?? 0);
      if (n > 0) counts[kind] = n;
    });
    lines.push({ day: Number(row.day), kind: 'earned', points, reason: '', counts });
  }
  lines.push(...entries);
  lines.sort((a, b) => b.day - a.day);
  const balance = lines.reduce((sum, line) => sum + line.points, 0);
  return { balance, lines: lines.slice(0, limit), more: lines.length > limit };
}

/**
 * One member's tier history, newest first, each change with its explanation.
 *
 * @example
 * tierHistory(sqlite, 7)[0] // { day: 20700, from: 'active', to: 'core', change: 'promoted', explanation: { key: 'tier.promoted', … } }
 */
export function tierHistory(
  sqlite: BetterSqlite3.Database,
  memberId: number,
): { day: number; from: string | null; to: string; change: TierHistoryRow['change']; explanation: Explanation }[] {
  return sqlite
    .prepare<[number], TierHistoryRow>(
      `SELECT day, from_tier AS "from", to_tier AS "to", change, earned, window_days AS window, threshold, floor, hysteresis
       FROM member_tier_history WHERE member_id = ? ORDER BY day DESC, id DESC LIMIT 100`,
    )
    .all(memberId)
    .map((row) => ({ day: row.day, from: row.from, to: row.to, change: row.change, explanation: tierHistoryExplanation(row) }));
}

/**
 * One member's latest activity, newest first.
 *
 * @example
 * activityTimeline(sqlite, 7, 50)[0] // { ts: 1796…, kind: 'message', source: 'discord', channel: 'general', text: '…' }
 */
export function activityTimeline(
  sqlite: BetterSqlite3.Database,
  memberId: number,
  limit: number,
): { ts: number; kind: string; source: string; channel: string | null; text: string | null }[] {
  return sqlite
    .prepare<[number, number], { ts: number; kind: string; source: string; channel: string | null; text: string | null }>(
      `SELECT ts, kind, source, channel, text FROM activity WHERE member_id = ? ORDER BY ts DESC LIMIT ?`,
    )
    .all(memberId, limit);
}

/**
 * Adds or removes a tag on members; returns how many changed.
 *
 * @example
 * updateTags(sqlite, [7, 9], '种子用户', 'add') // 2
 */
export function updateTags(sqlite: BetterSqlite3.Database, memberIds: readonly number[], tag: string, action: 'add' | 'remove'): number {
  const statement =
    action === 'add'
      ? sqlite.prepare('INSERT OR IGNORE INTO member_tag (member_id, tag) VALUES (?, ?)')
      : sqlite.prepare('DELETE FROM member_tag WHERE member_id = ? AND tag = ?');
  let changed = 0;
  for (const id of memberIds) changed += statement.run(id, tag).changes;
  return changed;
}

/**
 * Every tag in use with its member count, most used first.
 *
 * @example
 * tagCounts(sqlite) // [{ tag: '咖啡', count: 120 }, …]
 */
export function tagCounts(sqlite: BetterSqlite3.Database): { tag: string; count: number }[] {
  return sqlite
    .prepare<[], { tag: string; count: number }>(
      `SELECT t.tag, count(*) AS count FROM member_tag t JOIN member m ON m.id = t.member_id AND m.merged_into IS NULL
       GROUP BY t.tag ORDER BY count DESC, t.tag LIMIT 200`,
    )
    .all();
}
