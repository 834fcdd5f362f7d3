/**
 * The BG/NBD model of repeat activity (Fader, Hardie & Lee 2005, "Counting your customers the easy
 * way"): while alive, a member's events follow a Poisson process with rate λ ~ Gamma(r, α); after
 * each repeat event they drop out for good with probability p ~ Beta(a, b). Fitted from each
 * member's (x, tx, T) alone, it gives the chance a member is still active and how many events to
 * expect from them.
 */

import { minimize } from '../math/nelder-mead';
import { hyp2f1, hyp2f1ExcessOverB, lnPochhammer, logAddExp } from '../math/special';
import {
  type ArrangedRows,
  arrangeRows,
  checkHistory,
  collapseHistories,
  sampleRows,
  type UniqueRows,
} from './bgnbd-rows';

/** One member's repeat-event history in the chosen unit: x repeat events (distinct event days minus 1), tx = time of last event since first, T = time from first event to as-of. */
export interface RepeatHistory {
  x: number;
  tx: number;
  T: number;
}

/** λ ~ Gamma(shape r, rate α) in events per unit time; dropout p ~ Beta(a, b). */
export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgnbdFit {
  params: BgnbdParams;
  /** The summed log-likelihood at `params`. */
  logLik: number;
  /** Rows fitted (before collapsing identical histories). */
  n: number;
  /** Nelder–Mead iterations over all restarts. */
  iterations: number;
  converged: boolean;
}

function checkParams({ r, alpha, a, b }: BgnbdParams): void {
  for (const [name, v] of [
    ['r', r],
    ['alpha', alpha],
    ['a', a],
    ['b', b],
  ] as const) {
    if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`BG/NBD ${name} must be finite and > 0, got ${v}`);
  }
}

// exp(−600) is far above the subnormal range, so scaled pair factors within this many e-folds of
// their block's largest keep full precision and cannot underflow to 0.
const SAFE_EXP_RANGE = 600;

/**
 * Builds the summed log-likelihood over collapsed rows. Scratch arrays are allocated once here
 * and refilled on every call, so an optimiser can call it hundreds of times without garbage.
 * Returns −Infinity for parameters outside the model (non-positive or non-finite).
 */
