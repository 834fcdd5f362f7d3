/**
 * Tiers: a ladder of point thresholds over a rolling window. Promotion is immediate; demotion waits
 * for a review (start of a month or quarter) and is softened by hysteresis, so a member does not
 * drop a tier for one quiet week or bounce across a threshold.
 */
import { dayNumber } from '../time';
import type { Explanation } from './explain';
import { addMonths } from './points';
import type { MemberRules, TierLadder } from './rules';

const MS_PER_DAY = 86_400_000;

type Tiers = MemberRules['tiers'];
type Tier = TierLadder[number];

/** A member's tier as stored: which tier, since when, and the latest review already applied. */
export interface TierState {
  tierId: string;
  sinceDay: number;
  reviewedDay: number | null;
}

export interface TierEvaluation {
  tierId: string;
  sinceDay: number;
  /** The latest review day now applied (never null after an evaluation). */
  reviewedDay: number;
  change: 'initial' | 'promoted' | 'demoted' | 'kept';
  explanation: Explanation;
}

/**
 * The first day of the month or quarter (January, April, July, October) containing `day`: the
 * latest review day on or before it.
 *
 * @example
 * reviewDayOnOrBefore(dayNumber(2026, 5, 17), 'quarterly') === dayNumber(2026, 4, 1) // true
 */
export function reviewDayOnOrBefore(day: number, review: Tiers['review']): number {
  // Asked for every member with the same as-of day: remember the last answer.
  if (lastReview.day === day && lastReview.review === review) return lastReview.result;
  const date = new Date(day * MS_PER_DAY);
  const month = date.getUTCMonth(); // 0-based
  const first = review === 'monthly' ? month : month - (month % 3);
  const result = dayNumber(date.getUTCFullYear(), first + 1, 1);
  lastReview = { day, review, result };
  return result;
}

let lastReview: { day: number; review: Tiers['review'] | null; result: number } = { day: Number.NaN, review: null, result: 0 };

/**
 * The highest tier whose threshold is at most `earned` (the first tier, threshold 0, at least).
 *
 * @example
 * tierFor(120, defaultMemberRules.tiers.ladder).id // 'active' (50 ≤ 120 < 200)
 */
export function tierFor(earned: number, ladder: TierLadder): Tier {
  return ladder[tierIndexFor(earned, ladder)]!;
}

function tierIndexFor(earned: number, ladder: TierLadder): number {
  let index = 0;
  for (let i = 1; i < ladder.length; i++) if (ladder[i]!.threshold <= earned) index = i;
  return index;
}

/**
 * The fewest points that keep a tier at a review: threshold × (1 − hysteresis), rounded up
 * (points are whole numbers). The 1e-9 absorbs floating point: 100 × (1 − 0.45) is 55.00000000000001.
 *
 * @example
 * holdFloor(200, 0.1) // 180
 */
export function holdFloor(threshold: number, hysteresis: number): number {
  return Math.ceil(threshold * (1 - hysteresis) - 1e-9);
}

/**
 * Whether evaluating `current` on `asOfDay` applies a review, i.e. whether the caller must supply
 * `earnedAtReview`: a review day has passed that was not yet applied, the member held their tier
 * before it, and the tier is above the first (the first tier cannot be lost).
 *
 * @example
 * reviewPending({ tierId: 'core', sinceDay: 0, reviewedDay: dayNumber(2026, 1, 1) }, dayNumber(2026, 4, 2), defaultMemberRules.tiers) // true
 */
export function reviewPending(current: TierState | null, asOfDay: number, tiers: Tiers): boolean {
  if (!current) return false;
  const index = tiers.ladder.findIndex((t) => t.id === current.tierId);
  const reviewDay = reviewDayOnOrBefore(asOfDay, tiers.review);
  return index > 0 && current.sinceDay < reviewDay && (current.reviewedDay === null || current.reviewedDay < reviewDay);
}

