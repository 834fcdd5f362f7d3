import { describe, expect, it } from 'vitest';
import { minimize } from '../../shared/math/nelder-mead';

const rosenbrock = ([x = 0, y = 0]: readonly number[]): number => (1 - x) ** 2 + 100 * (y - x * x) ** 2;

describe('minimize (Nelder–Mead)', () => {
  it('finds the minimum of a scaled quadratic bowl', () => {
    const result = minimize(
      ([a = 0, b = 0, c = 0]) => (a - 1) ** 2 + 10 * (b + 2) ** 2 + 0.1 * (c - 3) ** 2,
      [0, 0, 0],
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(-2, 6);
    expect(result.x[2]).toBeCloseTo(3, 5);
    expect(result.value).toBeLessThan(1e-10);
  });

  it('follows the Rosenbrock valley to (1, 1) from the classic start', () => {
    const result = minimize(rosenbrock, [-1.2, 1], { tolerance: 1e-14, xTolerance: 1e-10 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('is deterministic: the same start takes the same path', () => {
    const first = minimize(rosenbrock, [-1.2, 1]);
    const second = minimize(rosenbrock, [-1.2, 1]);
    expect(second).toEqual(first);
  });

  it('treats NaN as +Infinity, so an objective can fence off its domain', () => {
    // ln-barrier objective undefined for x ≤ 0; the minimum of x − ln x is at x = 1.
    const result = minimize(([x = 0]) => (x > 0 ? x - Math.log(x) : Number.NaN), [5], { initialStep: 4 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
  });

  it('stops at the iteration cap and says it did not converge', () => {
    const result = minimize(rosenbrock, [-1.2, 1], { maxIterations: 5 });
    expect(result.iterations).toBe(5);
    expect(result.converged).toBe(false);
    expect(result.value).toBeLessThan(rosenbrock([-1.2, 1]));
  });

  it('uses per-coordinate initial steps and rejects unusable input', () => {
    const result = minimize(([a = 0, b = 0]) => (a - 1000) ** 2 + (b - 0.001) ** 2, [900, 0], {
      initialStep: [50, 0.01],
    });
    expect(result.x[0]).toBeCloseTo(1000, 4);
    expect(result.x[1]).toBeCloseTo(0.001, 6);
    expect(() => minimize(() => 0, [])).toThrow(RangeError);
    expect(() => minimize(() => 0, [Number.NaN])).toThrow(RangeError);
    expect(() => minimize(() => 0, [1, 2], { initialStep: [1] })).toThrow(RangeError);
  });
});
