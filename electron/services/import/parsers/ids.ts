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
}

/**
 * Chat exports: base64url ids, `.2` for a repeat. Only recent ids are remembered, so memory stays
 * flat on huge files: duplicates are practically always close together (same minute, same author),
 * so a window of 50k ids loses nothing in practice.
 */
export const CHAT_IDS: IdScheme = { separator: '\u0000', digest: 'base64url', occurrence: '.', window: 50_000 };

/** Tables: hex ids, `/2` for a repeat, every id remembered (an order id may come back much later). */
export const TABLE_IDS: IdScheme = { separator: '\u001f', digest: 'hex', occurrence: '/', window: Infinity };

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
 * order. Memory is bounded by two generations of at most `window` keys (a Map used as a FIFO
 * degrades, as deleted entries pile up at its front).
 */
export class OccurrenceCounter {
  private current = new Map<string, number>();
  private previous = new Map<string, number>();

  constructor(private readonly scheme: Pick<IdScheme, 'occurrence' | 'window'>) {}

  /** The id with its occurrence: `base` the first time, then `base.2`, `base.3`… */
  next(base: string): string {
    const n = (this.current.get(base) ?? this.previous.get(base) ?? 0) + 1;
    if (this.current.size >= this.scheme.window) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(base, n);
    return n === 1 ? base : `${base}${this.scheme.occurrence}${n}`;
  }
}
