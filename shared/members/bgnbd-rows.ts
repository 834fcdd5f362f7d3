/**
 * Member histories collapsed for the BG/NBD likelihood: identical (x, tx, T) rows become one
 * weighted row, and rows are grouped so that an evaluation touches each distinct value, pair and
 * row once. Kept apart from the model so the model file reads as the paper does.
 */

import { mix32 } from '../random';
import { TupleIds } from '../math/tuple-ids';
import { type RepeatHistory } from './bgnbd';

/**
 * Unique histories with their counts. Each coordinate is an id into that coordinate's distinct
 * values, which number in the hundreds or thousands even for a million members (days since the
 * first event, repeat counts).
 */
export interface UniqueRows {
  xs: Float64Array;
  txs: Float64Array;
  ts: Float64Array;
  ix: Int32Array;
  itx: Int32Array;
  it: Int32Array;
  weight: Float64Array;
}

/**
 * Unique rows sorted into one block per distinct x, for the likelihood. The factors (α+T)^−(r+x)
 * and (α+tx)^−(r+x) depend only on the (x, T) and (x, tx) pairs, of which there are far fewer
 * than rows; an evaluation exponentiates those once per pair and then spends a single log per
 * unique row, instead of several log-gammas per member.
 */
export interface ArrangedRows {
  /** Rows represented (the total weight). */
  n: number;
  /** Distinct x values, ascending; rows of xs[i] are rowStart[i] ≤ u < rowStart[i + 1]. */
  xs: Float64Array;
  xWeight: Float64Array;
  rowStart: Int32Array;
  ts: Float64Array;
  txs: Float64Array;
  /** Each (x, T) pair: its x rank and T id; likewise for (x, tx). */
  pairTRank: Int32Array;
  pairTIndex: Int32Array;
  pairTxRank: Int32Array;
  pairTxIndex: Int32Array;
  /** Each unique row: its (x, T) pair, its (x, tx) pair, its weight. */
  rowPairT: Int32Array;
  rowPairTx: Int32Array;
  rowWeight: Float64Array;
}

/**
 * Throws a RangeError naming the row when a history cannot come from the model: x must be a
 * whole number, T finite and ≥ 0, and (when x > 0) 0 ≤ tx ≤ T.
 *
 * @example
 * checkHistory({ x: 1, tx: 3, T: 2 }, 7) // throws "row 7: tx must lie in [0, T], …"
 */
export function checkHistory(row: RepeatHistory, i: number): void {
  const { x, tx, T } = row;
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`row ${i}: x must be a whole number ≥ 0, got ${x}`);
  if (!Number.isFinite(T) || T < 0) throw new RangeError(`row ${i}: T must be finite and ≥ 0, got ${T}`);
  if (x > 0 && !(tx >= 0 && tx <= T)) throw new RangeError(`row ${i}: tx must lie in [0, T], got tx=${tx}, T=${T}`);
}

/**
 * Collapses rows to unique (x, tx, T) with counts, checking each row. Each coordinate gets a
 * dense id from a small table that stays in cache, the ids combine into one integer key per row,
 * and a native typed-array sort plus one pass counts the keys: on a million rows several times
 * faster than hashing whole triples, whose table no longer fits in cache. Rows with x = 0 have
 * their tx set to 0 (it means nothing there) so that they collapse together.
 *
 * @example
 * const unique = collapseHistories([{ x: 0, tx: 0, T: 5 }, { x: 0, tx: 0, T: 5 }, { x: 1, tx: 2, T: 5 }]);
 * unique.weight // Float64Array [2, 1]
 */
export function collapseHistories(rows: readonly RepeatHistory[]): UniqueRows {
  const n = rows.length;
  const xIds = new TupleIds(1);
  const txIds = new TupleIds(1);
  const tIds = new TupleIds(1);
  const rowX = new Int32Array(n);
  const rowTx = new Int32Array(n);
  const rowT = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const row = rows[i] as RepeatHistory;
    checkHistory(row, i);
    rowX[i] = xIds.id(row.x);
    // With no repeat event, tx carries no information; zero it so such rows collapse together.
    rowTx[i] = txIds.id(row.x === 0 ? 0 : row.tx);
    rowT[i] = tIds.id(row.T);
  }
  // One integer key per row, ordered (x, tx, T). When the id product fits an Int32 (discrete days:
  // the usual case), the ids combine directly, and Int32 keys sort twice as fast as Float64 ones.
  // Otherwise (x, tx) pairs get their own dense ids first, so the key stays below n² and exact.
  const nTx = txIds.count;
  const nT = tIds.count;
  const direct = xIds.count * nTx * nT <= 0x7fffffff;
  const keys = direct ? new Int32Array(n) : new Float64Array(n);
  const xTx = direct ? undefined : new TupleIds(2);
  for (let i = 0; i < n; i += 1) {
    const head = xTx ? xTx.id(rowX[i] ?? 0, rowTx[i] ?? 0) : (rowX[i] ?? 0) * nTx + (rowTx[i] ?? 0);
    keys[i] = head * nT + (rowT[i] ?? 0);
  }
  keys.sort();
  const pairX = xTx?.column(0);
  const pairTx = xTx?.column(1);
  const ix = new Int32Array(n);
  const itx = new Int32Array(n);
  const it = new Int32Array(n);
  const weight = new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n;) {
    const key = keys[i] ?? 0;
    let j = i + 1;
    while (j < n && keys[j] === key) j += 1;
    const head = Math.floor(key / nT);
    ix[count] = pairX ? (pairX[head] ?? 0) : Math.floor(head / nTx);
    itx[count] = pairTx ? (pairTx[head] ?? 0) : head % nTx;
    it[count] = key - head * nT;
    weight[count] = j - i;
    count += 1;
    i = j;
  }
  return {
    xs: xIds.column(0),
    txs: txIds.column(0),
    ts: tIds.column(0),
    ix: ix.slice(0, count),
    itx: itx.slice(0, count),
    it: it.slice(0, count),
    weight: weight.slice(0, count),
  };
}

