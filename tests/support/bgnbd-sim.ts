/**
 * Simulated members drawn from known BG/NBD and Gamma-Gamma parameters, for checking that the
 * fits recover what generated the data. Seeded, so every run sees the same members.
 */

import { type SeededRandom } from '../../shared/random';
import { type BgnbdParams, type RepeatHistory } from '../../shared/members/bgnbd';
import { type GammaGammaParams, type SpendHistory } from '../../shared/members/gamma-gamma';

/** A uniform draw in (0, 1]: safe to take the log of. */
const openUniform = (random: SeededRandom): number => 1 - random.next();

/**
 * Gamma(shape, rate) by Marsaglia & Tsang (2000); shapes below 1 by drawing Gamma(shape + 1) and
 * scaling by U^(1/shape).
 */
export function sampleGamma(random: SeededRandom, shape: number, rate: number): number {
  if (!(shape > 0) || !(rate > 0)) throw new RangeError(`gamma needs shape, rate > 0, got ${shape}, ${rate}`);
  if (shape < 1) return sampleGamma(random, shape + 1, rate) * Math.pow(openUniform(random), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = random.normal();
    const cube = 1 + c * x;
    if (cube <= 0) continue;
    const v = cube * cube * cube;
    const u = openUniform(random);
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

/** Beta(a, b) as G₁/(G₁ + G₂) with G₁ ~ Gamma(a), G₂ ~ Gamma(b). */
export function sampleBeta(random: SeededRandom, a: number, b: number): number {
  const g1 = sampleGamma(random, a, 1);
  const g2 = sampleGamma(random, b, 1);
  return g1 + g2 > 0 ? g1 / (g1 + g2) : random.next();
}

/**
 * One member per call of the BG/NBD story: λ ~ Gamma(r, α), p ~ Beta(a, b); from the first event
 * at time 0, repeat events arrive at rate λ until T, and after each repeat the member leaves for
 * good with probability p (never after the first event, as in the model).
 */
export function simulateHistory(random: SeededRandom, params: BgnbdParams, T: number): RepeatHistory {
  const lambda = sampleGamma(random, params.r, params.alpha);
  const p = sampleBeta(random, params.a, params.b);
  let x = 0;
  let tx = 0;
  let time = 0;
  for (;;) {
    time += -Math.log(openUniform(random)) / lambda;
    if (!(time <= T)) break;
    x += 1;
    tx = time;
    if (random.chance(p)) break;
  }
  return { x, tx, T };
}

/** `members` simulated histories, each with its own observation span from `observe`. */
export function simulateHistories(
  random: SeededRandom,
  params: BgnbdParams,
  members: number,
  observe: (random: SeededRandom) => number,
): RepeatHistory[] {
  return Array.from({ length: members }, () => simulateHistory(random, params, observe(random)));
}

/**
 * Spend for members with these repeat counts under Gamma-Gamma: ν ~ Gamma(q, γ) per member, each
 * repeat event's value ~ Gamma(p, ν); mx is their mean. Members with x = 0 are skipped, as the
 * model only describes members with repeat spend.
 */
export function simulateSpend(
  random: SeededRandom,
  params: GammaGammaParams,
  counts: readonly number[],
): SpendHistory[] {
  const rows: SpendHistory[] = [];
  for (const x of counts) {
    if (x <= 0) continue;
    const nu = sampleGamma(random, params.q, params.gamma);
    let total = 0;
    for (let i = 0; i < x; i += 1) total += sampleGamma(random, params.p, nu);
    rows.push({ x, mx: total / x });
  }
  return rows;
}