function logLikelihoodOver(data: ArrangedRows): (params: BgnbdParams) => number {
  const { xs, xWeight, rowStart, ts, txs, pairTRank, pairTIndex, pairTxRank, pairTxIndex } = data;
  const { rowPairT, rowPairTx, rowWeight } = data;
  const nx = xs.length;
  const lnFirst = new Float64Array(nx);
  const lnSecond = new Float64Array(nx);
  const high = new Float64Array(nx);
  const low = new Float64Array(nx);
  const lnAlphaT = new Float64Array(ts.length);
  const lnAlphaTx = new Float64Array(txs.length);
  const lnRatioT = new Float64Array(ts.length);
  const lnRatioTx = new Float64Array(txs.length);
  const logT = new Float64Array(pairTRank.length);
  const logTx = new Float64Array(pairTxRank.length);
  const scaledT = new Float64Array(pairTRank.length);
  const scaledTx = new Float64Array(pairTxRank.length);

  return ({ r, alpha, a, b }) => {
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return -Infinity;
    if (!(r < Infinity && alpha < Infinity && a < Infinity && b < Infinity)) return -Infinity;
    const lnA = Math.log(a);
    let total = 0;
    // Terms that depend on x only: Γ(r+x)/Γ(r), and the beta ratios B(a, b+x)/B(a, b) and
    // B(a+1, b+x−1)/B(a, b) written as rising factorials.
    for (let i = 0; i < nx; i += 1) {
      const x = xs[i] ?? 0;
      total += (xWeight[i] ?? 0) * lnPochhammer(r, x);
      const lnAbx = lnPochhammer(a + b, x);
      lnFirst[i] = lnPochhammer(b, x) - lnAbx;
      lnSecond[i] = x > 0 ? lnA + lnPochhammer(b, x - 1) - lnAbx : -Infinity;
      high[i] = -Infinity;
      low[i] = Infinity;
    }
    // α^r/(α+T)^(r+x) = (1 + T/α)^−r (α+T)^−x. For T ≪ α (an optimiser exploring huge r and α
    // lands there) ln(α+T) − ln α cancels and log1p keeps the precision; elsewhere the difference
    // is exact enough and saves a log1p per distinct value.
    const lnAlpha = Math.log(alpha);
    const lnRatio = (v: number, lnSum: number): number => (v > 0.5 * alpha ? lnSum - lnAlpha : Math.log1p(v / alpha));
    for (let j = 0; j < ts.length; j += 1) {
      const T = ts[j] ?? 0;
      lnAlphaT[j] = Math.log(alpha + T);
      lnRatioT[j] = lnRatio(T, lnAlphaT[j] ?? 0);
    }
    for (let k = 0; k < txs.length; k += 1) {
      const tx = txs[k] ?? 0;
      lnAlphaTx[k] = Math.log(alpha + tx);
      lnRatioTx[k] = lnRatio(tx, lnAlphaTx[k] ?? 0);
    }

    // ln A1 per (x, T) pair (alive at T) and ln A2 per (x, tx) pair (dropped out right after tx;
    // −Infinity for x = 0), with each x block's range, to scale by its largest.
    for (let p = 0; p < logT.length; p += 1) {
      const i = pairTRank[p] ?? 0;
      const j = pairTIndex[p] ?? 0;
      const v = (lnFirst[i] ?? 0) - r * (lnRatioT[j] ?? 0) - (xs[i] ?? 0) * (lnAlphaT[j] ?? 0);
      logT[p] = v;
      if (v > (high[i] ?? 0)) high[i] = v;
      if (v < (low[i] ?? 0)) low[i] = v;
    }
    for (let q = 0; q < logTx.length; q += 1) {
      const i = pairTxRank[q] ?? 0;
      const k = pairTxIndex[q] ?? 0;
      const v = (lnSecond[i] ?? 0) - r * (lnRatioTx[k] ?? 0) - (xs[i] ?? 0) * (lnAlphaTx[k] ?? 0);
      logTx[q] = v;
      if (v > (high[i] ?? 0)) high[i] = v;
      if (v < (low[i] ?? 0) && v > -Infinity) low[i] = v;
    }
    for (let p = 0; p < logT.length; p += 1) scaledT[p] = Math.exp((logT[p] ?? 0) - (high[pairTRank[p] ?? 0] ?? 0));
    for (let q = 0; q < logTx.length; q += 1) scaledTx[q] = Math.exp((logTx[q] ?? 0) - (high[pairTxRank[q] ?? 0] ?? 0));

    // ln(A1 + A2) per row: one log of the scaled sum where the block's range is safe, otherwise
    // (very large x with a long history) the slower log-sum-exp.
    for (let i = 0; i < nx; i += 1) {
      const begin = rowStart[i] ?? 0;
      const end = rowStart[i + 1] ?? 0;
      // A sample may hold no rows of some x; its −Infinity scale must not meet a zero weight.
      if (begin === end) continue;
      let sum = 0;
      if ((high[i] ?? 0) - (low[i] ?? 0) <= SAFE_EXP_RANGE) {
        for (let u = begin; u < end; u += 1) {
          sum += (rowWeight[u] ?? 0) * Math.log((scaledT[rowPairT[u] ?? 0] ?? 0) + (scaledTx[rowPairTx[u] ?? 0] ?? 0));
        }
        total += sum + (xWeight[i] ?? 0) * (high[i] ?? 0);
      } else {
        for (let u = begin; u < end; u += 1) {
          sum += (rowWeight[u] ?? 0) * logAddExp(logT[rowPairT[u] ?? 0] ?? 0, logTx[rowPairTx[u] ?? 0] ?? 0);
        }
        total += sum;
      }
    }
    return total;
  };
}

/**
 * The BG/NBD log-likelihood summed over members (equation 6 of the paper, in logs). Rows with
 * x = 0 ignore tx. −Infinity for parameters outside the model.
 *
 * @example
 * bgnbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, [{ x: 0, tx: 0, T: 38.86 }])
 * // 0.243 · ln(4.414 / 43.274) = -0.5548…
 */
