/** Points as the forms read them, and how far a member is from the next tier. Pure. */
import type { MemberOverview } from '../../../shared/member-grid';

type TierLadder = MemberOverview['tiers'];

/** The most points one adjustment may move (the contract's limit). */
export const MAX_POINTS = 1_000_000;

/**
 * A points amount typed by the user: a whole number from 1 to 1,000,000, full-width digits and
 * thousands separators allowed (a Chinese IME types "３００"); null for anything else.
 *
 * @example
 * parsePoints('1,200') // 1200
 * parsePoints('３００') // 300
 * parsePoints('1.5') // null
 */
export function parsePoints(text: string): number | null {
  const plain = text
    .normalize('NFKC')
    .trim()
    .replace(/[,\s_]/g, '');
  if (!/^\d{1,7}$/.test(plain)) return null;
  const points = Number(plain);
  return points >= 1 && points <= MAX_POINTS ? points : null;
}

export interface NextTier {
  id: string;
  threshold: number;
  /** Points still to earn within the tier window. */
  needed: number;
}

/**
 * The tier above a member's current one, and how many points in the tier window reach it; null at
 * the top of the ladder. A member kept in a tier by hysteresis can be below its threshold, so the
 * next tier is counted from the current tier, not from the points.
 *
 * @example
 * nextTier(defaultLadder, 'active', 120) // { id: 'core', threshold: 200, needed: 80 }
 */
export function nextTier(ladder: TierLadder, tierId: string, pointsWindow: number): NextTier | null {
  const sorted = [...ladder].sort((a, b) => a.threshold - b.threshold);
  const index = sorted.findIndex((tier) => tier.id === tierId);
  const next = index >= 0 ? sorted[index + 1] : sorted.find((tier) => tier.threshold > pointsWindow);
  if (!next) return null;
  return { id: next.id, threshold: next.threshold, needed: Math.max(1, Math.ceil(next.threshold - pointsWindow)) };
}
