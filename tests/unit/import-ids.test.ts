import { describe, expect, it } from 'vitest';
import { FingerprintTable, OccurrenceCounter, stableId, TABLE_IDS } from '../../electron/services/import/parsers/ids';
import { SeededRandom } from '../../shared/random';

/** Ids as table rows give them: mostly row hashes, some id-column values, with repeats near and far. */
function ids(n: number, seed: number): string[] {
  const random = new SeededRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) {
    if (out.length > 0 && random.next() < 0.1) out.push(out[Math.floor(random.next() * out.length)] as string);
    else if (random.next() < 0.8) out.push(`h:${stableId([String(i), '2026-11-25'], TABLE_IDS)}`);
    else out.push(`订单-${i}`);
  }
  return out;
}

/** What the counter should give: ids numbered from their count in two Map generations. */
function numbered(all: readonly string[], window: number): string[] {
  let current = new Map<string, number>();
  let previous = new Map<string, number>();
  return all.map((id) => {
    const n = (current.get(id) ?? previous.get(id) ?? 0) + 1;
    if (current.size >= window) {
      previous = current;
      current = new Map();
    }
    current.set(id, n);
    return n === 1 ? id : `${id}/${n}`;
  });
}

describe('table ids', () => {
  it('numbers repeats as counting every id would, while the file fits the window', () => {
    const all = ids(200_000, 3);
    const counter = new OccurrenceCounter(TABLE_IDS);
    const expected = numbered(all, Infinity);
    expect(all.map((id) => counter.next(id))).toEqual(expected);
    expect(expected.filter((id) => id.includes('/')).length).toBeGreaterThan(10_000);
  });

  it('remembers two generations of fingerprints past the window, as a Map of the ids would', () => {
    const all = ids(50_000, 5);
    const counter = new OccurrenceCounter({ ...TABLE_IDS, window: 5_000 });
    expect(all.map((id) => counter.next(id))).toEqual(numbered(all, 5_000));
  });

  it('counts past what a slot holds', () => {
    const table = new FingerprintTable();
    for (let n = 1; n <= 70_000; n += 1) table.set('h:0123456789abcdef', n);
    expect(table.get('h:0123456789abcdef')).toBe(70_000);
    expect(table.get('h:0123456789abcdee')).toBe(0);
    expect(table.get('0123456789abcdef')).toBe(0); // an id column's value, not the hash it looks like
    expect(table.size).toBe(1);
  });

  it('keeps a million ids outside the JavaScript heap', () => {
    const counter = new OccurrenceCounter(TABLE_IDS);
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1_000_000; i += 1) {
      counter.next(`h:${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}${i.toString(16).padStart(8, '0')}`);
    }
    // As strings in a Map the same ids held ~120 MB of heap.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(25_000_000);
  });
});
