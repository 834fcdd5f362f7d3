import { describe, expect, it } from 'vitest';
import { addMonths, expireEntries, pointsForDay, type PointsOnDay } from '../../shared/members/points';
import { defaultMemberRules, type MemberRules } from '../../shared/members/rules';
import { dayNumber as d } from '../../shared/time';

const points = defaultMemberRules.points;
const age12: MemberRules['points']['expiry'] = { mode: 'age', months: 12 };
const idle12: MemberRules['points']['expiry'] = { mode: 'inactivity', months: 12 };

describe('pointsForDay', () => {
  it('caps each kind, then the day', () => {
    // message 30 × 1 → cap 20; reply 5 × 2 = 10 (cap 20); checkin 2 × 1 → cap 1; ugc_post 5; reaction 0.
    expect(pointsForDay({ message: 30, reply: 5, checkin: 2, ugc_post: 1, reaction: 50 }, points)).toBe(36);
    // Reply cap is in points: 15 replies × 2 = 30 → 20.
    expect(pointsForDay({ reply: 15 }, points)).toBe(20);
    // 20 + 20 + 10 × 5 + 3 × 10 = 120 → the daily cap of 100.
    expect(pointsForDay({ message: 20, reply: 10, ugc_post: 10, event_attendance: 3 }, points)).toBe(100);
  });

  it('gives nothing for kinds without a rule, zero or negative counts, and an empty day', () => {
    expect(pointsForDay({ badge: 3, leave: 1, join: 1 }, points)).toBe(0);
    expect(pointsForDay({ post: 0, survey: -2 }, points)).toBe(0);
    expect(pointsForDay({}, points)).toBe(0);
  });

  it('leaves uncapped kinds and days uncapped', () => {
    const rules: MemberRules['points'] = {
      rules: [{ kind: 'referral', points: 20, dailyCap: null }],
      dailyCap: null,
      expiry: { mode: 'none' },
    };
    expect(pointsForDay({ referral: 12 }, rules)).toBe(240);
  });
});

describe('addMonths', () => {
  it('adds calendar months and clamps to the month end', () => {
    expect(addMonths(d(2024, 1, 15), 1)).toBe(d(2024, 2, 15));
    expect(addMonths(d(2024, 1, 31), 1)).toBe(d(2024, 2, 29)); // leap year
    expect(addMonths(d(2023, 1, 31), 1)).toBe(d(2023, 2, 28));
    expect(addMonths(d(2024, 2, 29), 12)).toBe(d(2025, 2, 28));
    expect(addMonths(d(2024, 8, 31), 1)).toBe(d(2024, 9, 30));
    expect(addMonths(d(2024, 11, 30), 3)).toBe(d(2025, 2, 28)); // across a year end
    expect(addMonths(d(2025, 3, 10), 120)).toBe(d(2035, 3, 10));
  });
});

describe('expireEntries, age mode', () => {
  const earned: PointsOnDay[] = [
    { day: d(2024, 1, 10), points: 100 },
    { day: d(2024, 3, 5), points: 50 },
    { day: d(2024, 6, 1), points: 30 },
  ];
  // 2 Feb takes 40 of the January lot (60 left); 1 Apr takes those 60 and 10 of the March lot (40 left).
  const debits: PointsOnDay[] = [
    { day: d(2024, 4, 1), points: 70 },
    { day: d(2024, 2, 2), points: 40 },
  ];

  it('expires what is left of each lot 12 months on, after redemptions took the oldest first', () => {
    const run = (asOfDay: number): PointsOnDay[] =>
      expireEntries({ earned, debits, lastActiveDay: d(2024, 6, 1), asOfDay }, age12);
    expect(run(d(2025, 3, 4))).toEqual([]); // the January lot was used up: nothing to expire on 10 Jan
    expect(run(d(2025, 3, 5))).toEqual([{ day: d(2025, 3, 5), points: 40 }]); // the partial March lot
    expect(run(d(2025, 6, 1))).toEqual([
      { day: d(2025, 3, 5), points: 40 },
      { day: d(2025, 6, 1), points: 30 },
    ]);
  });

  it('does not depend on the input order', () => {
    const result = expireEntries(
      { earned: [...earned].reverse(), debits: [...debits].reverse(), lastActiveDay: null, asOfDay: d(2026, 1, 1) },
      age12,
    );
    expect(result).toEqual([
      { day: d(2025, 3, 5), points: 40 },
      { day: d(2025, 6, 1), points: 30 },
    ]);
  });

  it('lets points be spent on the day they expire', () => {
    const result = expireEntries(
      {
        earned: [{ day: d(2024, 1, 10), points: 100 }],
        debits: [{ day: d(2025, 1, 10), points: 30 }],
        lastActiveDay: null,
        asOfDay: d(2025, 2, 1),
      },
      age12,
    );
    expect(result).toEqual([{ day: d(2025, 1, 10), points: 70 }]);
  });

  it('merges lots expiring on the same day (month-end clamping)', () => {
    const result = expireEntries(
      {
        earned: [
          { day: d(2024, 1, 30), points: 5 },
          { day: d(2024, 1, 31), points: 7 },
        ],
        debits: [],
        lastActiveDay: null,
        asOfDay: d(2024, 3, 1),
      },
      { mode: 'age', months: 1 },
    );
    expect(result).toEqual([{ day: d(2024, 2, 29), points: 12 }]);
  });

  it('pays an overdraft from later earnings before anything can expire', () => {
    // A 50-point deduction against a balance of 20 leaves −30; the 40 earned in March pays it, so
    // only 10 of that lot is open and can expire.
    const result = expireEntries(
      {
        earned: [
          { day: d(2024, 1, 1), points: 20 },
          { day: d(2024, 3, 1), points: 40 },
        ],
        debits: [{ day: d(2024, 2, 1), points: 50 }],
        lastActiveDay: null,
        asOfDay: d(2026, 1, 1),
      },
      age12,
    );
    expect(result).toEqual([{ day: d(2025, 3, 1), points: 10 }]);
  });

  it('returns only what is newly due when earlier expiry entries come back as debits', () => {
    const input = { earned, debits, lastActiveDay: null, asOfDay: d(2025, 6, 1) };
    const first = expireEntries({ ...input, asOfDay: d(2025, 4, 1) }, age12);
    expect(first).toEqual([{ day: d(2025, 3, 5), points: 40 }]);
    expect(expireEntries({ ...input, debits: [...debits, ...first] }, age12)).toEqual([
      { day: d(2025, 6, 1), points: 30 },
    ]);
  });

  it('ignores entries with no points and entries after the as-of day', () => {
    const result = expireEntries(
      {
        earned: [
          { day: d(2024, 1, 1), points: 0 },
          { day: d(2024, 1, 2), points: 10 },
          { day: d(2026, 1, 2), points: 99 },
        ],
        debits: [{ day: d(2026, 1, 1), points: 10 }],
        lastActiveDay: null,
        asOfDay: d(2025, 12, 31),
      },
      age12,
    );
    expect(result).toEqual([{ day: d(2025, 1, 2), points: 10 }]);
  });
});