export function bgnbdLogLikelihood(params: BgnbdParams, rows: readonly RepeatHistory[]): number {
  if (rows.length === 0) return 0;
  return logLikelihoodOver(arrangeRows(collapseHistories(rows)))(params);
}

const fromLog = ([lnR = 0, lnAlpha = 0, lnA = 0, lnB = 0]: readonly number[]): BgnbdParams => ({
  r: Math.exp(lnR),
  alpha: Math.exp(lnAlpha),
  a: Math.exp(lnA),
  b: Math.exp(lnB),
});

// Log-parameters beyond ±40 (factors of e^40 ≈ 2e17) only occur when the data pin a parameter to
// the edge of the model (e.g. nobody ever repeats); capping there keeps every value finite.
const LOG_PARAM_LIMIT = 40;
// a and b run off to infinity together when drop-out barely varies between members (the Beta
// mixing collapses onto p = a / (a + b)). Past e^10 ≈ 22,000 the model is already that point mass
// to four digits, and keeping them there keeps the ₂F₁ series in expectedEvents short.
const LOG_DROPOUT_LIMIT = 10;

function withinLimits(theta: readonly number[]): boolean {
  return theta.every((v, i) => Math.abs(v) <= (i >= 2 ? LOG_DROPOUT_LIMIT : LOG_PARAM_LIMIT));
}

function negativeLogLikelihood(data: ArrangedRows): (theta: readonly number[]) => number {
  const logLik = logLikelihoodOver(data);
  return (theta) => (withinLimits(theta) ? -logLik(fromLog(theta)) : Infinity);
}

/**
 * r = a = b = 1, with α matching the observed repeat rate: with r = 1 the mean rate is 1/α, so
 * α = Σ T / Σ x makes the start right whatever the time unit (days, weeks).
 */
function startingPoint({ xs, ts, ix, it, weight }: UniqueRows): number[] {
  let sumX = 0;
  let sumT = 0;
  for (let u = 0; u < weight.length; u += 1) {
    sumX += (weight[u] ?? 0) * (xs[ix[u] ?? 0] ?? 0);
    sumT += (weight[u] ?? 0) * (ts[it[u] ?? 0] ?? 0);
  }
  return [0, sumT > 0 ? Math.log(sumT / Math.max(sumX, 1)) : 0, 0, 0];
}

// Above this many unique histories the long walk from the generic start runs on a sample, and
// only the last, short stretch on everything: a million members then fit in about a second.
const SAMPLE_ROWS = 20_000;

/**
 * Fits BG/NBD by maximum likelihood: Nelder–Mead over (ln r, ln α, ln a, ln b) from r = a = b = 1
 * with α matching the observed repeat rate, then restarted from its own result (Nelder–Mead can
 * stall on a collapsed simplex) until a restart stops improving. Identical histories are
 * collapsed first, and with many distinct ones the long walk from the start runs on a weighted
 * sample, leaving only a short polish for the full data: a million members with about 200,000
 * distinct histories fit in about a second.
 *
 * Degenerate data (nobody repeats, a single member) has no interior maximum: the fit then
 * returns finite parameters at the edge it ran to, never NaN.
 *
 * @example
 * const fit = fitBgnbd([{ x: 2, tx: 30.4, T: 38.9 }, { x: 0, tx: 0, T: 38.9 }, { x: 1, tx: 1.7, T: 38.9 }]);
 * fit.params.r // > 0
 */
