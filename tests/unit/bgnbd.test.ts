import { beforeAll, describe, expect, it } from 'vitest';
import { hyp2f1, lnBeta, lnGamma, logAddExp } from '../../shared/math/special';
import {
  type BgnbdFit,
  type BgnbdParams,
  bgnbdLogLikelihood,
  expectedEvents,
  fitBgnbd,
  pAlive,
  type RepeatHistory,
} from '../../shared/members/bgnbd';
import { SeededRandom } from '../../shared/random';
import { simulateHistories, simulateHistory } from '../support/bgnbd-sim';

/** The CDNOW estimates of Fader, Hardie & Lee (2005). */
const published: BgnbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const truth: BgnbdParams = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };

/** Equation 6 of the paper assembled term by term, independently of the fitted code path. */
function literalLogLikelihood({ r, alpha, a, b }: BgnbdParams, { x, tx, T }: RepeatHistory): number {
  const common = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
  const first = lnBeta(a, b + x) - lnBeta(a, b) - (r + x) * Math.log(alpha + T);
  const second = x > 0 ? lnBeta(a + 1, b + x - 1) - lnBeta(a, b) - (r + x) * Math.log(alpha + tx) : -Infinity;
  return common + logAddExp(first, second);
}

/** Equation 10 of the paper exactly as printed, with the untransformed ₂F₁. */
function literalExpectedEvents({ r, alpha, a, b }: BgnbdParams, t: number, { x, tx, T }: RepeatHistory): number {
  const z = t / (alpha + T + t);
  const bracket = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  const odds = x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0;
  return (((a + b + x - 1) / (a - 1)) * bracket) / (1 + odds);
}

const perturbations = (params: BgnbdParams, by: number): BgnbdParams[] =>
  (['r', 'alpha', 'a', 'b'] as const).flatMap((key) => [
    { ...params, [key]: params[key] * (1 + by) },
    { ...params, [key]: params[key] * (1 - by) },
  ]);

describe('bgnbdLogLikelihood', () => {
  it('is r·ln(α/(α+T)) for a member without repeats, whatever tx says', () => {
    const expected = 0.243 * Math.log(4.414 / (4.414 + 38.86));
    expect(bgnbdLogLikelihood(published, [{ x: 0, tx: 0, T: 38.86 }])).toBeCloseTo(expected, 13);
    expect(bgnbdLogLikelihood(published, [{ x: 0, tx: 17, T: 38.86 }])).toBeCloseTo(expected, 13);
  });

  it('matches the hand-expanded x = 1 case: r·α^r·[b/(a+b)·(α+T)^−(r+1) + a/(a+b)·(α+tx)^−(r+1)]', () => {
    const { r, alpha, a, b } = published;
    const [tx, T] = [1.71, 38.86];
    const hand = r * alpha ** r * ((b / (a + b)) * (alpha + T) ** -(r + 1) + (a / (a + b)) * (alpha + tx) ** -(r + 1));
    expect(bgnbdLogLikelihood(published, [{ x: 1, tx, T }])).toBeCloseTo(Math.log(hand), 12);
  });

  it('matches equation 6 for several histories, summed over rows with duplicates weighted', () => {
    const rows: RepeatHistory[] = [
      { x: 2, tx: 30.43, T: 38.86 },
      { x: 7, tx: 29.43, T: 38.86 },
      { x: 1, tx: 0, T: 35 },
      { x: 2, tx: 30.43, T: 38.86 },
      { x: 40, tx: 31, T: 32 },
    ];
    const expected = rows.reduce((sum, row) => sum + literalLogLikelihood(published, row), 0);
    expect(bgnbdLogLikelihood(published, rows)).toBeCloseTo(expected, 9);
  });

  it('agrees between its fast path and its log-sum-exp path for very large x', () => {
    // One x = 400 block spanning T from 1 to 2000 is too wide to scale into one exponent range,
    // so it takes the log-sum-exp path; each row alone fits and takes the fast path.
    const rows: RepeatHistory[] = [1, 10, 100, 500, 2000].map((T) => ({ x: 400, tx: T - 0.5, T }));
    const alone = rows.reduce((sum, row) => sum + bgnbdLogLikelihood(published, [row]), 0);
    const together = bgnbdLogLikelihood(published, rows);
    expect(Number.isFinite(together)).toBe(true);
    expect(together).toBeCloseTo(alone, 6);
    expect(together).toBeCloseTo(
      rows.reduce((sum, row) => sum + literalLogLikelihood(published, row), 0),
      6,
    );
  });

  it('is −Infinity outside the parameter space and rejects impossible histories', () => {
    const row = [{ x: 1, tx: 2, T: 3 }];
    expect(bgnbdLogLikelihood({ ...published, r: 0 }, row)).toBe(-Infinity);
    expect(bgnbdLogLikelihood({ ...published, b: Number.NaN }, row)).toBe(-Infinity);
    expect(bgnbdLogLikelihood({ ...published, alpha: Infinity }, row)).toBe(-Infinity);
    expect(() => bgnbdLogLikelihood(published, [{ x: 1.5, tx: 1, T: 2 }])).toThrow(/whole number/);
    expect(() => bgnbdLogLikelihood(published, [{ x: 2, tx: 3, T: 2 }])).toThrow(/tx must lie/);
    expect(() => bgnbdLogLikelihood(published, [{ x: 0, tx: 0, T: Number.NaN }])).toThrow(/T must be/);
  });
});

