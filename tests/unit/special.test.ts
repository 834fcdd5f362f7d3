import { describe, expect, it } from 'vitest';
import { hyp2f1, hyp2f1ExcessOverB, lnBeta, lnGamma, lnPochhammer, logAddExp } from '../../shared/math/special';

const relativeError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('lnGamma', () => {
  it('matches known values to 1e-13 relative', () => {
    const known: [number, number][] = [
      [5, Math.log(24)],
      [10, Math.log(362880)],
      [0.5, 0.5 * Math.log(Math.PI)],
      [3.5, Math.log((15 * Math.sqrt(Math.PI)) / 8)],
      [1 / 3, Math.log(2.678938534707747633)], // Γ(1/3)
      [0.25, Math.log(3.625609908221908311)], // Γ(1/4)
      [100, 359.13420536957539878], // ln 99!
    ];
    for (const [x, expected] of known) expect(relativeError(lnGamma(x), expected)).toBeLessThan(1e-13);
  });

  it('is zero at 1 and 2 to within 1e-15', () => {
    expect(Math.abs(lnGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(lnGamma(2))).toBeLessThan(1e-15);
  });

  it('follows ln Γ(x+1) − ln Γ(x) = ln x, across the reflection point ½', () => {
    for (const x of [1e-8, 0.1, 0.49, 0.5, 0.51, 2.7, 13.3, 1234.5]) {
      expect(lnGamma(x + 1) - lnGamma(x)).toBeCloseTo(Math.log(x), 9);
    }
  });

  it('agrees with the Maclaurin series near 0 and Stirling’s series for large x', () => {
    const eulerGamma = 0.5772156649015329;
    const x = 1e-5;
    const near0 = -Math.log(x) - eulerGamma * x + (Math.PI ** 2 / 12) * x * x;
    expect(relativeError(lnGamma(x), near0)).toBeLessThan(1e-13);
    const big = 1e6;
    const stirling = (big - 0.5) * Math.log(big) - big + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * big);
    expect(relativeError(lnGamma(big), stirling)).toBeLessThan(1e-14);
  });

  it('rejects x ≤ 0 and non-finite x', () => {
    expect(() => lnGamma(0)).toThrow(RangeError);
    expect(() => lnGamma(-1.5)).toThrow(RangeError);
    expect(() => lnGamma(Number.NaN)).toThrow(RangeError);
    expect(() => lnGamma(Infinity)).toThrow(RangeError);
  });
});

describe('lnBeta and lnPochhammer', () => {
  it('gives B(2, 3) = 1/12 and B(½, ½) = π', () => {
    expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(lnBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
  });

  it('gives rising factorials, exactly 0 for n = 0, and agrees across its two methods', () => {
    expect(lnPochhammer(3, 2)).toBeCloseTo(Math.log(12), 14);
    expect(lnPochhammer(0.25, 4)).toBeCloseTo(Math.log(0.25 * 1.25 * 2.25 * 3.25), 14);
    expect(lnPochhammer(1e-300, 0)).toBe(0);
    // 32 factors are summed as logs, 33 go through ln Γ: the two must agree.
    expect(lnPochhammer(2.5, 32) + Math.log(34.5)).toBeCloseTo(lnPochhammer(2.5, 33), 11);
    expect(lnPochhammer(0.7, 3.5)).toBeCloseTo(lnGamma(4.2) - lnGamma(0.7), 14);
  });

  it('keeps precision for a huge base, where a difference of log-gammas would cancel', () => {
    const s = 1e15;
    expect(relativeError(lnPochhammer(s, 2), Math.log(s) + Math.log(s + 1))).toBeLessThan(1e-15);
  });
});

describe('logAddExp', () => {
  it('adds in log space without overflow or underflow', () => {
    expect(logAddExp(0, 0)).toBeCloseTo(Math.LN2, 15);
    expect(logAddExp(-1000, -1000)).toBeCloseTo(-1000 + Math.LN2, 12);
    expect(logAddExp(800, 800)).toBeCloseTo(800 + Math.LN2, 12);
    expect(logAddExp(Math.log(3), Math.log(5))).toBeCloseTo(Math.log(8), 15);
    expect(logAddExp(-Infinity, 2)).toBe(2);
    expect(logAddExp(-Infinity, -Infinity)).toBe(-Infinity);
  });
});

describe('hyp2f1', () => {
  it('matches 2F1(1, 1; 2; z) = −ln(1 − z)/z, also close to z = 1', () => {
    for (const z of [1e-6, 0.1, 0.5, 0.9, 0.99, 0.999]) {
      expect(relativeError(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-12);
    }
  });

  it('matches other closed forms, including negative z', () => {
    // 2F1(a, b; b; z) = (1 − z)^−a
    expect(relativeError(hyp2f1(2.5, 0.7, 0.7, 0.6), Math.pow(0.4, -2.5))).toBeLessThan(1e-12);
    // 2F1(½, ½; 3/2; z²) = arcsin(z)/z
    expect(relativeError(hyp2f1(0.5, 0.5, 1.5, 0.81), Math.asin(0.9) / 0.9)).toBeLessThan(1e-12);
    // 2F1(½, 1; 3/2; −z²) = arctan(z)/z
    expect(relativeError(hyp2f1(0.5, 1, 1.5, -0.81), Math.atan(0.9) / 0.9)).toBeLessThan(1e-12);
  });

  it('terminates when a is a non-positive integer', () => {
    const [b, c, z] = [1.5, 2.5, 0.3];
    const polynomial = 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1));
    expect(hyp2f1(-2, b, c, z)).toBeCloseTo(polynomial, 15);
  });

  it('rejects |z| ≥ 1 and c a non-positive integer', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, -1.5)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 0, 0.5)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -3, 0.5)).toThrow(RangeError);
  });
});

describe('hyp2f1ExcessOverB', () => {
  it('equals (2F1 − 1)/b away from b = 0', () => {
    for (const [a, b, c, z] of [
      [1, 0.5, 2, 0.5],
      [0.3, -0.2, 4.1, 0.8],
      [2.2, 1.7, 1.1, 0.95],
    ] as const) {
      expect(relativeError(hyp2f1ExcessOverB(a, b, c, z), (hyp2f1(a, b, c, z) - 1) / b)).toBeLessThan(1e-12);
    }
  });

  it('has the right limit at b = 0: Σ zⁿ/(n(n+1)) = 1 + (1 − z) ln(1 − z)/z for a = 1, c = 2', () => {
    for (const z of [0.2, 0.5, 0.9]) {
      expect(hyp2f1ExcessOverB(1, 0, 2, z)).toBeCloseTo(1 + ((1 - z) * Math.log1p(-z)) / z, 14);
    }
    expect(hyp2f1ExcessOverB(1, 1e-9, 2, 0.5)).toBeCloseTo(hyp2f1ExcessOverB(1, 0, 2, 0.5), 8);
  });
});
