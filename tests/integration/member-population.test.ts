import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaceFile, type Workspace } from '../../db/open';
import { readMemberRules } from '../../db/queries/member-rules';
import {
  eventDays,
  type MemberActivityStats,
  memberActivityStats,
  memberBasics,
  memberPopulation,
} from '../../db/queries/member-stats';
import { recomputeMembers } from '../../electron/services/members/recompute';
import { generateDemo, writeDemoSettings } from '../../electron/services/demo';
import type { MemberRules } from '../../shared/members/rules';
import { reviewDayOnOrBefore } from '../../shared/members/tiers';
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
    const population = memberPopulation(ws.sqlite, { asOfDay, reviewDay, rules });
    const expected = reference(asOfDay, rules);
    expect(population.basics.map((b) => b.memberId)).toEqual(memberBasics(ws.sqlite).map((b) => b.memberId));
    // Every figure, member by member (the windows and the before-the-window day included).
    expect(population.activity).toEqual(expected);
    expect(expected.filter(Boolean).length).toBeGreaterThan(100);
    if (daysBack > 0) expect(expected.filter((s) => s === undefined).length).toBeGreaterThan(0);
  });

  it('reads stored tier states beside the members', () => {
    ws.sqlite.exec(`INSERT INTO member_tier (member_id, tier, since_day, reviewed_day)
      SELECT id, 'active', ${today - 3}, NULL FROM member WHERE merged_into IS NULL ORDER BY id LIMIT 1
      ON CONFLICT (member_id) DO UPDATE SET tier = excluded.tier, since_day = excluded.since_day, reviewed_day = excluded.reviewed_day`);
    const rules = readMemberRules(ws.sqlite);
    const population = memberPopulation(ws.sqlite, { asOfDay: today, reviewDay: today, rules });
    expect(population.tiers[0]).toEqual({ tierId: 'active', sinceDay: today - 3, reviewedDay: null });
    expect(population.position(population.basics[0]?.memberId ?? -1)).toBe(0);
    expect(population.position(population.basics.at(-1)?.memberId ?? -1)).toBe(population.basics.length - 1);
    expect(population.position(-5)).toBeUndefined();
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
});
