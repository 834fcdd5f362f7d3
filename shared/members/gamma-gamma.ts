/**
 * The Gamma-Gamma model of spend per event (Fader, Hardie & Lee 2005, "RFM and CLV"; as in the
 * BTYD R package and Python lifetimes): each event's value ~ Gamma(p, ν), and members differ in
 * ν ~ Gamma(q, γ). It shrinks a member's observed mean spend toward the population mean, more so
 * the fewer events it rests on. It assumes spend is independent of how often a member comes.
 */

import { minimize } from '../math/nelder-mead';
import { lnGamma } from '../math/special';

/** A member with x > 0 repeat events and their mean spend per repeat event mx. */
export interface SpendHistory {
  x: number;
  mx: number;
}

/** Event value ~ Gamma(shape p, rate ν); ν ~ Gamma(shape q, rate γ). */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  /** The summed log-likelihood at `params`. */
  logLik: number;
  /** Rows fitted: those with x > 0 and mx > 0. */
  n: number;
  converged: boolean;
}

/** Usable rows collapsed to unique (x, mx) with weights, plus the sums that do not involve the parameters' logs. */
interface CollapsedSpend {
  n: number;
  /** Distinct x with their total weights. */
  xs: Float64Array;
  xWeight: Float64Array;
  /** Unique rows: x and x·mx, weight. */
  rowX: Float64Array;
  rowSpend: Float64Array;
  rowWeight: Float64Array;
  /** Σ w·x·ln mx, Σ w·ln mx, Σ w·x·ln x. */
  sumXLnM: number;
  sumLnM: number;
  sumXLnX: number;
  sumMx: number;
}

const usable = (row: SpendHistory): boolean =>
  row.x > 0 && row.mx > 0 && Number.isFinite(row.x) && Number.isFinite(row.mx);

function collapse(rows: readonly SpendHistory[]): CollapsedSpend {
  const byX = new Map<number, Map<number, number>>();
  let n = 0;
  for (const row of rows) {
    if (!usable(row)) continue;
    n += 1;
    let spends = byX.get(row.x);
    if (spends === undefined) byX.set(row.x, (spends = new Map()));
    spends.set(row.mx, (spends.get(row.mx) ?? 0) + 1);
  }
  const xs: number[] = [];
  const xWeight: number[] = [];
  const rowX: number[] = [];
  const rowSpend: number[] = [];
  const rowWeight: number[] = [];
  let sumXLnM = 0;
  let sumLnM = 0;
  let sumXLnX = 0;
  let sumMx = 0;
  for (const [x, spends] of byX) {
    let total = 0;
    for (const [mx, w] of spends) {
      rowX.push(x);
      rowSpend.push(x * mx);
      rowWeight.push(w);
      total += w;
      sumXLnM += w * x * Math.log(mx);
      sumLnM += w * Math.log(mx);
      sumMx += w * mx;
    }
    xs.push(x);
    xWeight.push(total);
    sumXLnX += total * x * Math.log(x);
  }
  return {
    n,
    xs: Float64Array.from(xs),
    xWeight: Float64Array.from(xWeight),
    rowX: Float64Array.from(rowX),
    rowSpend: Float64Array.from(rowSpend),
    rowWeight: Float64Array.from(rowWeight),
    sumXLnM,
    sumLnM,
    sumXLnX,
    sumMx,
  };
}

/**
 * Σ over members of ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln mx + px ln x − (px+q) ln(γ + x·mx),
 * the log density of each member's mean spend with ν integrated out. −Infinity outside the model.
 */
function logLikelihoodOver(data: CollapsedSpend): (params: GammaGammaParams) => number {
  const { n, xs, xWeight, rowX, rowSpend, rowWeight } = data;
  return ({ p, q, gamma }) => {
    if (!(p > 0 && q > 0 && gamma > 0 && p < Infinity && q < Infinity && gamma < Infinity)) return -Infinity;
    if (n === 0) return 0;
    let total = n * (q * Math.log(gamma) - lnGamma(q)) + p * data.sumXLnM - data.sumLnM + p * data.sumXLnX;
    for (let i = 0; i < xs.length; i += 1) {
      const px = p * (xs[i] ?? 0);
      total += (xWeight[i] ?? 0) * (lnGamma(px + q) - lnGamma(px));
    }
    for (let u = 0; u < rowWeight.length; u += 1) {
      total -= (rowWeight[u] ?? 0) * (p * (rowX[u] ?? 0) + q) * Math.log(gamma + (rowSpend[u] ?? 0));
    }
    return total;
  };
}

