/**
 * Small, fast, seeded randomness for reproducible data (the demo workspace, fixtures, benchmarks).
 * Not for anything secret: the point is that the same seed always gives the same sequence, on
 * every platform, so a generated workspace can be rebuilt row for row.
 */

const TWO_POW_32 = 4_294_967_296;

/**
 * A bijective 32-bit integer hash: distinct inputs (mod 2^32) give distinct outputs, and nearby
 * inputs give unrelated-looking outputs. Each step (xor-shift, odd multiply) is invertible, which
 * is what makes ids built from it unique without a lookup table.
 *
 * @example
 * mix32(1) !== mix32(2) // true, and both are in [0, 2^32)
 * mix32(0) // 0 (zero is the one fixed point; offset inputs when that matters)
 */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Folds any finite number (negative, above 2^32, fractional) into a 32-bit seed state, so that
 * seeds differing only in their high bits still give different streams.
 *
 * @example
 * seedState(42) !== seedState(42 + 2 ** 32) // true
 */
export function seedState(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const whole = Math.trunc(seed);
  const low = whole >>> 0;
  const high = Math.floor(whole / TWO_POW_32) >>> 0;
  const fraction = Math.round((seed - whole) * TWO_POW_32) >>> 0;
  return mix32(low ^ mix32(high + 0x9e3779b9) ^ mix32(fraction + 0x85ebca6b));
}

/**
 * A seeded pseudo-random stream (the mulberry32 construction: a Weyl sequence through an
 * avalanche mix). Period 2^32, good enough statistics for synthetic data, about one nanosecond
 * per number.
 *
 * @example
 * const a = new SeededRandom(7);
 * const b = new SeededRandom(7);
 * a.next() === b.next() // true: same seed, same sequence
 * a.int(1, 6) // a die roll, 1..6 inclusive
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seedState(seed);
  }

  /**
   * The next number in [0, 1).
   *
   * @example
   * new SeededRandom(1).next() < 1 // true
   */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  }

  /**
   * The next unsigned 32-bit integer.
   *
   * @example
   * new SeededRandom(1).uint32() <= 0xffffffff // true
   */
  uint32(): number {
    return Math.floor(this.next() * TWO_POW_32);
  }

  /**
   * An integer in [min, max], both inclusive.
   *
   * @example
   * new SeededRandom(3).int(1, 6) // one of 1, 2, 3, 4, 5, 6
   */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /**
   * True with probability `p`.
   *
   * @example
   * new SeededRandom(3).chance(0.3) // true about 30% of the time
   */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /**
   * One element of a non-empty list, uniformly. Lists must not contain `undefined`.
   *
   * @example
   * new SeededRandom(3).pick(['拿铁', '美式', '澳白']) // e.g. '美式'
   */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick needs a non-empty list without undefined');
    return item;
  }

  /**
   * A Pareto-distributed number ≥ `scale` with tail index `alpha`: most draws near `scale`, a
   * few very large (mean `alpha·scale/(alpha−1)` when alpha > 1). The shape of "most people post
   * a little, a few post a lot".
   *
   * @example
   * new SeededRandom(3).pareto(1.5, 1) >= 1 // true
   */
  pareto(alpha: number, scale: number): number {
    return scale / Math.pow(1 - this.next(), 1 / alpha);
  }

  /**
   * A standard normal draw (mean 0, standard deviation 1), by Box–Muller.
   *
   * @example
   * Math.abs(new SeededRandom(3).normal()) < 10 // true
   */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * A Poisson-distributed count with mean `mean`: exact (Knuth's product method) for small
   * means, a rounded normal approximation above 30 where the exact method gets slow.
   *
   * @example
   * new SeededRandom(3).poisson(2.5) // e.g. 3
   */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count += 1;
      product *= this.next();
    }
    return count;
  }
}

/** A precomputed weighted choice over a fixed list; see {@link weighted}. */
export interface WeightedChoice<T> {
  readonly items: readonly T[];
  /** Draws one item with probability proportional to its weight. */
  pick(random: SeededRandom): T;
}

/**
 * Prepares a weighted choice: items drawn with probability proportional to their weight.
 * Building it once and drawing many times keeps the draw to one random number and a short scan.
 *
 * @example
 * const drink = weighted([['拿铁', 5], ['美式', 3], ['手冲', 2]]);
 * drink.pick(new SeededRandom(9)) // '拿铁' half the time
 */
export function weighted<T>(entries: readonly (readonly [T, number])[]): WeightedChoice<T> {
  if (entries.length === 0) throw new RangeError('weighted needs at least one entry');
  const items = entries.map(([item]) => item);
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], i) => {
    if (!(weight >= 0) || !Number.isFinite(weight))
      throw new RangeError(`weight must be finite and ≥ 0, got ${weight}`);
    total += weight;
    cumulative[i] = total;
  });
  if (total <= 0) throw new RangeError('weighted needs a positive total weight');
  const last = items.length - 1;
  return {
    items,
    pick(random: SeededRandom): T {
      const target = random.next() * total;
      let i = 0;
      while (i < last && (cumulative[i] ?? total) <= target) i += 1;
      const item = items[i];
      if (item === undefined) throw new RangeError('weighted choice out of range');
      return item;
    },
  };
}

/**
 * The index `i` of the first entry of an ascending cumulative array with `cumulative[i] > target`
 * (binary search); the last index when none is. For drawing from long tables such as a weight
 * per calendar day.
 *
 * @example
 * searchCumulative(new Float64Array([1, 3, 6]), 2.5) // 1
 */
export function searchCumulative(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] ?? Infinity) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
