import { describe, expect, it } from 'vitest';
import { activityStatsFromDays, circleOf } from '../../shared/members/circles';
import { explainKoc, influenceScore, kocCut, kocFlags } from '../../shared/members/koc';
import { lifecycleOf } from '../../shared/members/lifecycle';
import { defaultMemberRules as rules } from '../../shared/members/rules';

// Defaults: circles core ≥ 8 active days in 30, active ≥ 1 in 30, potential seen within 180.
// Lifecycle: new 30 days, engaged ≥ 4 active days in 30, at risk after 30, dormant after 90,
// returned after a break of ≥ 90 days.

describe('activityStatsFromDays', () => {
  it('counts distinct days in windows that end on the as-of day, that day included', () => {
    // As of day 140 the 30-day window is days 111…140.
    expect(activityStatsFromDays([131, 100, 130, 131, 111, 110, 200], 90, 140, rules)).toEqual({
      joinedDay: 90,
      firstActiveDay: 100,
      lastActiveDay: 131,
      activeDays: 5,
      activeDaysInCoreWindow: 3,
      activeDaysInActiveWindow: 3,
      activeDaysInEngagedWindow: 3,
      firstActiveDayInEngagedWindow: 111,
      lastActiveDayBeforeEngagedWindow: 110,
    });
  });

  it('has nulls for a member with no activity', () => {
    expect(activityStatsFromDays([], null, 140, rules)).toMatchObject({
      firstActiveDay: null,
      lastActiveDay: null,
      activeDays: 0,
      firstActiveDayInEngagedWindow: null,
      lastActiveDayBeforeEngagedWindow: null,
    });
  });
});

describe('circleOf', () => {
  const circle = (days: number[], asOfDay: number) =>
    circleOf(activityStatsFromDays(days, null, asOfDay, rules), rules.circles, asOfDay);
  const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

  it('puts 8 active days in 30 in the core circle and 7 in the active one', () => {
    expect(circle(range(480, 8), 505)).toEqual({
      circle: 'core',
      explanation: { key: 'circle.core', params: { activeDays: 8, window: 30, min: 8 } },
    });
    expect(circle(range(480, 7), 505)).toEqual({
      circle: 'active',
      explanation: { key: 'circle.active', params: { activeDays: 7, window: 30, min: 1, coreMin: 8, coreWindow: 30 } },
    });
    // Day 475 is 30 days before 505, outside the window: 7 days left in it.
    expect(circle([475, ...range(480, 7)], 505).circle).toBe('active');
    expect(circle([476, ...range(480, 7)], 505).circle).toBe('core');
  });

  it('keeps a member seen within 180 days in the potential circle', () => {
    expect(circle([500], 530)).toEqual({
      circle: 'potential',
      explanation: { key: 'circle.potential', params: { lastActiveDay: 500, window: 180 } },
    });
    expect(circle([500], 679).circle).toBe('potential');
    expect(circle([500], 680)).toEqual({
      circle: 'outside',
      explanation: { key: 'circle.outside', params: { lastActiveDay: 500, window: 180 } },
    });
  });

  it('puts a member with no activity outside', () => {
    expect(circle([], 500)).toEqual({ circle: 'outside', explanation: { key: 'circle.noActivity', params: {} } });
  });
});

describe('lifecycleOf', () => {
  const life = (days: number[], joinedDay: number | null, asOfDay: number) =>
    lifecycleOf(activityStatsFromDays(days, joinedDay, asOfDay, rules), rules.lifecycle, asOfDay);
  const stage = (days: number[], joinedDay: number | null, asOfDay: number) => life(days, joinedDay, asOfDay).stage;

  it('calls a member with no activity new while they joined within 30 days, dormant after', () => {
    expect(life([], 100, 129)).toEqual({
      stage: 'new',
      explanation: { key: 'lifecycle.newNoActivity', params: { joinedDay: 100 } },
    });
    expect(life([], 100, 130)).toEqual({
      stage: 'dormant',
      explanation: { key: 'lifecycle.dormantNoActivity', params: { joinedDay: 100 } },
    });
    expect(life([], null, 130)).toEqual({
      stage: 'dormant',
      explanation: { key: 'lifecycle.dormantNoActivity', params: {} },
    });
  });

  it('calls a first-timer new, then activated, then engaged', () => {
    expect(life([100], 100, 110)).toEqual({
      stage: 'new',
      explanation: { key: 'lifecycle.new', params: { startDay: 100, activeDays: 1 } },
    });
    expect(life([100, 105], 100, 110)).toEqual({
      stage: 'activated',
      explanation: { key: 'lifecycle.activated', params: { activeDays: 2, window: 30, min: 4, lastActiveDay: 105 } },
    });
    expect(life([100, 103, 105, 108], 100, 110)).toEqual({
      stage: 'engaged',
      explanation: { key: 'lifecycle.engaged', params: { activeDays: 4, window: 30, min: 4 } },
    });
  });

  it('does not call a long-time lurker new on their first post', () => {
    expect(stage([500], 0, 505)).toBe('activated');
    expect(stage([500], null, 505)).toBe('new'); // no join date: the first post is the start
  });

  it('turns at risk after 30 quiet days and dormant after 90, before anything else', () => {
    const busy = [100, 101, 102, 103, 104];
    expect(stage(busy, 50, 133)).toBe('activated'); // 29 days since day 104, the only day in the window
    expect(life(busy, 50, 134)).toEqual({
      stage: 'at_risk',
      explanation: { key: 'lifecycle.atRisk', params: { days: 30, lastActiveDay: 104, threshold: 30 } },
    });
    expect(stage(busy, 50, 193)).toBe('at_risk');
    expect(life(busy, 50, 194)).toEqual({
      stage: 'dormant',
      explanation: { key: 'lifecycle.dormant', params: { days: 90, lastActiveDay: 104, threshold: 90 } },
    });
    expect(stage([100], 100, 130)).toBe('at_risk'); // a new member who went quiet
  });

  it('calls a member back after a break of 90 days or more returned, for one window', () => {
    expect(life([100, 250], 50, 260)).toEqual({
      stage: 'returned',
      explanation: {
        key: 'lifecycle.returned',
        params: { returnedDay: 250, previousDay: 100, gap: 150, threshold: 90 },
      },
    });
    expect(stage([160, 250], 50, 260)).toBe('returned'); // gap exactly 90
    expect(stage([161, 250], 50, 260)).toBe('activated'); // gap 89
    const comeback = [100, 250, 255, 265, 270, 275];
    expect(stage(comeback, 50, 279)).toBe('returned'); // day 250 still in the window 250…279, though engaged
    expect(stage(comeback, 50, 280)).toBe('engaged'); // window 251…280: 255, 265, 270, 275
  });
});

