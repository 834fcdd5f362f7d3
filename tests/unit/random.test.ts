import { describe, expect, it } from 'vitest';
import { mix32, searchCumulative, SeededRandom, seedState, weighted } from '../../shared/random';

const draw = (seed: number, n: number): number[] => {
  const random = new SeededRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draw(42, 1000)).toEqual(draw(42, 1000));
    expect(draw(42, 1000)).not.toEqual(draw(43, 1000));
  });

  it('is pinned: these numbers must never change, or every generated demo workspace changes too', () => {
    const random = new SeededRandom(2026);
    expect([random.uint32(), random.uint32(), random.uint32()]).toEqual([3416299591, 4260646903, 2152107882]);
  });

  it('keeps seeds apart that differ only above 32 bits, and rejects non-finite seeds', () => {
    expect(seedState(7)).not.toBe(seedState(7 + 2 ** 32));
    expect(seedState(-1)).not.toBe(seedState(2 ** 32 - 1));
    expect(() => new SeededRandom(Number.NaN)).toThrow(RangeError);
  });

  it('stays in range and is roughly uniform', () => {
    const random = new SeededRandom(9);
    const buckets = new Array<number>(10).fill(0);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i += 1) {
      const x = random.next();
      min = Math.min(min, x);
      max = Math.max(max, x);
      const b = Math.floor(x * 10);
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('draws integers within inclusive bounds, hitting both ends', () => {
    const random = new SeededRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) seen.add(random.int(1, 6));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('has the documented means for Pareto and Poisson draws', () => {
    const random = new SeededRandom(5);
    const n = 200_000;
    let pareto = 0;
    let poissonSmall = 0;
    let poissonLarge = 0;
    for (let i = 0; i < n; i += 1) {
      pareto += Math.min(random.pareto(3, 1), 1e6);
      poissonSmall += random.poisson(2.5);
      poissonLarge += random.poisson(80);
    }
    expect(pareto / n).toBeCloseTo(1.5, 1); // alpha·scale/(alpha−1) = 3/2
    expect(poissonSmall / n).toBeCloseTo(2.5, 1);
    expect(poissonLarge / n).toBeCloseTo(80, 0);
    expect(random.poisson(0)).toBe(0);
  });

  it('picks from a list and refuses an empty one', () => {
    const random = new SeededRandom(11);
    const drinks = ['拿铁', '美式', '澳白'];
    for (let i = 0; i < 100; i += 1) expect(drinks).toContain(random.pick(drinks));
    expect(() => random.pick([])).toThrow(RangeError);
  });
});

describe('weighted', () => {
  it('draws in proportion to the weights and never draws a zero weight', () => {
    const drink = weighted([
      ['拿铁', 5],
      ['美式', 3],
      ['手冲', 2],
      ['茶', 0],
    ]);
    const random = new SeededRandom(21);
    const counts = new Map<string, number>();
    for (let i = 0; i < 100_000; i += 1) {
      const d = drink.pick(random);
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    expect((counts.get('拿铁') ?? 0) / 100_000).toBeCloseTo(0.5, 1);
    expect((counts.get('美式') ?? 0) / 100_000).toBeCloseTo(0.3, 1);
    expect((counts.get('手冲') ?? 0) / 100_000).toBeCloseTo(0.2, 1);
    expect(counts.has('茶')).toBe(false);
  });

  it('refuses empty lists and bad weights', () => {
    expect(() => weighted([])).toThrow(RangeError);
    expect(() => weighted([['a', -1]])).toThrow(RangeError);
    expect(() => weighted([['a', 0]])).toThrow(RangeError);
    expect(() => weighted([['a', Number.NaN]])).toThrow(RangeError);
  });
});

describe('mix32', () => {
  it('is a bijection on 32-bit integers: no collisions over a large range', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i += 1) seen.add(mix32(i + 12345));
    expect(seen.size).toBe(200_000);
    for (const h of [mix32(1), mix32(0xffffffff), mix32(-1)]) {
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(2 ** 32);
    }
    expect(mix32(-1)).toBe(mix32(0xffffffff));
  });
});

describe('searchCumulative', () => {
  it('finds the first entry above the target', () => {
    const cumulative = new Float64Array([1, 3, 6]);
    expect(searchCumulative(cumulative, 0)).toBe(0);
    expect(searchCumulative(cumulative, 0.99)).toBe(0);
    expect(searchCumulative(cumulative, 1)).toBe(1);
    expect(searchCumulative(cumulative, 2.5)).toBe(1);
    expect(searchCumulative(cumulative, 5.99)).toBe(2);
    expect(searchCumulative(cumulative, 100)).toBe(2);
  });
});
