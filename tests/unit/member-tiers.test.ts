import { describe, expect, it } from 'vitest';
import { defaultMemberRules, type MemberRules } from '../../shared/members/rules';
import {
  evaluateTier,
  holdFloor,
  reviewDayOnOrBefore,
  reviewPending,
  tierFor,
  tierHistoryExplanation,
  tierHistoryValues,
  type TierEvaluation,
  type TierState,
} from '../../shared/members/tiers';
import { dayNumber as d } from '../../shared/time';

// Quarterly reviews, 90-day window, hysteresis 0.1; newcomer 0 → active 50 → core 200 → ambassador 500.
// Hold floors: active 45, core 180, ambassador 450.
const tiers = defaultMemberRules.tiers;
const core: TierState = { tierId: 'core', sinceDay: d(2025, 11, 3), reviewedDay: d(2026, 1, 1) };

describe('review days', () => {
  it('finds the start of the month or quarter', () => {
    expect(reviewDayOnOrBefore(d(2026, 5, 17), 'quarterly')).toBe(d(2026, 4, 1));
    expect(reviewDayOnOrBefore(d(2026, 4, 1), 'quarterly')).toBe(d(2026, 4, 1));
    expect(reviewDayOnOrBefore(d(2026, 3, 31), 'quarterly')).toBe(d(2026, 1, 1));
    expect(reviewDayOnOrBefore(d(2026, 12, 31), 'quarterly')).toBe(d(2026, 10, 1));
    expect(reviewDayOnOrBefore(d(2026, 5, 17), 'monthly')).toBe(d(2026, 5, 1));
    expect(reviewDayOnOrBefore(d(2024, 2, 29), 'monthly')).toBe(d(2024, 2, 1));
    expect(reviewDayOnOrBefore(d(1969, 12, 31), 'quarterly')).toBe(d(1969, 10, 1)); // negative day numbers
  });

  it('knows when a review is pending', () => {
    expect(reviewPending(core, d(2026, 3, 31), tiers)).toBe(false);
    expect(reviewPending(core, d(2026, 4, 1), tiers)).toBe(true);
    expect(reviewPending({ ...core, reviewedDay: null }, d(2026, 2, 1), tiers)).toBe(true);
    expect(reviewPending({ ...core, sinceDay: d(2026, 4, 1) }, d(2026, 4, 2), tiers)).toBe(false);
    expect(reviewPending({ ...core, tierId: 'newcomer' }, d(2026, 4, 1), tiers)).toBe(false);
    expect(reviewPending(null, d(2026, 4, 1), tiers)).toBe(false);
  });
});

describe('tierFor and hold floors', () => {
  it('picks the highest tier reached', () => {
    expect(tierFor(0, tiers.ladder).id).toBe('newcomer');
    expect(tierFor(49, tiers.ladder).id).toBe('newcomer');
    expect(tierFor(50, tiers.ladder).id).toBe('active');
    expect(tierFor(499, tiers.ladder).id).toBe('core');
    expect(tierFor(10_000, tiers.ladder).id).toBe('ambassador');
  });

  it('rounds the hold floor up to whole points', () => {
    expect(holdFloor(200, 0.1)).toBe(180);
    expect(holdFloor(50, 0.1)).toBe(45);
    expect(holdFloor(55, 0.1)).toBe(50); // 49.5 → 50
    expect(holdFloor(100, 0.45)).toBe(55); // 100 × (1 − 0.45) is 55.00000000000001 in floating point
    expect(holdFloor(90, 0.3)).toBe(63); // and 90 × (1 − 0.3) is 62.99999999999999
  });
});