describe('pAlive', () => {
  it('is exactly 1 without repeat events', () => {
    expect(pAlive(published, { x: 0, tx: 0, T: 38.86 })).toBe(1);
    expect(pAlive(published, { x: 0, tx: 0, T: 1e6 })).toBe(1);
  });

  it('matches 1/(1 + a/(b+x−1)·((α+T)/(α+tx))^(r+x))', () => {
    const { r, alpha, a, b } = published;
    const hand = 1 / (1 + (a / (b + 1)) * ((alpha + 38.86) / (alpha + 30.43)) ** (r + 2));
    expect(pAlive(published, { x: 2, tx: 30.43, T: 38.86 })).toBeCloseTo(hand, 14);
    // Seen on the last day: only the chance of dropping out right after that event remains.
    expect(pAlive(published, { x: 3, tx: 20, T: 20 })).toBeCloseTo(1 / (1 + a / (b + 2)), 14);
  });

  it('falls as silence grows and stays a probability for extreme histories', () => {
    const quiet = [31, 40, 60, 100].map((T) => pAlive(published, { x: 5, tx: 30, T }));
    for (let i = 1; i < quiet.length; i += 1) expect(quiet[i]).toBeLessThan(quiet[i - 1] ?? 0);
    const gone = pAlive(published, { x: 5000, tx: 1, T: 1000 });
    expect(gone).toBeGreaterThanOrEqual(0);
    expect(gone).toBeLessThan(1e-100);
  });
});

describe('expectedEvents', () => {
  const cases: [BgnbdParams, number, RepeatHistory][] = [
    [published, 39, { x: 2, tx: 30.43, T: 38.86 }],
    [published, 39, { x: 0, tx: 0, T: 38.86 }],
    [published, 1, { x: 15, tx: 36, T: 38 }],
    [{ ...published, a: 1.7 }, 52, { x: 7, tx: 20, T: 30 }],
    [{ r: 2, alpha: 10, a: 3, b: 0.5 }, 200, { x: 1, tx: 3, T: 5 }],
  ];

  it('matches equation 10 as printed, for a < 1 and a > 1', () => {
    for (const [params, t, row] of cases) {
      const expected = literalExpectedEvents(params, t, row);
      expect(Math.abs(expectedEvents(params, t, row) - expected) / expected).toBeLessThan(1e-10);
    }
  });

  it('is continuous through a = 1, where the printed form is 0/0', () => {
    const row = { x: 1, tx: 5, T: 30 };
    const at = expectedEvents({ ...published, a: 1 }, 10, row);
    const below = expectedEvents({ ...published, a: 1 - 1e-7 }, 10, row);
    const above = expectedEvents({ ...published, a: 1 + 1e-7 }, 10, row);
    expect(Number.isFinite(at)).toBe(true);
    expect(Math.abs(at - below)).toBeLessThan(1e-7);
    expect(Math.abs(at - above)).toBeLessThan(1e-7);
  });

  it('is 0 at t = 0, grows with t, and stays finite for very active members', () => {
    const row = { x: 2, tx: 30.43, T: 38.86 };
    expect(expectedEvents(published, 0, row)).toBe(0);
    const growing = [1, 10, 52, 520].map((t) => expectedEvents(published, t, row));
    for (let i = 1; i < growing.length; i += 1) expect(growing[i]).toBeGreaterThan(growing[i - 1] ?? 0);
    const busy = expectedEvents(published, 52, { x: 300, tx: 51.9, T: 52 });
    expect(busy).toBeGreaterThan(100);
    expect(busy).toBeLessThan(600);
    expect(() => expectedEvents(published, -1, row)).toThrow(RangeError);
  });

  it('gives a new member the mean repeat count of simulated new members', () => {
    const random = new SeededRandom(314);
    const t = 39;
    const members = 100_000;
    let total = 0;
    for (let i = 0; i < members; i += 1) total += simulateHistory(random, truth, t).x;
    const predicted = expectedEvents(truth, t, { x: 0, tx: 0, T: 0 });
    expect(Math.abs(total / members - predicted) / predicted).toBeLessThan(0.03);
  });
});

