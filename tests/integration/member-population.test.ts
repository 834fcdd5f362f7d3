import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaceFile, type Workspace } from '../../db/open';
import { readMemberRules, writeMemberRules } from '../../db/queries/member-rules';
import { memberRowsSql } from '../../db/queries/member-scores';
import {
  eventDays,
  type MemberActivityStats,
  memberActivityStats,
  memberBasics,
  memberOrderStats,
  memberReach,
  memberReachSql,
  oneMemberReach,
} from '../../db/queries/member-stats';
import { MemberPopulation, memberPopulation } from '../../db/queries/member-population';
import { BackgroundCheckpoints } from '../../electron/services/background-checkpoints';
import { loadManual, recomputeMembers, scorePoints } from '../../electron/services/members/recompute';
import { generateDemo, writeDemoSettings } from '../../electron/services/demo';
import type { MemberFilter } from '../../shared/member-grid';
import type { MemberRules } from '../../shared/members/rules';
import { reviewDayOnOrBefore, tierHistoryValues } from '../../shared/members/tiers';
import { dayResolver } from '../../shared/time';

const NOW = Date.UTC(2026, 10, 1, 4);
let ws: Workspace;
let today: number;
// One workspace for the whole file, kept on disk until the end: the worker thread opens it by path.
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-population-'));
  ws = createWorkspaceFile(path.join(dir, 'population.hearth'));
  await writeDemoSettings(ws);
  generateDemo(ws, { members: 400, seed: 7, now: NOW });
  today = dayResolver('Asia/Shanghai')(NOW);
});
afterAll(async () => {
  await ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What the one-pass aggregate over all of member_daily says, by member position. */
function reference(asOfDay: number, rules: MemberRules): (MemberActivityStats | undefined)[] {
  const reviewDay = reviewDayOnOrBefore(asOfDay, rules.tiers.review);
  const byId = new Map<number, MemberActivityStats>();
  for (const stats of memberActivityStats(ws.sqlite, { asOfDay, reviewDay, rules }))
    byId.set(stats.memberId, { ...stats });
  return memberBasics(ws.sqlite).map((m) => byId.get(m.memberId));
}

/** A population's member ids and statistics, position by position. */
function unpack(population: MemberPopulation): { ids: number[]; activity: (MemberActivityStats | undefined)[] } {
  const at = Array.from({ length: population.size }, (_, i) => i);
  return { ids: at.map((i) => population.memberId(i)), activity: at.map((i) => population.activity(i)) };
}

describe('member population (member_total + recent days)', () => {
  const narrower = (rules: MemberRules): MemberRules => ({
    ...rules,
    tiers: { ...rules.tiers, windowDays: 45, review: 'quarterly' },
    circles: {
      ...rules.circles,
      core: { ...rules.circles.core, withinDays: 14 },
      active: { ...rules.circles.active, withinDays: 60 },
    },
    lifecycle: { ...rules.lifecycle, engagedWithinDays: 21 },
  });

  it.each([
    ['today, default rules', 0, false],
    ['40 days ago (later rows left out)', 40, false],
    ['200 days ago', 200, false],
    ['today, other windows', 0, true],
    ['75 days ago, other windows', 75, true],
  ])('matches the full aggregate: %s', (_name, daysBack, other) => {
    const stored = readMemberRules(ws.sqlite);
    const rules = other ? narrower(stored) : stored;
    const asOfDay = today - daysBack;
    const reviewDay = reviewDayOnOrBefore(asOfDay, rules.tiers.review);
    const population = unpack(memberPopulation(ws.sqlite, { asOfDay, reviewDay, rules }));
    const expected = reference(asOfDay, rules);
    expect(population.ids).toEqual(memberBasics(ws.sqlite).map((b) => b.memberId));
    // Every figure, member by member (the windows and the before-the-window day included).
    expect(population.activity).toEqual(expected);
    expect(expected.filter(Boolean).length).toBeGreaterThan(100);
    if (daysBack > 0) expect(expected.filter((s) => s === undefined).length).toBeGreaterThan(0);
    // Read a few rows at a time, every page boundary gives the same figures.
    expect(unpack(memberPopulation(ws.sqlite, { asOfDay, reviewDay, rules }, 7))).toEqual({ ids: population.ids, activity: expected });
  });

  it('reads stored tier states beside the members', () => {
    ws.sqlite.exec(`INSERT INTO member_tier (member_id, tier, since_day, reviewed_day)
      SELECT id, 'active', ${today - 3}, NULL FROM member WHERE merged_into IS NULL ORDER BY id LIMIT 1
      ON CONFLICT (member_id) DO UPDATE SET tier = excluded.tier, since_day = excluded.since_day, reviewed_day = excluded.reviewed_day`);
    const rules = readMemberRules(ws.sqlite);
    const population = memberPopulation(ws.sqlite, { asOfDay: today, reviewDay: today, rules });
    expect(population.tier(0)).toEqual({ tierId: 'active', sinceDay: today - 3, reviewedDay: null });
    expect(population.tier(1)).toBeNull();
    expect(population.position(population.memberId(0))).toBe(0);
    expect(population.position(population.memberId(population.size - 1))).toBe(population.size - 1);
    expect(population.position(-5)).toBeUndefined();
  });

  it('keeps every figure while its columns grow', () => {
    const population = new MemberPopulation(1);
    const stats = (i: number): MemberActivityStats => ({
      memberId: i * 3,
      earnedTotal: i * 10.5,
      earnedWindow: i,
      earnedAtReview: i / 2,
      firstActiveDay: 20000 + i,
      lastActiveDay: 20100 + i,
      activeDays: i + 1,
      activeDays30: i % 30,
      activeDaysInCoreWindow: i % 7,
      activeDaysInActiveWindow: i % 11,
      activeDaysInEngagedWindow: i % 13,
      firstActiveDayInEngagedWindow: i % 2 ? null : 20090 + i,
      lastActiveDayBeforeEngagedWindow: i % 3 ? null : 20050 + i,
      reactionsReceived: i * 2,
      referrals: i % 4,
    });
    for (let i = 1; i <= 40; i += 1) {
      const s = i % 6 ? stats(i) : undefined;
      const at = population.add([i * 3, i % 5 ? i * 1000 : null, s?.earnedTotal ?? null, s?.activeDays ?? null, s?.firstActiveDay ?? null, s?.lastActiveDay ?? null, s?.reactionsReceived ?? null, s?.referrals ?? null, i % 4 ? `t${i % 3}` : null, i % 4 ? 19000 + i : null, i % 8 ? null : 19500]);
      if (i % 6) population.setWindows(at, stats(i));
    }
    expect(population.size).toBe(40);
    for (let i = 1; i <= 40; i += 1) {
      const at = population.position(i * 3) ?? -1;
      expect(at).toBe(i - 1);
      expect(population.firstSeenAt(at)).toBe(i % 5 ? i * 1000 : null);
      expect(population.activity(at)).toEqual(i % 6 ? stats(i) : undefined);
      expect(population.tier(at)).toEqual(i % 4 ? { tierId: `t${i % 3}`, sinceDay: 19000 + i, reviewedDay: i % 8 ? null : 19500 } : null);
    }
    expect(population.position(4)).toBeUndefined();
  });

  it('reads activity days for the churn model from member_total when nothing is later', () => {
    const groupBy = (asOfDay: number): unknown[] =>
      ws.sqlite
        .prepare(
          `SELECT member_id AS memberId, min(day) AS firstDay, max(day) AS lastDay, count(*) AS days
           FROM member_daily WHERE day <= ? GROUP BY member_id ORDER BY member_id`,
        )
        .all(asOfDay);
    expect(eventDays(ws.sqlite, 'activity', today)).toEqual(groupBy(today));
    expect(eventDays(ws.sqlite, 'activity', today - 30)).toEqual(groupBy(today - 30));
  });
});

describe('recompute on a worker thread', () => {
  it('stores exactly the scores the single-threaded recompute stores', () => {
    const options = { asOfDay: today, timeZone: 'Asia/Shanghai', now: NOW };
    const scores = (): unknown[] => ws.sqlite.prepare('SELECT * FROM member_score ORDER BY member_id').all();
    const single = recomputeMembers(ws.sqlite, { ...options, threaded: false });
    const before = scores();
    const threaded = recomputeMembers(ws.sqlite, { ...options, threaded: true });
    // The worker delivered (the caller only waited for it) and nothing differs.
    expect(Object.keys(threaded.stages ?? {})).toContain('sideScoresWait');
    expect(Object.keys(single.stages ?? {})).toContain('sideScores');
    expect(scores()).toEqual(before);
    expect(before.length).toBeGreaterThan(300);
    expect(before.filter((row) => (row as { rfm_segment: string | null }).rfm_segment !== null).length).toBeGreaterThan(
      10,
    );
    expect(before.filter((row) => (row as { p_alive: number | null }).p_alive !== null).length).toBeGreaterThan(10);
  });

  it('commits with the checkpoint left to a worker, and stores the same scores', async () => {
    const options = { asOfDay: today, timeZone: 'Asia/Shanghai', now: NOW };
    const scores = (): unknown[] => ws.sqlite.prepare('SELECT * FROM member_score ORDER BY member_id').all();
    recomputeMembers(ws.sqlite, { ...options, threaded: false });
    const before = scores();
    const checkpoints = new BackgroundCheckpoints();
    const pages = ws.sqlite.pragma('wal_autocheckpoint', { simple: true });
    // Every row written again (not skipped as unchanged).
    ws.sqlite.exec('DELETE FROM member_score');
    expect(recomputeMembers(ws.sqlite, { ...options, threaded: true, checkpoints }).rewritten).toBe(before.length);
    await checkpoints.settled();
    expect(scores()).toEqual(before);
    expect(ws.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(pages);
    expect(ws.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('member_score rewritten in place', () => {
  const scores = (): unknown[] => ws.sqlite.prepare('SELECT * FROM member_score ORDER BY member_id').all();
  const recompute = (asOfDay: number): number =>
    recomputeMembers(ws.sqlite, { asOfDay, timeZone: 'Asia/Shanghai', now: NOW, threaded: false }).rewritten;

  /** Every index of member_score lists what a scan of the table lists, in the same order. */
  const expectIndexesAgree = (): void => {
    expect(ws.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const [index, column, where] of [
      ['member_score_tier_rank', 'tier_rank', ''],
      ['member_score_points_balance', 'points_balance', ''],
      ['member_score_churn_risk', 'churn_risk', ''],
      ['member_score_clv', 'clv', ''],
      ['member_score_at_risk', 'clv', `WHERE churn_risk > ${readMemberRules(ws.sqlite).churn.riskThreshold}`],
    ]) {
      const list = (how: string): unknown[] =>
        ws.sqlite.prepare(`SELECT member_id, ${column} FROM member_score ${how} ${where} ORDER BY ${column}, member_id`).raw().all();
      expect(list(`INDEXED BY ${index}`), index).toEqual(list('NOT INDEXED'));
    }
  };

  it('rewrites only the rows whose scores changed, and no row at all when nothing did', () => {
    const n = memberBasics(ws.sqlite).length;
    recompute(today);
    expect(recompute(today)).toBe(0);
    // Another day: the churn figures move for many rows (their indexes built again), the
    // standing of a few (their indexes kept, following those rows).
    const moved = recompute(today - 40);
    expect(moved).toBeGreaterThan(n / 20);
    expect(moved).toBeLessThan(n);
    expectIndexesAgree();
    expect(recompute(today - 40)).toBe(0);
    expect(recompute(today)).toBe(moved);
    expectIndexesAgree();
    expect(ws.sqlite.prepare('SELECT count(*) FROM member_score WHERE sig IS NULL').pluck().get()).toBe(0);
  });

  it('rewrites a row edited outside a recompute, though its scores are what they were', () => {
    recompute(today);
    const before = scores();
    const [a] = memberBasics(ws.sqlite).map((m) => m.memberId);
    // What rescoring one member in place does: its own columns, and the signature let go.
    ws.sqlite.prepare('UPDATE member_score SET points_balance = points_balance + 5, sig = NULL WHERE member_id = ?').run(a);
    // One row of 400: written with the indexes kept, which must then still agree with the table.
    expect(recompute(today)).toBe(1);
    expect(scores()).toEqual(before);
    expectIndexesAgree();
  });

  it('builds the at-risk index again for a new risk threshold, though no score changed', () => {
    const rules = readMemberRules(ws.sqlite);
    recompute(today);
    try {
      writeMemberRules(ws.sqlite, { ...rules, churn: { ...rules.churn, riskThreshold: 0.35 } });
      expect(recompute(today)).toBe(0);
      const indexSql = ws.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'member_score_at_risk'").pluck().get();
      expect(indexSql).toMatch(/WHERE churn_risk > 0\.35$/);
      const risky = ws.sqlite.prepare('SELECT count(*) FROM member_score WHERE churn_risk > 0.35').pluck().get();
      expect(risky).toBeGreaterThan(0);
      expect(ws.sqlite.prepare("SELECT count(*) FROM member_score INDEXED BY member_score_at_risk WHERE churn_risk > 0.35").pluck().get()).toBe(risky);
    } finally {
      writeMemberRules(ws.sqlite, rules);
      recompute(today);
    }
  });

  it('stores what writing every row afresh stores, over scores of another day', () => {
    recompute(today);
    recompute(today - 40);
    const inPlace = scores();
    ws.sqlite.exec('DELETE FROM member_score');
    expect(recompute(today - 40)).toBe(memberBasics(ws.sqlite).length);
    expect(scores()).toEqual(inPlace);
    recompute(today);
  });

  it('drops the row of a member no longer live', () => {
    recompute(today);
    const [a, b] = memberBasics(ws.sqlite).map((m) => m.memberId);
    // Merged behind the merge service's back, which would have deleted the row itself.
    ws.sqlite.prepare('UPDATE member SET merged_into = ? WHERE id = ?').run(b, a);
    try {
      recompute(today);
      const ids = ws.sqlite.prepare('SELECT member_id FROM member_score').pluck().all();
      expect(ids).not.toContain(a);
      expect(ids).toHaveLength(memberBasics(ws.sqlite).length);
    } finally {
      ws.sqlite.prepare('UPDATE member SET merged_into = NULL WHERE id = ?').run(a);
      recompute(today);
    }
  });
});

describe('order statistics (one scan, aggregated in JavaScript)', () => {
  /** The SQL aggregate the scan replaced. */
  const groupBy = (asOfDay: number): unknown[] =>
    ws.sqlite
      .prepare(
        `WITH paid AS (SELECT member_id, day, amount FROM "order" WHERE status = 'paid' AND day <= @asOf),
         firsts AS (SELECT member_id, min(day) AS first_day FROM paid GROUP BY member_id)
         SELECT p.member_id AS memberId, count(*) AS orders, total(p.amount) AS amount, f.first_day AS firstDay,
           max(p.day) AS lastDay, count(DISTINCT p.day) AS orderDays,
           total(CASE WHEN p.day = f.first_day THEN p.amount END) AS firstDayAmount
         FROM paid p JOIN firsts f ON f.member_id = p.member_id
         GROUP BY p.member_id ORDER BY p.member_id`,
      )
      .all({ asOf: asOfDay });

  beforeAll(() => {
    // Orders the demo never makes: several on one day (the first day too), cancelled ones,
    // ones after the as-of day, written out of member order and out of day order.
    const [a, b] = memberBasics(ws.sqlite).map((m) => m.memberId);
    const insert = ws.sqlite.prepare(
      `INSERT INTO "order" (member_id, source, external_id, ts, day, amount, status) VALUES (?, 'test', ?, ?, ?, ?, ?)`,
    );
    const rows: [number | undefined, number, number, string][] = [
      [b, today - 9, 30.5, 'paid'],
      [a, today - 3, 12.25, 'paid'],
      [b, today - 9, 4.5, 'paid'],
      [a, today - 20, 7, 'paid'],
      [a, today - 20, 8, 'cancelled'],
      [b, today - 30, 1.75, 'paid'],
      [a, today - 20, 2.5, 'paid'],
      [a, today + 2, 99, 'paid'],
    ];
    rows.forEach(([member, day, amount, status], i) =>
      insert.run(member, `edge-${i}`, day * 86_400_000, day, amount, status),
    );
  });

  it.each([0, 10, 25, 400])('matches the SQL aggregate as of %i days ago', (daysBack) => {
    const expected = groupBy(today - daysBack);
    expect(memberOrderStats(ws.sqlite, today - daysBack)).toEqual(expected);
    expect(memberOrderStats(ws.sqlite, today - daysBack, undefined, 3)).toEqual(expected);
    if (daysBack < 400) expect(expected.length).toBeGreaterThan(10);
  });

  it('reads one member alone', () => {
    const [a] = memberBasics(ws.sqlite).map((m) => m.memberId);
    const alone = memberOrderStats(ws.sqlite, today, a);
    expect(alone).toHaveLength(1);
    expect(alone).toEqual(groupBy(today).filter((s) => (s as { memberId: number }).memberId === a));
  });
});

describe('first tiers', () => {
  it('gives each member never tiered the tier and history row evaluateTier gives, and one whose tier left the ladder its own', () => {
    const rules = readMemberRules(ws.sqlite);
    const reviewDay = reviewDayOnOrBefore(today, rules.tiers.review);
    ws.sqlite.exec('DELETE FROM member_tier_history; DELETE FROM member_tier');
    const retired = memberBasics(ws.sqlite)[3]!.memberId;
    ws.sqlite.prepare("INSERT INTO member_tier (member_id, tier, since_day, reviewed_day) VALUES (?, 'vip', 20000, NULL)").run(retired);

    recomputeMembers(ws.sqlite, { asOfDay: today, timeZone: 'Asia/Shanghai', now: NOW, threaded: false });

    // Expected from the per-member statistics and manual entries, through the engine itself.
    const manual = loadManual(ws.sqlite, today, reviewDay, rules.tiers.windowDays);
    const stats = new Map([...memberActivityStats(ws.sqlite, { asOfDay: today, reviewDay, rules })].map((st) => [st.memberId, { ...st }]));
    const expected = memberBasics(ws.sqlite).map(({ memberId }) => {
      const current = memberId === retired ? { tierId: 'vip', sinceDay: 20000, reviewedDay: null } : null;
      const { earnedNow, tier } = scorePoints(stats.get(memberId), manual.get(memberId), 0, current, today, rules);
      expect(tier.change).toBe('initial');
      return {
        tier: [memberId, tier.tierId, tier.sinceDay, tier.reviewedDay],
        history: [memberId, today, current?.tierId ?? null, tier.tierId, 'initial', earnedNow, rules.tiers.windowDays, ...Object.values(tierHistoryValues(tier.explanation)).slice(2)],
      };
    });
    const tiers = ws.sqlite.prepare('SELECT member_id, tier, since_day, reviewed_day FROM member_tier ORDER BY member_id').raw().all();
    const history = ws.sqlite
      .prepare('SELECT member_id, day, from_tier, to_tier, change, earned, window_days, threshold, floor, hysteresis FROM member_tier_history ORDER BY member_id')
      .raw()
      .all();
    expect(tiers).toEqual(expected.map((e) => e.tier));
    expect(history).toEqual(expected.map((e) => e.history));
    expect(new Set(tiers.map((t) => (t as unknown[])[1])).size).toBeGreaterThan(1);
    expect(tiers.every((t) => (t as unknown[])[3] === reviewDay)).toBe(true);

    // Tiered now: a second run adds nothing.
    recomputeMembers(ws.sqlite, { asOfDay: today, timeZone: 'Asia/Shanghai', now: NOW, threaded: false });
    expect(ws.sqlite.prepare('SELECT count(*) FROM member_tier_history').pluck().get()).toBe(history.length);
  });
});

describe('query plans', () => {
  it.each([
    ['sorted by last seen, a score filter', { tiers: ['newcomer'] }, 'desc'],
    ['sorted by last seen ascending, no filter', {}, 'asc'],
  ] satisfies [string, MemberFilter, 'asc' | 'desc'][])(
    "walks member's last-seen index instead of sorting: %s",
    (_name, filter, direction) => {
      const { sql, params } = memberRowsSql(filter, [{ colId: 'lastSeen', sort: direction }], 0.7, true);
      const plan = ws.sqlite
        .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all({ ...params, limit: 100, start: 0 })
        .map((r) => r.detail)
        .join(' | ');
      expect(plan).toContain('member_last_seen');
      expect(plan).not.toContain('TEMP B-TREE');
    },
  );

  const planOf = (one: boolean): string[] =>
    ws.sqlite
      .prepare<Record<string, number>, { detail: string }>(`EXPLAIN QUERY PLAN ${memberReachSql(one)}`)
      .all(one ? { asOf: today, member: 1 } : { asOf: today })
      .map((r) => r.detail);

  it('reads replies from their own covering index and mentions by index, never scanning all activity', () => {
    const plan = planOf(false);
    expect(plan).toContain('SCAN r USING COVERING INDEX activity_replies');
    // Mentions in activity id order (their key), so activity rows are read in order.
    expect(plan.filter((step) => / m /.test(step))).toEqual(['SEARCH m USING PRIMARY KEY (activity_id>?)', 'SEARCH m USING PRIMARY KEY (activity_id>?)']);
    expect(plan).toContain('SEARCH a USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan).toContain('SEARCH i USING INDEX sqlite_autoindex_identity_1 (source=? AND external_id=?)');
    expect(plan).toContain('SEARCH i USING INDEX identity_handle (source=? AND <expr>=?)');
    expect(plan.filter((step) => /^SCAN (a|p|q|i)\b/.test(step))).toEqual([]);
  });

  it("reads one member's reach from their posts and identities only", () => {
    const plan = planOf(true);
    expect(plan).toContain('SEARCH p USING INDEX activity_member_ts (member_id=?)');
    expect(plan).toContain('SEARCH i USING INDEX identity_member (member_id=?)');
    expect(plan).toContain('SEARCH m USING COVERING INDEX activity_mention_target (by_handle=? AND target=?)');
    expect(plan.filter((step) => step.startsWith('SCAN ') && !step.startsWith('SCAN (subquery'))).toEqual([]);
  });
});

describe('reach', () => {
  it("gives each member, alone, the numbers the query for everyone gives (the demo's mentions)", () => {
    const all = memberReach(ws.sqlite, today);
    expect(all.filter((r) => r.mentionsReceived > 0).length).toBeGreaterThan(20);
    const byId = new Map(all.map((r) => [r.memberId, r]));
    for (const { memberId } of memberBasics(ws.sqlite)) {
      const none = { memberId, repliesReceived: 0, mentionsReceived: 0, peopleReached: 0 };
      expect(oneMemberReach(ws.sqlite, today, memberId)).toEqual(byId.get(memberId) ?? none);
    }
  });
});