describe('evaluateTier', () => {
  it('assigns the tier current points reach when there is none yet', () => {
    const result = evaluateTier(
      { current: null, earnedNow: 230, earnedAtReview: null, asOfDay: d(2026, 2, 10) },
      tiers,
    );
    expect(result).toEqual({
      tierId: 'core',
      sinceDay: d(2026, 2, 10),
      reviewedDay: d(2026, 1, 1),
      change: 'initial',
      explanation: { key: 'tier.initial', params: { tier: 'core', earned: 230, window: 90, threshold: 200 } },
    });
  });

  it('promotes at once, skipping tiers, between reviews', () => {
    const current: TierState = { tierId: 'active', sinceDay: d(2026, 1, 5), reviewedDay: d(2026, 1, 1) };
    const result = evaluateTier({ current, earnedNow: 510, earnedAtReview: null, asOfDay: d(2026, 2, 10) }, tiers);
    expect(result).toEqual({
      tierId: 'ambassador',
      sinceDay: d(2026, 2, 10),
      reviewedDay: d(2026, 1, 1),
      change: 'promoted',
      explanation: {
        key: 'tier.promoted',
        params: { tier: 'ambassador', sinceDay: d(2026, 2, 10), earned: 510, window: 90, threshold: 500 },
      },
    });
  });

  it('does not demote between reviews, however low the points', () => {
    const result = evaluateTier({ current: core, earnedNow: 10, earnedAtReview: null, asOfDay: d(2026, 3, 31) }, tiers);
    expect(result.tierId).toBe('core');
    expect(result.change).toBe('kept');
    expect(result.sinceDay).toBe(core.sinceDay);
    expect(result.explanation).toEqual({
      key: 'tier.keptUntilReview',
      params: {
        tier: 'core',
        sinceDay: core.sinceDay,
        earned: 10,
        window: 90,
        threshold: 200,
        nextReviewDay: d(2026, 4, 1),
      },
    });
  });

  it('demotes at the review, dated from the review day', () => {
    // 60 at the review: below core's floor 180, at least active's floor 45 → active.
    const result = evaluateTier({ current: core, earnedNow: 10, earnedAtReview: 60, asOfDay: d(2026, 4, 1) }, tiers);
    expect(result).toEqual({
      tierId: 'active',
      sinceDay: d(2026, 4, 1),
      reviewedDay: d(2026, 4, 1),
      change: 'demoted',
      explanation: {
        key: 'tier.demoted',
        params: {
          tier: 'active',
          fromTier: 'core',
          reviewDay: d(2026, 4, 1),
          earned: 60,
          window: 90,
          threshold: 200,
          floor: 180,
          hysteresis: 10,
        },
      },
    });
  });

  it('holds a member just under the threshold by hysteresis, and not one under the floor', () => {
    const at = (earnedAtReview: number) =>
      evaluateTier({ current: core, earnedNow: 185, earnedAtReview, asOfDay: d(2026, 4, 1) }, tiers);
    const held = at(185);
    expect(held.tierId).toBe('core');
    expect(held.change).toBe('kept');
    expect(held.reviewedDay).toBe(d(2026, 4, 1));
    expect(held.explanation).toEqual({
      key: 'tier.held',
      params: {
        tier: 'core',
        reviewDay: d(2026, 4, 1),
        earned: 185,
        window: 90,
        threshold: 200,
        floor: 180,
        hysteresis: 10,
      },
    });
    expect(at(180).tierId).toBe('core');
    expect(at(179).tierId).toBe('active');
    expect(at(200).explanation.key).toBe('tier.keptUntilReview'); // reviewed fine; now 185 < 200
  });

  it('lets hysteresis protect each step down', () => {
    const ambassador: TierState = { tierId: 'ambassador', sinceDay: d(2025, 6, 1), reviewedDay: d(2026, 1, 1) };
    const at = (earnedAtReview: number) =>
      evaluateTier({ current: ambassador, earnedNow: 0, earnedAtReview, asOfDay: d(2026, 4, 2) }, tiers).tierId;
    expect(at(450)).toBe('ambassador');
    expect(at(449)).toBe('core');
    expect(at(190)).toBe('core'); // under core's 200 but above its floor 180
    expect(at(170)).toBe('active');
    expect(at(44)).toBe('newcomer');
  });

  it('never demotes below what current points reach', () => {
    // The review finds 10 (newcomer), but the member has 70 now (active): active, not newcomer.
    const partial = evaluateTier({ current: core, earnedNow: 70, earnedAtReview: 10, asOfDay: d(2026, 4, 3) }, tiers);
    expect(partial.tierId).toBe('active');
    expect(partial.change).toBe('demoted');
    // 250 now reaches core itself: kept, and the review is done.
    const kept = evaluateTier({ current: core, earnedNow: 250, earnedAtReview: 10, asOfDay: d(2026, 4, 3) }, tiers);
    expect(kept).toMatchObject({ tierId: 'core', change: 'kept', reviewedDay: d(2026, 4, 1), sinceDay: core.sinceDay });
    expect(kept.explanation.key).toBe('tier.kept');
  });

  it('judges a late review by the points at the review, not by points since', () => {
    // The April review runs on 20 May: 185 at the review holds core even though only 20 are left now.
    const result = evaluateTier({ current: core, earnedNow: 20, earnedAtReview: 185, asOfDay: d(2026, 5, 20) }, tiers);
    expect(result).toMatchObject({ tierId: 'core', change: 'kept', reviewedDay: d(2026, 4, 1) });
    expect(result.explanation.key).toBe('tier.held');
  });

  it('reviews only once per review day', () => {
    const reviewed: TierState = { ...core, reviewedDay: d(2026, 4, 1) };
    const result = evaluateTier({ current: reviewed, earnedNow: 0, earnedAtReview: 0, asOfDay: d(2026, 6, 30) }, tiers);
    expect(result).toMatchObject({ tierId: 'core', change: 'kept', reviewedDay: d(2026, 4, 1) });
  });

  it('does not review a tier against the window before it was reached', () => {
    const promotedOnReviewDay: TierState = { tierId: 'core', sinceDay: d(2026, 4, 1), reviewedDay: d(2026, 1, 1) };
    const result = evaluateTier(
      { current: promotedOnReviewDay, earnedNow: 150, earnedAtReview: null, asOfDay: d(2026, 4, 2) },
      tiers,
    );
    expect(result).toMatchObject({ tierId: 'core', change: 'kept', reviewedDay: d(2026, 4, 1) });
  });

  it('lets a promotion settle a pending review', () => {
    const result = evaluateTier({ current: core, earnedNow: 600, earnedAtReview: 10, asOfDay: d(2026, 4, 3) }, tiers);
    expect(result).toMatchObject({ tierId: 'ambassador', change: 'promoted', reviewedDay: d(2026, 4, 1) });
  });

  it('never demotes from the first tier', () => {
    const newcomer: TierState = { tierId: 'newcomer', sinceDay: d(2025, 1, 1), reviewedDay: d(2025, 1, 1) };
    const result = evaluateTier(
      { current: newcomer, earnedNow: 0, earnedAtReview: null, asOfDay: d(2026, 4, 1) },
      tiers,
    );
    expect(result).toMatchObject({ tierId: 'newcomer', change: 'kept', reviewedDay: d(2026, 4, 1) });
    expect(result.explanation.key).toBe('tier.kept');
  });

  it('fails loudly when a review is due and its points are missing', () => {
    expect(() =>
      evaluateTier({ current: core, earnedNow: 10, earnedAtReview: null, asOfDay: d(2026, 4, 1) }, tiers),
    ).toThrow(/earnedAtReview/);
  });

  it('starts over when the tier is no longer on the ladder', () => {
    const gone: TierState = { tierId: 'vip', sinceDay: d(2025, 1, 1), reviewedDay: d(2026, 1, 1) };
    const result = evaluateTier({ current: gone, earnedNow: 60, earnedAtReview: null, asOfDay: d(2026, 2, 1) }, tiers);
    expect(result).toMatchObject({ tierId: 'active', change: 'initial', sinceDay: d(2026, 2, 1) });
  });

  it('reviews monthly when asked, with no hysteresis', () => {
    const monthly: MemberRules['tiers'] = { ...tiers, review: 'monthly', hysteresis: 0 };
    const current: TierState = { tierId: 'active', sinceDay: d(2026, 1, 10), reviewedDay: d(2026, 2, 1) };
    const before = evaluateTier({ current, earnedNow: 0, earnedAtReview: 49, asOfDay: d(2026, 2, 28) }, monthly);
    expect(before.tierId).toBe('active');
    const after = evaluateTier({ current, earnedNow: 0, earnedAtReview: 49, asOfDay: d(2026, 3, 1) }, monthly);
    expect(after).toMatchObject({ tierId: 'newcomer', change: 'demoted', sinceDay: d(2026, 3, 1) });
  });
});