describe('fitBgnbd', () => {
  let simulated: RepeatHistory[];
  let fit: BgnbdFit;
  beforeAll(() => {
    simulated = simulateHistories(new SeededRandom(5), truth, 20_000, (r) => 30 + 10 * r.next());
    fit = fitBgnbd(simulated);
  });

  it('recovers the parameters of simulated members', () => {
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(20_000);
    expect(Math.abs(fit.params.r / truth.r - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.params.alpha / truth.alpha - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.params.a / truth.a - 1)).toBeLessThan(0.2);
    expect(Math.abs(fit.params.b / truth.b - 1)).toBeLessThan(0.2);
  });

  it('reaches a maximum: at least the true parameters’ likelihood and any nearby point’s', () => {
    expect(fit.logLik).toBeCloseTo(bgnbdLogLikelihood(fit.params, simulated), 6);
    expect(fit.logLik).toBeGreaterThanOrEqual(bgnbdLogLikelihood(truth, simulated));
    for (const nearby of perturbations(fit.params, 0.01)) {
      expect(fit.logLik).toBeGreaterThan(bgnbdLogLikelihood(nearby, simulated));
    }
  });

  it('reaches the full-data maximum when the first search runs on a sample (many distinct histories)', () => {
    // Continuous T: every history distinct, above the 40,000 where sampling starts.
    const many = simulateHistories(new SeededRandom(8), truth, 42_000, (r) => 30 + 10 * r.next());
    const big = fitBgnbd(many);
    expect(big.converged).toBe(true);
    for (const nearby of perturbations(big.params, 0.002)) {
      expect(big.logLik).toBeGreaterThan(bgnbdLogLikelihood(nearby, many));
    }
  });

  it('does not depend on the time unit or the order of rows', () => {
    // Whole days, as real event days are; then the same histories in weeks.
    const days = simulateHistories(new SeededRandom(21), truth, 3000, (r) => r.int(210, 280)).map((h) => ({
      x: h.x,
      tx: h.x === 0 ? 0 : Math.min(h.T, Math.ceil(h.tx)),
      T: h.T,
    }));
    const weeks = days.map((h) => ({ x: h.x, tx: h.tx / 7, T: h.T / 7 }));
    const inDays = fitBgnbd(days);
    const inWeeks = fitBgnbd(weeks);
    const reversed = fitBgnbd([...weeks].reverse());
    expect(inDays.params.r / inWeeks.params.r).toBeCloseTo(1, 3);
    expect(inDays.params.alpha / inWeeks.params.alpha).toBeCloseTo(7, 2);
    expect(inDays.params.a / inWeeks.params.a).toBeCloseTo(1, 3);
    expect(inDays.params.b / inWeeks.params.b).toBeCloseTo(1, 3);
    // λ^x changes by 7^−x when the unit shrinks sevenfold.
    const totalX = days.reduce((sum, h) => sum + h.x, 0);
    expect(inDays.logLik).toBeCloseTo(inWeeks.logLik - totalX * Math.log(7), 3);
    expect(reversed.params.r).toBeCloseTo(inWeeks.params.r, 5);
    expect(reversed.logLik).toBeCloseTo(inWeeks.logLik, 6);
  });

  it('is deterministic', () => {
    const sample = simulated.slice(0, 2000);
    expect(fitBgnbd(sample)).toEqual(fitBgnbd(sample));
  });

  it('never returns NaN for degenerate data', () => {
    const degenerate: RepeatHistory[][] = [
      [
        { x: 0, tx: 0, T: 10 },
        { x: 0, tx: 0, T: 20 },
      ],
      [{ x: 2, tx: 5, T: 10 }],
      [{ x: 0, tx: 0, T: 0 }],
    ];
    for (const rows of degenerate) {
      const result = fitBgnbd(rows);
      for (const value of [...Object.values(result.params), result.logLik]) expect(Number.isFinite(value)).toBe(true);
      for (const row of rows) {
        expect(Number.isNaN(pAlive(result.params, row))).toBe(false);
        expect(Number.isFinite(expectedEvents(result.params, 10, row))).toBe(true);
      }
    }
    // Repeats all on day 0 make the likelihood unbounded as α → 0 (distinct event days rule this
    // out in real data); the fit still stops at a finite edge.
    const sameDay = fitBgnbd([
      { x: 3, tx: 0, T: 0 },
      { x: 0, tx: 0, T: 0 },
    ]);
    for (const value of [...Object.values(sameDay.params), sameDay.logLik]) expect(Number.isFinite(value)).toBe(true);
    // Nobody repeats: the best the model can do is say so with certainty.
    expect(fitBgnbd(degenerate[0] ?? []).logLik).toBeCloseTo(0, 6);
    expect(() => fitBgnbd([])).toThrow(RangeError);
  });
});

describe('expectedEvents when drop-out barely varies (a, b in the thousands)', () => {
  const row = { x: 2, tx: 30.4, T: 38.9 };
  it('is continuous where it switches to the printed form', () => {
    const below = expectedEvents({ r: 0.3, alpha: 2, a: 49.999, b: 120 }, 52, row);
    const above = expectedEvents({ r: 0.3, alpha: 2, a: 50.001, b: 120 }, 52, row);
    expect(Number.isFinite(below)).toBe(true);
    expect(Math.abs(above - below) / below).toBeLessThan(1e-4);
  });
  it('stays finite and tends to the fixed-p limit', () => {
    const values = [2e3, 2e4].map((scale) => expectedEvents({ r: 0.28, alpha: 1.07, a: 0.4 * scale, b: 0.6 * scale }, 52, row));
    for (const v of values) expect(Number.isFinite(v) && v > 0).toBe(true);
    expect(Math.abs((values[0] ?? 0) - (values[1] ?? 0)) / (values[1] ?? 1)).toBeLessThan(0.01);
  });
});
