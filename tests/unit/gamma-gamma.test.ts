import { beforeAll, describe, expect, it } from 'vitest';
import { expectedEvents, pAlive } from '../../shared/members/bgnbd';
import { clv, memberValue } from '../../shared/members/clv';
import {
  expectedSpend,
  fitGammaGamma,
  type GammaGammaFit,
  type GammaGammaParams,
  gammaGammaLogLikelihood,
  type SpendHistory,
} from '../../shared/members/gamma-gamma';
import { SeededRandom } from '../../shared/random';
import { simulateHistories, simulateSpend } from '../support/bgnbd-sim';

const truth: GammaGammaParams = { p: 6, q: 4, gamma: 15 };

describe('gammaGammaLogLikelihood', () => {
  it('matches the hand-computed density for one member: Γ(10)/(Γ(6)Γ(4)) · 15⁴ · 30⁵ / 45¹⁰', () => {
    // Γ(10)/(Γ(6)Γ(4)) = 362880 / (120 · 6) = 504; x = 1 so the x^(px) factor is 1.
    const hand = Math.log(504) + 4 * Math.log(15) + 5 * Math.log(30) - 10 * Math.log(45);
    expect(gammaGammaLogLikelihood(truth, [{ x: 1, mx: 30 }])).toBeCloseTo(hand, 12);
  });

  it('is a proper density in the mean spend: it integrates to 1', () => {
    // ∫ f(m) dm with m = e^u, trapezoid on a fine grid wide enough for both tails.
    const step = 0.002;
    let total = 0;
    for (let u = -10; u <= 12; u += step) {
      total += Math.exp(gammaGammaLogLikelihood(truth, [{ x: 3, mx: Math.exp(u) }]) + u) * step;
    }
    expect(total).toBeCloseTo(1, 6);
  });

  it('sums over members and skips those without repeat spend', () => {
    const rows: SpendHistory[] = [
      { x: 1, mx: 30 },
      { x: 4, mx: 12.5 },
      { x: 4, mx: 12.5 },
    ];
    const single = (row: SpendHistory): number => gammaGammaLogLikelihood(truth, [row]);
    const sum = rows.reduce((total, row) => total + single(row), 0);
    expect(gammaGammaLogLikelihood(truth, rows)).toBeCloseTo(sum, 10);
    const withIgnored = [...rows, { x: 0, mx: 0 }, { x: 3, mx: 0 }, { x: 2, mx: -5 }];
    expect(gammaGammaLogLikelihood(truth, withIgnored)).toBeCloseTo(sum, 10);
    expect(gammaGammaLogLikelihood({ ...truth, q: 0 }, rows)).toBe(-Infinity);
  });
});

describe('fitGammaGamma', () => {
  let spend: SpendHistory[];
  let fit: GammaGammaFit;
  beforeAll(() => {
    const random = new SeededRandom(5);
    const counts = simulateHistories(random, { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, 20_000, (r) => 30 + 10 * r.next());
    spend = simulateSpend(
      random,
      truth,
      counts.map((h) => h.x),
    );
    fit = fitGammaGamma([...spend, { x: 0, mx: 0 }]);
  });

  it('recovers the parameters of simulated spend, ignoring members without repeats', () => {
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(spend.length);
    expect(Math.abs(fit.params.p / truth.p - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.params.q / truth.q - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.params.gamma / truth.gamma - 1)).toBeLessThan(0.15);
  });

  it('reaches a maximum: at least the true parameters’ likelihood and any nearby point’s', () => {
    expect(fit.logLik).toBeCloseTo(gammaGammaLogLikelihood(fit.params, spend), 6);
    expect(fit.logLik).toBeGreaterThanOrEqual(gammaGammaLogLikelihood(truth, spend));
    for (const key of ['p', 'q', 'gamma'] as const) {
      for (const factor of [0.99, 1.01]) {
        const nearby = { ...fit.params, [key]: fit.params[key] * factor };
        expect(fit.logLik).toBeGreaterThan(gammaGammaLogLikelihood(nearby, spend));
      }
    }
  });

  it('never returns NaN for degenerate data', () => {
    const none = fitGammaGamma([{ x: 0, mx: 0 }]);
    expect(none.n).toBe(0);
    expect(none.converged).toBe(false);
    const single = fitGammaGamma([{ x: 2, mx: 25 }]);
    const same = fitGammaGamma([
      { x: 1, mx: 10 },
      { x: 1, mx: 10 },
    ]);
    for (const result of [none, single, same]) {
      for (const value of [...Object.values(result.params), result.logLik]) expect(Number.isFinite(value)).toBe(true);
    }
  });
});

describe('expectedSpend', () => {
  it('is the population mean pγ/(q−1) for members without repeats', () => {
    expect(expectedSpend(truth, { x: 0, mx: 0 })).toBeCloseTo(30, 12);
  });

  it('weights the member’s own mean by px/(px+q−1) against the population mean', () => {
    // x = 2: weight 12/15 = 0.8, so 0.8 · 50 + 0.2 · 30 = 46.
    expect(expectedSpend(truth, { x: 2, mx: 50 })).toBeCloseTo(46, 12);
    expect(expectedSpend(truth, { x: 10_000, mx: 50 })).toBeCloseTo(50, 1);
  });

  it('refuses a mean that does not exist and impossible members', () => {
    expect(() => expectedSpend({ p: 6, q: 0.8, gamma: 15 }, { x: 0, mx: 0 })).toThrow(/infinite/);
    expect(expectedSpend({ p: 6, q: 0.8, gamma: 15 }, { x: 1, mx: 20 })).toBeCloseTo((35 * 6) / 5.8, 12);
    expect(() => expectedSpend(truth, { x: -1, mx: 20 })).toThrow(RangeError);
    expect(() => expectedSpend(truth, { x: 2, mx: Number.NaN })).toThrow(RangeError);
    expect(() => expectedSpend({ ...truth, gamma: 0 }, { x: 2, mx: 20 })).toThrow(RangeError);
  });
});

describe('clv', () => {
  it('multiplies expected events by expected spend, without discounting', () => {
    expect(clv(1.5, 40)).toBe(60);
    expect(clv(0, 40)).toBe(0);
    expect(() => clv(-1, 40)).toThrow(RangeError);
    expect(() => clv(1, Number.NaN)).toThrow(RangeError);
    expect(() => clv(Infinity, 1)).toThrow(RangeError);
  });

  it('puts a member’s outlook together from both models', () => {
    const events = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const member = { x: 2, tx: 30.43, T: 38.86, mx: 50 };
    const value = memberValue(events, truth, 39, member);
    expect(value.pAlive).toBe(pAlive(events, member));
    expect(value.expectedEvents).toBe(expectedEvents(events, 39, member));
    expect(value.expectedSpend).toBeCloseTo(46, 12);
    expect(value.clv).toBeCloseTo(value.expectedEvents * 46, 10);
  });
});
