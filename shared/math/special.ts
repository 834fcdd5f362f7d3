/**
 * Special functions for the churn and lifetime-value models: log-gamma, log-beta, rising
 * factorials and the Gauss hypergeometric series. Pure numbers in, numbers out; no allocation,
 * so the likelihoods can call them inside their optimiser loops.
 */

const HALF_LN_TWO_PI = 0.5 * Math.log(2 * Math.PI);

// Lanczos approximation with g = 7, n = 9 (Godfrey's coefficients): relative error near 1e-15
// for Γ on x ≥ 0.5, which keeps lnΓ within ~1e-15 absolute and far better than 1e-12 relative
// away from its zeros at 1 and 2.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/**
 * The natural log of the gamma function, ln Γ(x), for x > 0 (Lanczos, g = 7).
 *
 * @example
 * lnGamma(5) // ln 24 = 3.1780538303479458
 * lnGamma(0.5) // ln √π = 0.5723649429247001
 */
export function lnGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`lnGamma needs a finite x > 0, got ${x}`);
  // Reflection keeps the Lanczos sum in its accurate range; for 0 < x < 0.5, sin(πx) > 0.
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i += 1) sum += (LANCZOS[i] ?? 0) / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LN_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The natural log of the beta function, ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0.
 *
 * @example
 * lnBeta(2, 3) // ln(1/12) = -2.4849066497880004
 */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

// Below this many factors a plain sum of logs is both cheaper and more precise than a difference
// of two large log-gammas (which cancels badly when s is large and n small).
const POCHHAMMER_SUM_LIMIT = 32;

/**
 * The log of the rising factorial, ln((s)ₙ) = ln Γ(s + n) − ln Γ(s), for s > 0 and n ≥ 0. Exact
 * 0 for n = 0, even where ln Γ(s) itself would overflow or lose precision.
 *
 * @example
 * lnPochhammer(3, 2) // ln(3 · 4) = 2.4849066497880004
 * lnPochhammer(0.5, 0) // 0
 */
export function lnPochhammer(s: number, n: number): number {
  if (n === 0) return 0;
  if (Number.isInteger(n) && n > 0 && n <= POCHHAMMER_SUM_LIMIT) {
    let total = 0;
    for (let k = 0; k < n; k += 1) total += Math.log(s + k);
    return total;
  }
  return lnGamma(s + n) - lnGamma(s);
}

/**
 * ln(eᵃ + eᵇ) without overflow or underflow; −Infinity only when both are −Infinity.
 *
 * @example
 * logAddExp(0, 0) // ln 2 = 0.6931471805599453
 * logAddExp(-1000, -1000) // -999.3068528194401 (Math.log(2 * Math.exp(-1000)) would give -Infinity)
 */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

// Enough terms for z = 0.9999 with mild parameters; a series that needs more is better served by
// a transformation than by summing on, so it fails loudly instead.
const HYP2F1_MAX_TERMS = 2_000_000;
const HYP2F1_EPSILON = 1e-16;

/**
 * Sums 1 + Σₙ₌₁ tₙ where t₁ = first and tₙ₊₁ = tₙ · (a + n)(b + n) / ((c + n)(n + 1)) · z.
 * Stops once the remaining tail, bounded by a geometric series with ratio max(|ratio|, |z|),
 * falls below machine precision of the sum.
 */
function gaussSeries(a: number, b: number, c: number, z: number, start: number, first: number): number {
  let term = first;
  let sum = start + term;
  const limitRatio = Math.abs(z);
  for (let n = 1; n < HYP2F1_MAX_TERMS; n += 1) {
    if (term === 0) return sum; // a terminating series (a or b a non-positive integer)
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    const rho = Math.max(Math.abs(ratio), limitRatio);
    if (rho < 1 && Math.abs(term) * rho <= HYP2F1_EPSILON * Math.abs(sum) * (1 - rho)) return sum;
    term *= ratio;
    sum += term;
  }
  throw new RangeError(`hyp2f1 series did not converge in ${HYP2F1_MAX_TERMS} terms (z = ${z})`);
}

function checkHypergeometric(c: number, z: number): void {
  if (!Number.isFinite(z) || Math.abs(z) >= 1) throw new RangeError(`hyp2f1 needs |z| < 1, got z = ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1 is undefined for c = ${c}`);
}

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) by its power series, for |z| < 1 (the range
 * the BG/NBD model needs is 0 ≤ z < 1). Accurate to about 1e-15 relative for moderate z and
 * 5e-14 at z = 0.999 (tens of thousands of terms), 3e-12 at z = 1 − 2e-5; beyond that it
 * throws rather than sum millions.
 *
 * @example
 * hyp2f1(1, 1, 2, 0.5) // −ln(1 − 0.5) / 0.5 = 1.3862943611198906
 * hyp2f1(2, 3, 3, 0.25) // (1 − 0.25)^−2 = 1.7777777777777777
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  checkHypergeometric(c, z);
  if (z === 0) return 1;
  return gaussSeries(a, b, c, z, 1, ((a * b) / c) * z);
}

/**
 * (₂F₁(a, b; c; z) − 1) / b, summed directly so it stays exact as b → 0 (where it tends to
 * Σₙ₌₁ (a)ₙ (n − 1)! zⁿ / ((c)ₙ n!)). The BG/NBD conditional expectation divides by a − 1 and
 * needs this to avoid a 0/0 at a = 1.
 *
 * @example
 * hyp2f1ExcessOverB(1, 0.5, 2, 0.5) // (hyp2f1(1, 0.5, 2, 0.5) − 1) / 0.5
 * hyp2f1ExcessOverB(1, 0, 2, 0.5) // the b → 0 limit, Σ zⁿ/(n(n+1)) = 1 − ln 2 = 0.3068528194400547
 */
export function hyp2f1ExcessOverB(a: number, b: number, c: number, z: number): number {
  checkHypergeometric(c, z);
  if (z === 0) return 0;
  // Term n of the excess is (a)ₙ (b+1)ₙ₋₁ zⁿ / ((c)ₙ n!): the same term ratio as ₂F₁'s series,
  // only starting from 0 with first term a·z/c instead of from 1 with a·b·z/c.
  return gaussSeries(a, b, c, z, 0, (a / c) * z);
}