/**
 * A member's tier on `asOfDay`.
 *
 * - No current tier (or one no longer on the ladder): `tierFor(earnedNow)`, change 'initial'.
 * - Promotion, at once: `earnedNow` reaches a higher tier's threshold. It also settles a pending
 *   review (the member is doing better now than any review could find).
 * - Demotion, only when a review is pending (see `reviewPending`) and `earnedAtReview` (points in
 *   the window ending the day before the review day) is below the current tier's hold floor,
 *   threshold × (1 − hysteresis). The member then lands on the highest tier whose own hold floor
 *   `earnedAtReview` meets, so hysteresis protects each step down, but never below
 *   `tierFor(earnedNow)`: a tier the member's current points qualify for would be given back by the
 *   promotion rule on the next run. Data after the review day never pushes a member lower than
 *   the review found, so the outcome does not depend on the day the evaluation happens to run.
 *   A demotion dates from the review day.
 * - Otherwise the tier is kept ('tier.held' when only hysteresis kept it at the review,
 *   'tier.keptUntilReview' when current points are below the threshold between reviews).
 *
 * @example
 * evaluateTier(
 *   { current: { tierId: 'core', sinceDay: dayNumber(2025, 11, 3), reviewedDay: dayNumber(2025, 10, 1) },
 *     earnedNow: 120, earnedAtReview: 185, asOfDay: dayNumber(2026, 1, 5) },
 *   defaultMemberRules.tiers,
 * ) // { tierId: 'core', change: 'kept', explanation: { key: 'tier.held', … }, reviewedDay: dayNumber(2026, 1, 1), … }
 */
export function evaluateTier(
  input: { current: TierState | null; earnedNow: number; earnedAtReview: number | null; asOfDay: number },
  tiers: Tiers,
): TierEvaluation {
  const { current, earnedNow, earnedAtReview, asOfDay } = input;
  const { ladder, windowDays: window, hysteresis } = tiers;
  const reviewDay = reviewDayOnOrBefore(asOfDay, tiers.review);
  const reviewedDay = Math.max(current?.reviewedDay ?? reviewDay, reviewDay);
  const nowIndex = tierIndexFor(earnedNow, ladder);
  const currentIndex = current ? ladder.findIndex((t) => t.id === current.tierId) : -1;

  if (!current || currentIndex < 0) {
    const tier = ladder[nowIndex]!;
    return {
      tierId: tier.id,
      sinceDay: asOfDay,
      reviewedDay,
      change: 'initial',
      explanation: {
        key: 'tier.initial',
        params: { tier: tier.id, earned: earnedNow, window, threshold: tier.threshold },
      },
    };
  }

  if (nowIndex > currentIndex) {
    const tier = ladder[nowIndex]!;
    return {
      tierId: tier.id,
      sinceDay: asOfDay,
      reviewedDay,
      change: 'promoted',
      explanation: {
        key: 'tier.promoted',
        params: { tier: tier.id, sinceDay: asOfDay, earned: earnedNow, window, threshold: tier.threshold },
      },
    };
  }

  const tier = ladder[currentIndex]!;
  if (reviewPending(current, asOfDay, tiers)) {
    if (earnedAtReview === null) {
      throw new RangeError(`earnedAtReview is needed: tier “${tier.id}” is due for review on day ${reviewDay}`);
    }
    const floor = holdFloor(tier.threshold, hysteresis);
    if (earnedAtReview < floor) {
      let reviewIndex = 0;
      for (let i = 1; i < currentIndex; i++) {
        if (holdFloor(ladder[i]!.threshold, hysteresis) <= earnedAtReview) reviewIndex = i;
      }
      const to = ladder[Math.max(reviewIndex, nowIndex)]!;
      if (to.id !== tier.id) {
        return {
          tierId: to.id,
          sinceDay: reviewDay,
          reviewedDay,
          change: 'demoted',
          explanation: {
            key: 'tier.demoted',
            params: {
              tier: to.id,
              fromTier: tier.id,
              reviewDay,
              earned: earnedAtReview,
              window,
              threshold: tier.threshold,
              floor,
              hysteresis: Math.round(hysteresis * 100),
            },
          },
        };
      }
    } else if (earnedAtReview < tier.threshold) {
      return {
        tierId: tier.id,
        sinceDay: current.sinceDay,
        reviewedDay,
        change: 'kept',
        explanation: {
          key: 'tier.held',
          params: {
            tier: tier.id,
            reviewDay,
            earned: earnedAtReview,
            window,
            threshold: tier.threshold,
            floor,
            hysteresis: Math.round(hysteresis * 100),
          },
        },
      };
    }
  }

  const below = earnedNow < tier.threshold;
  return {
    tierId: tier.id,
    sinceDay: current.sinceDay,
    reviewedDay,
    change: 'kept',
    explanation: {
      key: below ? 'tier.keptUntilReview' : 'tier.kept',
      params: {
        tier: tier.id,
        sinceDay: current.sinceDay,
        earned: earnedNow,
        window,
        threshold: tier.threshold,
        ...(below ? { nextReviewDay: addMonths(reviewDay, tiers.review === 'monthly' ? 1 : 3) } : {}),
      },
    },
  };
}

