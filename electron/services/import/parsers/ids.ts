/**
 * Stable ids for rows that carry none (WhatsApp lines, Discord CSV rows, table rows without an id
 * column): a hash of what the row says plus an occurrence counter, so exact duplicates inside one
 * file stay distinct while a re-import, or a later export that overlaps, yields the same ids.
 */
import crypto from 'node:crypto';

/**
 * How ids are spelled. Ids are stored in workspaces and matched on every re-import, so a scheme
 * never changes once shipped: the chat and the table importers each keep the one they began with.
 */
export interface IdScheme {
  /** Joins the parts before hashing (a character no part contains). */
  separator: string;
  digest: 'base64url' | 'hex';
  /** Between an id and its occurrence number: `id.2`, or `id/2`. */
  occurrence: string;
  /** How many recent ids the occurrence counter remembers (two generations of this many). */
  window: number;
  /**
   * How the counter keeps them: the ids themselves in a Map (~120 bytes an id on the heap), or
   * their 64-bit fingerprints in typed arrays (~10–20 bytes, off the heap; FingerprintTable).
   */
  keep: 'ids' | 'fingerprints';
}

/**
 * Chat exports: base64url ids, `.2` for a repeat. Only recent ids are remembered, so memory stays
 * flat on huge files: duplicates are practically always close together (same minute, same author),
 * so a window of 50k ids loses nothing in practice.
 */
export const CHAT_IDS: IdScheme = {
  separator: '\u0000',
  digest: 'base64url',
  occurrence: '.',
  window: 50_000,
  keep: 'ids',
};

/**
 * Tables: hex ids, `/2` for a repeat. A table's repeats can be far apart (an order id coming
 * back, a row sorted away from its twin), so its window is wide: every id of a file up to half a
 * million rows, and the last half to one million in a longer one, as fingerprints (~21 MB at
 * most). Kept as strings, every id of a 4,000,000-row CSV ran the import worker out of heap at
 * 2.1 M rows; every one as a fingerprint took it to 363 MB, two generations of a million to 315 MB.
 */
export const TABLE_IDS: IdScheme = {
  separator: '\u001f',
  digest: 'hex',
  occurrence: '/',
  window: 500_000,
  keep: 'fingerprints',
};

/**
 * A short, stable id: SHA-1 of the parts, joined by the scheme's separator, 16 characters.
 *
 * @example
 * stableId(['general', '2024-01-01T10:00', 'Ann', 'hi'], CHAT_IDS) // 'q0Zs…' (always the same)
 * stableId(['4', '19970101', '29.33'], TABLE_IDS) // 16 hex characters
 */
export function stableId(parts: readonly string[], scheme: IdScheme): string {
  return crypto.createHash('sha1').update(parts.join(scheme.separator)).digest(scheme.digest).slice(0, 16);
}

/**
 * Counts how often each id has been seen in this file and numbers the repeats: `id`, then
 * `id.2`, `id.3`… (or `id/2` with TABLE_IDS). Stable across re-parses because it counts in file
 * order. Memory is bounded by two generations of at most `window` ids (a Map used as a FIFO
 * degrades, as deleted entries pile up at its front): an id is numbered from its count in the
 * current generation, or else the previous one.
 */
export class OccurrenceCounter {
  private current: Generation;
  private previous: Generation;
  /** Shared by the generations: each id's fingerprint is worked out once. */
  private readonly fingerprints = new Fingerprints();

  constructor(private readonly scheme: Pick<IdScheme, 'occurrence' | 'window' | 'keep'>) {
    this.current = this.generation();
    this.previous = this.generation();
  }

  /** The id with its occurrence: `base` the first time, then `base.2`, `base.3`… */
  next(base: string): string {
    const n = (this.current.get(base) || this.previous.get(base)) + 1;
    if (this.current.size >= this.scheme.window) {
      this.previous = this.current;
      this.current = this.generation();
    }
    this.current.set(base, n);
    return n === 1 ? base : `${base}${this.scheme.occurrence}${n}`;
  }

  private generation(): Generation {
    if (this.scheme.keep === 'fingerprints') return new FingerprintTable(this.fingerprints);
    const map = new Map<string, number>();
    return {
      get: (id) => map.get(id) ?? 0,
      set: (id, n) => void map.set(id, n),
      get size() {
        return map.size;
      },
    };
  }
}