/**
 * The Gamma-Gamma log-likelihood summed over members, skipping rows with x ≤ 0 or mx ≤ 0 (exactly
 * the rows {@link fitGammaGamma} ignores, so the two agree). −Infinity for parameters outside the model.
 *
 * @example
 * gammaGammaLogLikelihood({ p: 6, q: 4, gamma: 15 }, [{ x: 1, mx: 30 }])
 * // ln[Γ(10)/(Γ(6)Γ(4)) · 15⁴ · 30⁵ / 45¹⁰] = ln 504 + 4 ln 15 + 5 ln 30 − 10 ln 45 = -4.0059…
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, rows: readonly SpendHistory[]): number {
  return logLikelihoodOver(collapse(rows))(params);
}

const fromLog = ([lnP = 0, lnQ = 0, lnGammaParam = 0]: readonly number[]): GammaGammaParams => ({
  p: Math.exp(lnP),
  q: Math.exp(lnQ),
  gamma: Math.exp(lnGammaParam),
});

// As in the BG/NBD fit: beyond e^±40 a parameter has run off to the model's edge; stop there.
const LOG_PARAM_LIMIT = 40;

/**
 * Fits Gamma-Gamma by maximum likelihood: Nelder–Mead over (ln p, ln q, ln γ), restarted from its
 * own result until a restart stops improving. Rows with x ≤ 0 or mx ≤ 0 are ignored. The start,
 * p = 1, q = 2, γ = mean mx, puts the population mean pγ/(q−1) at the observed mean spend in any
 * currency. With no usable rows the parameters stay at that start, with logLik 0.
 *
 * @example
 * const fit = fitGammaGamma([{ x: 1, mx: 30 }, { x: 3, mx: 42.5 }, { x: 2, mx: 18 }]);
 * fit.params.p // > 0
 */
export function fitGammaGamma(rows: readonly SpendHistory[]): GammaGammaFit {
  const data = collapse(rows);
  const logLik = logLikelihoodOver(data);
  const objective = (theta: readonly number[]): number =>
    theta.every((v) => Math.abs(v) <= LOG_PARAM_LIMIT) ? -logLik(fromLog(theta)) : Infinity;
  const start = [0, Math.log(2), Math.log(data.n > 0 ? data.sumMx / data.n : 1)];
  if (data.n === 0) return { params: fromLog(start), logLik: 0, n: 0, converged: false };

  const options = { tolerance: 1e-11, xTolerance: 1e-6, maxIterations: 3000 };
  let best = minimize(objective, start, { ...options, initialStep: 1 });
  for (let restart = 0; restart < 3; restart += 1) {
    const again = minimize(objective, best.x, { ...options, initialStep: 0.1 });
    const improved = again.value < best.value - 1e-9 * Math.max(1, Math.abs(best.value));
    if (again.value <= best.value) best = again;
    if (!improved) break;
  }
  return { params: fromLog(best.x), logLik: -best.value, n: data.n, converged: best.converged };
}

/**
 * E[spend per event | x, mx]: (γ + mx·x)·p / (p·x + q − 1), a weighted mean of the population
 * mean pγ/(q−1) and the member's own mean mx. For x = 0 it is the population mean. Throws when the
 * mean does not exist (p·x + q ≤ 1, e.g. q ≤ 1 for a member without repeat events): the fitted
 * spend distribution then has so heavy a tail that any finite number would mislead.
 *
 * @example
 * expectedSpend({ p: 6, q: 4, gamma: 15 }, { x: 0, mx: 0 }) // 6 · 15 / 3 = 30
 * expectedSpend({ p: 6, q: 4, gamma: 15 }, { x: 2, mx: 50 }) // (15 + 100) · 6 / 15 = 46
 */
export function expectedSpend(params: GammaGammaParams, row: { x: number; mx: number }): number {
  const { p, q, gamma } = params;
  if (!(p > 0 && q > 0 && gamma > 0) || ![p, q, gamma].every(Number.isFinite))
    throw new RangeError(`Gamma-Gamma parameters must be finite and > 0, got p=${p}, q=${q}, gamma=${gamma}`);
  const { x } = row;
  if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`event count must be finite and ≥ 0, got ${x}`);
  if (x > 0 && !(row.mx >= 0 && Number.isFinite(row.mx)))
    throw new RangeError(`mean spend must be finite and ≥ 0, got ${row.mx}`);
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) throw new RangeError(`expected spend is infinite when p·x + q ≤ 1 (p=${p}, q=${q}, x=${x})`);
  return ((gamma + (x > 0 ? row.mx * x : 0)) * p) / denominator;
}
