/**
 * Dense ids for tuples of up to three numbers, in first-seen order: an open-addressing hash table
 * over typed arrays. Collapsing a million member histories into unique rows with it takes tens
 * of milliseconds, where a `Map` keyed by strings takes most of a second.
 */

/** Numbers are compared by value, with −0 equal to 0; NaN is not a valid component. */
export class TupleIds {
  readonly width: number;
  private slots: Int32Array;
  private keys: Float64Array;
  private size = 0;
  private readonly scratch = new Float64Array(1);
  private readonly words = new Uint32Array(this.scratch.buffer);

  /**
   * @example
   * const ids = new TupleIds(2);
   * ids.id(3, 0.5) // 0
   * ids.id(4, 0.5) // 1
   * ids.id(3, 0.5) // 0 again
   */
  constructor(width: 1 | 2 | 3, expected = 16) {
    this.width = width;
    this.slots = new Int32Array(slotCountFor(expected));
    this.keys = new Float64Array(Math.max(16, expected) * width);
  }

  /**
   * How many distinct tuples have been seen.
   *
   * @example
   * new TupleIds(1).count // 0
   */
  get count(): number {
    return this.size;
  }

  /**
   * The id of the tuple (a, b, c) (unused components ignored), assigning the next id if it is new.
   *
   * @example
   * new TupleIds(3).id(1, 2, 3) // 0
   */
  id(a: number, b = 0, c = 0): number {
    const { width, keys } = this;
    let h = this.mixIn(0x9747b28c, a);
    if (width > 1) h = this.mixIn(h, b);
    if (width > 2) h = this.mixIn(h, c);
    const mask = this.slots.length - 1;
    for (let slot = finalMix(h) & mask; ; slot = (slot + 1) & mask) {
      const stored = this.slots[slot] ?? 0;
      if (stored === 0) return this.insert(slot, a, b, c);
      const at = (stored - 1) * width;
      if (keys[at] === a && (width < 2 || keys[at + 1] === b) && (width < 3 || keys[at + 2] === c)) return stored - 1;
    }
  }

  /**
   * Component `k` (0-based) of every distinct tuple, indexed by id.
   *
   * @example
   * const ids = new TupleIds(2);
   * ids.id(3, 0.5);
   * ids.column(1) // Float64Array [0.5]
   */
  column(k: number): Float64Array {
    const out = new Float64Array(this.size);
    for (let i = 0; i < this.size; i += 1) out[i] = this.keys[i * this.width + k] ?? 0;
    return out;
  }

  private insert(slot: number, a: number, b: number, c: number): number {
    const id = this.size;
    if ((id + 1) * this.width > this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    const at = id * this.width;
    // +0 turns −0 into 0, so the two share an id as === says they should.
    this.keys[at] = a + 0;
    if (this.width > 1) this.keys[at + 1] = b + 0;
    if (this.width > 2) this.keys[at + 2] = c + 0;
    this.slots[slot] = id + 1;
    this.size = id + 1;
    // Keep the table at most half full so probe runs stay short.
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id += 1) {
      const at = id * this.width;
      let h = this.mixIn(0x9747b28c, this.keys[at] ?? 0);
      if (this.width > 1) h = this.mixIn(h, this.keys[at + 1] ?? 0);
      if (this.width > 2) h = this.mixIn(h, this.keys[at + 2] ?? 0);
      let slot = finalMix(h) & mask;
      while ((this.slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    }
  }

  /** Folds both 32-bit halves of a double into the running hash (MurmurHash3's block step). */
  private mixIn(h: number, v: number): number {
    this.scratch[0] = v + 0;
    h = mixWord(h, this.words[0] ?? 0);
    return mixWord(h, this.words[1] ?? 0);
  }
}

function mixWord(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalMix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function slotCountFor(expected: number): number {
  let size = 32;
  while (size < expected * 2) size *= 2;
  return size;
}
