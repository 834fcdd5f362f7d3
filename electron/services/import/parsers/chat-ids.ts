/**
 * Stable ids for formats that have none (WhatsApp lines, Discord CSV rows): a hash of what the
 * row says plus an occurrence counter, so exact duplicates inside one file stay distinct while a
 * re-import, or a later export that overlaps, yields the same ids.
 */
import crypto from 'node:crypto';

/**
 * A short, stable id: SHA-1 of the parts (NUL-separated), base64url, 16 characters (96 bits).
 *
 * @example
 * stableId(['general', '2024-01-01T10:00', 'Ann', 'hi']) // 'q0Zs…' (always the same)
 */
export function stableId(parts: readonly string[]): string {
  return crypto.createHash('sha1').update(parts.join('\u0000')).digest('base64url').slice(0, 16);
}

/**
 * Counts how often each id has been seen in this file, remembering only the recent ones so the
 * memory stays flat on huge files: two generations of at most `window` keys each (a Map used as
 * a FIFO degrades, as deleted entries pile up at its front). Duplicates are practically always
 * close together (same minute, same author), so a window of 50k ids loses nothing in practice.
 */
export class OccurrenceCounter {
  private current = new Map<string, number>();
  private previous = new Map<string, number>();

  constructor(private readonly window = 50_000) {}

  /** The id with its occurrence: `base` the first time, then `base.2`, `base.3`… */
  next(base: string): string {
    const n = (this.current.get(base) ?? this.previous.get(base) ?? 0) + 1;
    if (this.current.size >= this.window) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(base, n);
    return n === 1 ? base : `${base}.${n}`;
  }
}
