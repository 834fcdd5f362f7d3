/**
 * Customer (member) lifetime value over a horizon: expected events from BG/NBD times expected
 * value per event from Gamma-Gamma. Deliberately undiscounted: community operators read it as
 * "what this member is likely to bring in over the next N weeks", and over the short horizons the
 * app offers (months, not decades) discounting changes the ranking of members hardly at all while
 * making the number harder to explain. Multiplying the two expectations assumes, as Gamma-Gamma
 * does, that how much a member spends is independent of how often they come.
 */

import { type BgnbdParams, expectedEvents, pAlive, type RepeatHistory } from './bgnbd';
import { expectedSpend, type GammaGammaParams } from './gamma-gamma';

/**
 * Undiscounted lifetime value: expected events × expected value per event.
 *
 * @example
 * clv(1.5, 40) // 60
 */
export function clv(expectedEvents: number, expectedSpend: number): number {
  if (!(expectedEvents >= 0) || !Number.isFinite(expectedEvents))
    throw new RangeError(`expected events must be finite and ≥ 0, got ${expectedEvents}`);
  if (!(expectedSpend >= 0) || !Number.isFinite(expectedSpend))
    throw new RangeError(`expected spend must be finite and ≥ 0, got ${expectedSpend}`);
  return expectedEvents * expectedSpend;
}

/** One member's outlook over a horizon, as shown next to their name. */
export interface MemberValue {
  pAlive: number;
  expectedEvents: number;
  expectedSpend: number;
  clv: number;
}

/**
 * Everything the member list shows for one member: P(alive), expected events and spend per event
 * over the next `horizon` units (the unit of the BG/NBD fit), and their product. `mx` is the
 * member's mean spend per repeat event (ignored when x = 0).
 *
 * @example
 * memberValue(
 *   { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
 *   { p: 6, q: 4, gamma: 15 },
 *   39,
 *   { x: 2, tx: 30.43, T: 38.86, mx: 50 },
 * ) // { pAlive: ≈0.73, expectedEvents: ≈1.23, expectedSpend: 46, clv: ≈56 }
 */
export function memberValue(
  events: BgnbdParams,
  spend: GammaGammaParams,
  horizon: number,
  member: RepeatHistory & { mx: number },
): MemberValue {
  const e = expectedEvents(events, horizon, member);
  const s = expectedSpend(spend, member);
  return { pAlive: pAlive(events, member), expectedEvents: e, expectedSpend: s, clv: clv(e, s) };
}