/** Counts by id (0 for an id not seen). */
interface Generation {
  get(id: string): number;
  set(id: string, count: number): void;
  readonly size: number;
}

/** A stable id as stableId spells it with TABLE_IDS, behind the `h:` of a row without an id. */
const HASHED_KEY = /^h:[0-9a-f]{16}$/;

/**
 * 64-bit fingerprints of ids, as two 32-bit halves: an id that is already a TABLE_IDS hash is its
 * own; any other (an id column's value) is hashed. The last one is remembered (an id is looked up
 * in both generations, then counted).
 */
export class Fingerprints {
  private id: string | null = null;
  high = 0;
  low = 0;

  /** Sets `high` and `low` to the id's fingerprint. */
  of(id: string): this {
    if (id === this.id) return this;
    if (HASHED_KEY.test(id)) {
      this.high = Number.parseInt(id.slice(2, 10), 16);
      this.low = Number.parseInt(id.slice(10, 18), 16);
    } else {
      const digest = crypto.createHash('sha1').update(id).digest();
      this.high = digest.readUInt32BE(0);
      this.low = digest.readUInt32BE(4);
    }
    this.id = id;
    return this;
  }
}

/**
 * Counts by id in ~10–20 bytes an id: its 64-bit fingerprint in open-addressing tables of typed
 * arrays, outside the JavaScript heap (a Map of the ids: ~120 bytes). Two different ids share a
 * fingerprint with a chance of about n²/2^65 (one in 37 million for a million ids); the later one
 * is then numbered as a repeat, the same on every re-parse.
 */
export class FingerprintTable implements Generation {
  /** Tables by the fingerprint's top 8 bits: each grows on its own, so growing never doubles all. */
  private readonly parts = Array.from({ length: 256 }, () => ({
    high: new Uint32Array(64),
    low: new Uint32Array(64),
    /** Counts; 0 marks an empty slot, 65,535 sends the count to `many`. */
    count: new Uint16Array(64),
    size: 0,
  }));
  private readonly many = new Map<string, number>();
  /** The table the last `find` looked in. */
  private part: Part;
  size = 0;

  constructor(private readonly fingerprints = new Fingerprints()) {
    this.part = this.parts[0] as Part;
  }

  get(id: string): number {
    const slot = this.find(id);
    const part = this.part;
    const count = part.count[slot] ?? 0;
    return count < 0xffff ? count : (this.many.get(`${part.high[slot]}:${part.low[slot]}`) ?? count);
  }

  set(id: string, count: number): void {
    const slot = this.find(id);
    const part = this.part;
    const { high, low } = this.fingerprints;
    if (part.count[slot] === 0) {
      part.high[slot] = high;
      part.low[slot] = low;
      part.size += 1;
      this.size += 1;
    }
    part.count[slot] = Math.min(count, 0xffff);
    if (count >= 0xffff) this.many.set(`${high}:${low}`, count);
    if (part.size * 4 > part.count.length * 3) this.grow(part);
  }

  /**
   * The id's slot in `this.part`, or the empty slot where it would go (called three times a row:
   * it returns a number and allocates nothing).
   */
  private find(id: string): number {
    const { high, low } = this.fingerprints.of(id);
    const part = this.parts[high >>> 24] as Part;
    this.part = part;
    const mask = part.count.length - 1;
    let slot = low & mask;
    while (part.count[slot] !== 0 && (part.high[slot] !== high || part.low[slot] !== low)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(part: Part): void {
    const { high, low, count } = part;
    const capacity = count.length * 2;
    const mask = capacity - 1;
    part.high = new Uint32Array(capacity);
    part.low = new Uint32Array(capacity);
    part.count = new Uint16Array(capacity);
    for (let at = 0; at < count.length; at += 1) {
      if (count[at] === 0) continue;
      let slot = (low[at] ?? 0) & mask;
      while (part.count[slot] !== 0) slot = (slot + 1) & mask;
      part.high[slot] = high[at] ?? 0;
      part.low[slot] = low[at] ?? 0;
      part.count[slot] = count[at] ?? 0;
    }
  }
}

type Part = FingerprintTable['parts'][number];