describe('KOC', () => {
  it('weights what a member’s activity drew', () => {
    const stats = { repliesReceived: 10, reactionsReceived: 40, mentionsReceived: 3, peopleReached: 12, referrals: 1 };
    expect(influenceScore(stats, rules.koc.weights)).toBe(20 + 40 + 6 + 36 + 5);
    const none = { repliesReceived: 0, reactionsReceived: 0, mentionsReceived: 0, peopleReached: 0, referrals: 0 };
    expect(influenceScore(stats, none)).toBe(0);
    // Each count is weighed by its own weight.
    expect(influenceScore(stats, { ...none, mentionsReceived: 7 })).toBe(21);
    expect(influenceScore({ ...stats, mentionsReceived: 0 }, rules.koc.weights)).toBe(20 + 40 + 36 + 5);
  });

  it('flags the top share of eligible members with a score, ties at the cut included', () => {
    const scores = [10, 8, 8, 8, 5, 3, 0, 0, 12, 1];
    const eligible = [true, true, true, true, true, true, true, true, false, true];
    // Candidates (eligible, > 0): 10, 8, 8, 8, 5, 3, 1 → 7; ⌈0.3 × 7⌉ = 3 places; the 3rd best is 8,
    // so all three 8s are flagged (4 members). The 12 is not eligible.
    expect(kocCut(scores, eligible, 0.3)).toBe(8);
    expect(kocFlags(scores, eligible, 0.3)).toEqual([true, true, true, true, false, false, false, false, false, false]);
    // ⌈0.1 × 7⌉ = 1 place: only the 10.
    expect(kocFlags(scores, eligible, 0.1)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('counts places without floating-point drift', () => {
    // 0.07 × 100 = 7.000000000000001: still 7 places, scores 94…100.
    const scores = Array.from({ length: 100 }, (_, i) => i + 1);
    const flags = kocFlags(
      scores,
      scores.map(() => true),
      0.07,
    );
    expect(flags.filter(Boolean).length).toBe(7);
    expect(flags[93]).toBe(true);
    expect(flags[92]).toBe(false);
  });

  it('flags at least one member when anyone has a score, and nobody when none has', () => {
    expect(kocFlags([0, 4, 2], [true, true, true], 0.05)).toEqual([false, true, false]);
    expect(kocCut([0, 0], [true, true], 0.5)).toBeNull();
    expect(kocFlags([0, 0], [true, true], 0.5)).toEqual([false, false]);
    expect(kocFlags([], [], 0.05)).toEqual([]);
    expect(kocFlags(new Float64Array([3, 2, 1]), [true, true, true], 0.5)).toEqual([true, true, false]);
  });

  it('refuses scores and flags of different lengths', () => {
    expect(() => kocFlags([1, 2], [true], 0.1)).toThrow(RangeError);
  });

  it('flags 1,000,000 members quickly', () => {
    const n = 1_000_000;
    const scores = new Float64Array(n);
    const eligible = new Array<boolean>(n);
    // Scores 0…999 cycling, so each value is held by 1000 members; the odd members are eligible.
    for (let i = 0; i < n; i++) {
      scores[i] = i % 1000;
      eligible[i] = i % 2 === 1;
    }
    // Eligible with a score: odd scores 1…999, 500 values × 1000 members = 500,000. 5 % = 25,000
    // places = the top 25 values (951, 953 … 999) ⇒ cut 951, 25 × 1000 members flagged.
    const flags = kocFlags(scores, eligible, 0.05);
    expect(kocCut(scores, eligible, 0.05)).toBe(951);
    expect(flags.filter(Boolean).length).toBe(25_000);
  });

  it('explains the flag, the miss and ineligibility, with what the score is made of', () => {
    const stats = { repliesReceived: 10, reactionsReceived: 40, mentionsReceived: 3, peopleReached: 12, referrals: 1 };
    const madeOf = { replies: 10, reactions: 40, mentions: 3, people: 12, referrals: 1 };
    expect(explainKoc({ score: 107, activeDays: 10, flagged: true, stats }, 101, rules.koc)).toEqual({
      key: 'koc.flagged',
      params: { score: 107, ...madeOf, cut: 101, share: 5 },
    });
    expect(explainKoc({ score: 50, activeDays: 10, flagged: false, stats }, null, rules.koc)).toMatchObject({
      key: 'koc.notFlagged',
      params: { cut: '–', mentions: 3, people: 12 },
    });
    expect(explainKoc({ score: 500, activeDays: 2, flagged: false, stats }, 101, rules.koc)).toEqual({
      key: 'koc.ineligible',
      params: { score: 500, ...madeOf, activeDays: 2, min: 3 },
    });
  });
});