describe('tier history rows', () => {
  // What recompute stores for a change and what the drawer reads back.
  const roundTrip = (result: TierEvaluation, from: string | null): unknown => {
    if (result.change === 'kept') throw new Error('a kept tier writes no history');
    return tierHistoryExplanation({ day: result.sinceDay, from, to: result.tierId, change: result.change, ...tierHistoryValues(result.explanation) });
  };

  it('rebuilds the explanation of a first tier, a promotion and a demotion from the stored numbers', () => {
    const initial = evaluateTier({ current: null, earnedNow: 260, earnedAtReview: null, asOfDay: d(2026, 2, 1) }, tiers);
    expect(initial.change).toBe('initial');
    expect(roundTrip(initial, null)).toEqual(initial.explanation);

    const active: TierState = { tierId: 'active', sinceDay: d(2025, 12, 1), reviewedDay: d(2026, 1, 1) };
    const promoted = evaluateTier({ current: active, earnedNow: 640, earnedAtReview: null, asOfDay: d(2026, 2, 3) }, tiers);
    expect(promoted.change).toBe('promoted');
    expect(roundTrip(promoted, 'active')).toEqual(promoted.explanation);

    const demoted = evaluateTier({ current: core, earnedNow: 20, earnedAtReview: 60, asOfDay: d(2026, 4, 2) }, tiers);
    expect(demoted).toMatchObject({ change: 'demoted', tierId: 'active' });
    expect(tierHistoryValues(demoted.explanation)).toEqual({ earned: 60, window: 90, threshold: 200, floor: 180, hysteresis: 10 });
    expect(roundTrip(demoted, 'core')).toEqual(demoted.explanation);
  });
});