describe('expireEntries, inactivity mode', () => {
  const earned: PointsOnDay[] = [
    { day: d(2024, 1, 10), points: 100 },
    { day: d(2024, 3, 5), points: 50 },
  ];
  const debits: PointsOnDay[] = [{ day: d(2024, 4, 1), points: 120 }]; // leaves 30 of the March lot
  const lastActiveDay = d(2024, 3, 5);

  it('expires the whole remaining balance 12 months after the last activity', () => {
    const run = (asOfDay: number): PointsOnDay[] => expireEntries({ earned, debits, lastActiveDay, asOfDay }, idle12);
    expect(run(d(2025, 3, 4))).toEqual([]);
    expect(run(d(2025, 3, 5))).toEqual([{ day: d(2025, 3, 5), points: 30 }]);
    expect(run(d(2027, 1, 1))).toEqual([{ day: d(2025, 3, 5), points: 30 }]);
  });

  it('includes grants made before the expiry day but keeps grants made after it', () => {
    const result = expireEntries(
      {
        earned: [...earned, { day: d(2024, 12, 1), points: 15 }, { day: d(2025, 4, 1), points: 10 }],
        debits,
        lastActiveDay,
        asOfDay: d(2026, 1, 1),
      },
      idle12,
    );
    expect(result).toEqual([{ day: d(2025, 3, 5), points: 45 }]);
  });

  it('lets a debit after the expiry spend only what was granted since', () => {
    const result = expireEntries(
      {
        earned: [...earned, { day: d(2025, 4, 1), points: 10 }],
        debits: [...debits, { day: d(2025, 5, 1), points: 10 }],
        lastActiveDay,
        asOfDay: d(2026, 1, 1),
      },
      idle12,
    );
    expect(result).toEqual([{ day: d(2025, 3, 5), points: 30 }]);
  });

  it('expires nothing for a recently active member, a member with no activity, or mode none', () => {
    expect(expireEntries({ earned, debits, lastActiveDay: d(2025, 1, 1), asOfDay: d(2025, 6, 1) }, idle12)).toEqual([]);
    expect(expireEntries({ earned, debits, lastActiveDay: null, asOfDay: d(2030, 1, 1) }, idle12)).toEqual([]);
    expect(expireEntries({ earned, debits, lastActiveDay, asOfDay: d(2030, 1, 1) }, { mode: 'none' })).toEqual([]);
  });

  it('never expires more than the balance', () => {
    // Debits of 200 against 150 earned: the balance is −50, so nothing expires.
    const result = expireEntries(
      { earned, debits: [{ day: d(2024, 4, 1), points: 200 }], lastActiveDay, asOfDay: d(2026, 1, 1) },
      idle12,
    );
    expect(result).toEqual([]);
  });

  it('is idempotent once its own expiry entry is in the ledger', () => {
    const input = { earned, debits, lastActiveDay, asOfDay: d(2026, 1, 1) };
    const first = expireEntries(input, idle12);
    expect(expireEntries({ ...input, debits: [...debits, ...first] }, idle12)).toEqual([]);
  });

  it('expires on the last day of a shorter month', () => {
    const result = expireEntries(
      {
        earned: [{ day: d(2024, 1, 31), points: 8 }],
        debits: [],
        lastActiveDay: d(2024, 1, 31),
        asOfDay: d(2024, 3, 1),
      },
      { mode: 'inactivity', months: 1 },
    );
    expect(result).toEqual([{ day: d(2024, 2, 29), points: 8 }]);
  });
});