/** Dense ids for pairs (a, b) with a < na, b < nb: a flat table when it is small, else a hash. */
function pairIds(
  na: number,
  nb: number,
): { id: (a: number, b: number) => number; columns: () => [Int32Array, Int32Array] } {
  if (na * nb <= 1 << 22) {
    const table = new Int32Array(na * nb).fill(-1);
    const first: number[] = [];
    const second: number[] = [];
    return {
      id(a, b) {
        const at = a * nb + b;
        const known = table[at] ?? -1;
        if (known >= 0) return known;
        table[at] = first.length;
        first.push(a);
        second.push(b);
        return first.length - 1;
      },
      columns: () => [Int32Array.from(first), Int32Array.from(second)],
    };
  }
  const ids = new TupleIds(2);
  return {
    id: (a, b) => ids.id(a, b),
    columns: () => [Int32Array.from(ids.column(0)), Int32Array.from(ids.column(1))],
  };
}

/**
 * Sorts unique rows into x blocks (ascending x) and indexes their (x, T) and (x, tx) pairs.
 *
 * @example
 * const rows = arrangeRows(collapseHistories([{ x: 1, tx: 2, T: 5 }, { x: 0, tx: 0, T: 5 }]));
 * rows.xs // Float64Array [0, 1]; rows.n // 2
 */
export function arrangeRows(unique: UniqueRows): ArrangedRows {
  const count = unique.weight.length;
  const xs = unique.xs.slice().sort();
  const rankOf = new Map<number, number>();
  xs.forEach((x, rank) => rankOf.set(x, rank));
  const rankOfId = Int32Array.from(unique.xs, (x) => rankOf.get(x) ?? 0);

  // Counting sort of rows by x rank.
  const rowStart = new Int32Array(xs.length + 1);
  for (let u = 0; u < count; u += 1) {
    const slot = (rankOfId[unique.ix[u] ?? 0] ?? 0) + 1;
    rowStart[slot] = (rowStart[slot] ?? 0) + 1;
  }
  for (let i = 0; i < xs.length; i += 1) rowStart[i + 1] = (rowStart[i + 1] ?? 0) + (rowStart[i] ?? 0);
  const next = rowStart.slice(0, xs.length);

  const pairT = pairIds(xs.length, unique.ts.length);
  const pairTx = pairIds(xs.length, unique.txs.length);
  const xWeight = new Float64Array(xs.length);
  const rowPairT = new Int32Array(count);
  const rowPairTx = new Int32Array(count);
  const rowWeight = new Float64Array(count);
  let n = 0;
  for (let u = 0; u < count; u += 1) {
    const rank = rankOfId[unique.ix[u] ?? 0] ?? 0;
    const at = next[rank] ?? 0;
    next[rank] = at + 1;
    const w = unique.weight[u] ?? 0;
    rowPairT[at] = pairT.id(rank, unique.it[u] ?? 0);
    rowPairTx[at] = pairTx.id(rank, unique.itx[u] ?? 0);
    rowWeight[at] = w;
    xWeight[rank] = (xWeight[rank] ?? 0) + w;
    n += w;
  }
  const [pairTRank, pairTIndex] = pairT.columns();
  const [pairTxRank, pairTxIndex] = pairTx.columns();
  return {
    n,
    xs,
    xWeight,
    rowStart,
    ts: unique.ts,
    txs: unique.txs,
    pairTRank,
    pairTIndex,
    pairTxRank,
    pairTxIndex,
    rowPairT,
    rowPairTx,
    rowWeight,
  };
}

/**
 * About `target` unique rows whose weighted log-likelihood is an unbiased estimate of the whole:
 * heavy rows (weight ≥ k) are all kept, the rest one in k, chosen by a hash of the row number (so
 * the same every time), with k times their weight.
 *
 * @example
 * const sample = sampleRows(collapseHistories(histories), 20_000);
 * sample.weight.length // about 20,000 when histories hold many more distinct rows
 */
export function sampleRows(unique: UniqueRows, target: number): UniqueRows {
  const k = Math.max(1, Math.ceil(unique.weight.length / target));
  const keep: number[] = [];
  const weight: number[] = [];
  unique.weight.forEach((w, u) => {
    if (w >= k) {
      keep.push(u);
      weight.push(w);
    } else if (mix32(u + 1) % k === 0) {
      keep.push(u);
      weight.push(w * k);
    }
  });
  return {
    ...unique,
    ix: Int32Array.from(keep, (u) => unique.ix[u] ?? 0),
    itx: Int32Array.from(keep, (u) => unique.itx[u] ?? 0),
    it: Int32Array.from(keep, (u) => unique.it[u] ?? 0),
    weight: Float64Array.from(weight),
  };
}