/** A stored tier change: the row's own fields, from which its explanation is rebuilt. */
export interface TierHistoryRow {
  day: number;
  from: string | null;
  to: string;
  change: 'initial' | 'promoted' | 'demoted';
  /** Points earned in the window (as of the change, or up to the review for a demotion). */
  earned: number;
  window: number;
  /** The threshold of the tier reached, or for a demotion of the tier left. */
  threshold: number;
  /** Demotions only: the hold floor missed and the hysteresis (%) behind it. */
  floor: number | null;
  hysteresis: number | null;
}

/** What the explanation of a change adds to its history row: numbers, a few bytes each. */
export type TierHistoryValues = Pick<TierHistoryRow, 'earned' | 'window' | 'threshold' | 'floor' | 'hysteresis'>;

function numberParam(explanation: Explanation, name: string): number | null {
  const value = explanation.params[name];
  return typeof value === 'number' ? value : null;
}

/**
 * The numbers of a change's explanation, to store beside the change (everything else in it is the
 * row's day, tiers and kind: see tierHistoryExplanation).
 *
 * @example
 * tierHistoryValues({ key: 'tier.promoted', params: { tier: 'core', sinceDay: 20781, earned: 640, window: 90, threshold: 500 } })
 * // { earned: 640, window: 90, threshold: 500, floor: null, hysteresis: null }
 */
export function tierHistoryValues(explanation: Explanation): TierHistoryValues {
  return {
    earned: numberParam(explanation, 'earned') ?? 0,
    window: numberParam(explanation, 'window') ?? 0,
    threshold: numberParam(explanation, 'threshold') ?? 0,
    floor: numberParam(explanation, 'floor'),
    hysteresis: numberParam(explanation, 'hysteresis'),
  };
}

/**
 * The explanation evaluateTier gave for a stored change, rebuilt from its row.
 *
 * @example
 * tierHistoryExplanation({ day: 20781, from: 'active', to: 'core', change: 'promoted', earned: 640, window: 90, threshold: 500, floor: null, hysteresis: null })
 * // { key: 'tier.promoted', params: { tier: 'core', sinceDay: 20781, earned: 640, window: 90, threshold: 500 } }
 */
export function tierHistoryExplanation(row: TierHistoryRow): Explanation {
  const { earned, window, threshold } = row;
  if (row.change === 'initial') return { key: 'tier.initial', params: { tier: row.to, earned, window, threshold } };
  if (row.change === 'promoted') {
    return { key: 'tier.promoted', params: { tier: row.to, sinceDay: row.day, earned, window, threshold } };
  }
  const params: Explanation['params'] = { tier: row.to, reviewDay: row.day, earned, window, threshold };
  if (row.from !== null) params.fromTier = row.from;
  if (row.floor !== null) params.floor = row.floor;
  if (row.hysteresis !== null) params.hysteresis = row.hysteresis;
  return { key: 'tier.demoted', params };
}