export function fitBgnbd(rows: readonly RepeatHistory[]): BgnbdFit {
  if (rows.length === 0) throw new RangeError('fitBgnbd needs at least one member');
  const unique = collapseHistories(rows);
  const data = arrangeRows(unique);
  // Converged: values across the simplex within 1e-10 relative and every log-parameter within
  // 1e-5, i.e. parameters to 0.001%, far inside their standard errors even at a million members.
  const options = { tolerance: 1e-10, xTolerance: 1e-5, maxIterations: 4000 };
  let x0 = startingPoint(unique);
  let step = 1;
  let iterations = 0;
  if (unique.weight.length > 2 * SAMPLE_ROWS) {
    const rough = minimize(negativeLogLikelihood(arrangeRows(sampleRows(unique, SAMPLE_ROWS))), x0, {
      ...options,
      initialStep: step,
      xTolerance: 1e-3,
    });
    iterations += rough.iterations;
    x0 = rough.x;
    // The sample's optimum is within a few percent of the full one.
    step = 0.05;
  }
  const objective = negativeLogLikelihood(data);
  let best = minimize(objective, x0, { ...options, initialStep: step });
  iterations += best.iterations;
  for (let restart = 0; restart < 2; restart += 1) {
    const again = minimize(objective, best.x, { ...options, initialStep: 0.01 });
    iterations += again.iterations;
    const improved = again.value < best.value - options.tolerance * Math.max(1, Math.abs(best.value));
    if (again.value <= best.value) best = again;
    if (!improved) break;
  }
  return { params: fromLog(best.x), logLik: -best.value, n: data.n, iterations, converged: best.converged };
}

/**
 * P(alive | x, tx, T): the chance the member has not dropped out by T. Exactly 1 when x = 0,
 * since the model only lets members drop out right after a repeat event.
 *
 * @example
 * pAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { x: 0, tx: 0, T: 38.86 }) // 1
 * pAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { x: 2, tx: 30.43, T: 38.86 }) // about 0.73
 */
export function pAlive(params: BgnbdParams, row: RepeatHistory): number {
  checkParams(params);
  checkHistory(row, 0);
  const { r, alpha, a, b } = params;
  const { x, tx, T } = row;
  if (x === 0) return 1;
  // 1 / (1 + a/(b+x−1) · ((α+T)/(α+tx))^(r+x)), in logs so large x or T cannot overflow to NaN.
  const lnOdds = Math.log(a / (b + x - 1)) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  return 1 / (1 + Math.exp(lnOdds));
}

/** Above this a, expectedEvents uses equation (10) directly (see there). */
const DIRECT_FORM_MIN_A = 50;

/**
 * E[Y(t) | x, tx, T]: expected events in the next t units (equation 10 of the paper),
 *
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive).
 *
 * Evaluated through Euler's transformation ₂F₁(A, B; C; z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z),
 * which turns the bracket into [1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; C; z)]/(a−1): no overflow for
 * large x, a much faster series near z = 1, and a finite limit at a = 1 where the printed form
 * is 0/0.
 *
 * @example
 * expectedEvents({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, { x: 2, tx: 30.43, T: 38.86 }) // about 1.23
 */
export function expectedEvents(params: BgnbdParams, t: number, row: RepeatHistory): number {
  checkParams(params);
  if (!(t >= 0) || !Number.isFinite(t)) throw new RangeError(`horizon t must be finite and ≥ 0, got ${t}`);
  const { r, alpha, a, b } = params;
  const { x, T } = row;
  const alive = pAlive(params, row);
  if (t === 0) return 0;
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  const lnOneMinusZ = -Math.log1p(t / (alpha + T));
  if (a > DIRECT_FORM_MIN_A) {
    // Equation (10) as printed. Far from its 0/0 at a = 1, and where Euler's form would multiply
    // an underflowing (1 − z)^(a − 1) by an overflowing series (a, b in the thousands when the
    // drop-out mixing collapses), its own series converges like (b / (a + b)) z per term.
    const series = hyp2f1(r + x, b + x, c, z);
    return (c / (a - 1)) * (1 - Math.exp((r + x) * lnOneMinusZ) * series) * alive;
  }
  const epsilon = a - 1;
  const excess = hyp2f1ExcessOverB(a + b - 1 - r, epsilon, c, z);
  // (1 − e^{εL})/ε, with its limit −L at ε = 0.
  const head = epsilon === 0 ? -lnOneMinusZ : -Math.expm1(epsilon * lnOneMinusZ) / epsilon;
  return c * (head - excess * Math.exp(epsilon * lnOneMinusZ)) * alive;
}
