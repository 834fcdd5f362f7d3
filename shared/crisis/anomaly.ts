/**
 * Pure anomaly detectors behind the crisis alert rules: a swing in daily message volume, bursts
 * of complaints within a window, days or channels whose negative share passes a threshold, and a
 * rise in the share of members at churn risk. Plain arrays in, plain results out; the scanner
 * does the counting in SQL and passes the series here.
 */

export interface VolumeSwing {
  baselineMean: number | null;
  currentMean: number | null;
  /** currentMean / baselineMean − 1, or null when not judged. */
  change: number | null;
  flagged: boolean;
}

const sum = (xs: readonly number[]): number => {
  let total = 0;
  for (const x of xs) total += x;
  return total;
};

/**
 * Compares the mean daily count of `current` with that of `baseline`. Too little traffic says
 * nothing, so a period is not judged (change null, not flagged) when the baseline is empty or
 * either period's total is below `minMessages`; the means are still reported where they exist.
 * Flagged when |change| > swing (strictly).
 *
 * @example
 * volumeSwing([100, 100, 100, 100], [130, 110], 0.1, 20)
 * // { baselineMean: 100, currentMean: 120, change: 0.2, flagged: true }
 * volumeSwing([5, 5], [50], 0.1, 20) // { baselineMean: 5, currentMean: 50, change: null, flagged: false }
 */
export function volumeSwing(
  baseline: readonly number[],
  current: readonly number[],
  swing: number,
  minMessages: number,
): VolumeSwing {
  const baselineTotal = sum(baseline);
  const currentTotal = sum(current);
  const baselineMean = baseline.length > 0 ? baselineTotal / baseline.length : null;
  const currentMean = current.length > 0 ? currentTotal / current.length : null;
  if (
    baselineMean === null ||
    currentMean === null ||
    baselineMean === 0 ||
    baselineTotal < minMessages ||
    currentTotal < minMessages
  ) {
    return { baselineMean, currentMean, change: null, flagged: false };
  }
  // (c − b) / b rather than c / b − 1: exact for round numbers (120 vs 100 → 0.2), so a change of
  // exactly `swing` is not flagged by a rounding error.
  const change = (currentMean - baselineMean) / baselineMean;
  return { baselineMean, currentMean, change, flagged: Math.abs(change) > swing };
}

export interface Burst {
  /** Timestamps of the first and last event in the burst. */
  start: number;
  end: number;
  count: number;
  firstIndex: number;
  lastIndex: number;
}

/**
 * Bursts in a sorted series: maximal runs in which every event has at least `minCount - 1` others
 * within `windowMs` before it, i.e. runs covered by windows (end − start < windowMs) holding
 * ≥ minCount events, merged while the windows overlap and not overlapping each other. One
 * two-pointer pass, O(n). A window is half-open: events exactly `windowMs` apart are not in one.
 *
 * @example
 * bursts([0, 1, 2, 10, 100, 101, 102, 103], 5, 3)
 * // [{ start: 0, end: 2, count: 3, firstIndex: 0, lastIndex: 2 },
 * //  { start: 100, end: 103, count: 4, firstIndex: 4, lastIndex: 7 }]
 */
export function bursts(timestamps: readonly number[], windowMs: number, minCount: number): Burst[] {
  const found: Burst[] = [];
  const need = Math.max(1, minCount);
  let left = 0;
  let open: Burst | null = null;
  for (let right = 0; right < timestamps.length; right++) {
    const t = timestamps[right] as number;
    while (t - (timestamps[left] as number) >= windowMs) left++;
    if (right - left + 1 < need) continue;
    // The window [left, right] qualifies: extend the open burst if they overlap, else start anew
    // (never before the previous burst's end, so bursts do not overlap).
    if (open !== null && left <= open.lastIndex) {
      open.end = t;
      open.lastIndex = right;
      open.count = right - open.firstIndex + 1;
    } else {
      if (open !== null) found.push(open);
      open = { start: timestamps[left] as number, end: t, count: right - left + 1, firstIndex: left, lastIndex: right };
    }
  }
  if (open !== null) found.push(open);
  return found;
}

export interface NegativeShareFlag {
  key: string;
  messages: number;
  negative: number;
  /** negative / messages. */
  share: number;
}

/**
 * The days or channels whose negative share passes `threshold` (strictly), among those with at
 * least `minMessages` messages (a handful of messages gives a share that means nothing). Order
 * follows the input.
 *
 * @example
 * negativeShareFlags([{ key: 'd1', messages: 40, negative: 16 }, { key: 'd2', messages: 10, negative: 9 }], 0.3, 20)
 * // [{ key: 'd1', messages: 40, negative: 16, share: 0.4 }]
 */
export function negativeShareFlags(
  days: readonly { key: string; messages: number; negative: number }[],
  threshold: number,
  minMessages: number,
): NegativeShareFlag[] {
  const flags: NegativeShareFlag[] = [];
  for (const { key, messages, negative } of days) {
    if (messages <= 0 || messages < minMessages) continue;
    const share = negative / messages;
    if (share > threshold) flags.push({ key, messages, negative, share });
  }
  return flags;
}

export interface RiskRise {
  /** The share recorded at least `lookbackDays` before, or null when there is none. */
  baseline: number | null;
  /** (current − baseline) × 100, in percentage points. */
  risePoints: number | null;
  flagged: boolean;
}

/**
 * Compares the share of members at churn risk with the latest recorded share at least
 * `lookbackDays` days earlier (history in any order). Shares are 0–1; `points` are percentage
 * points. Flagged when the rise is at least `points` (5 points means 0.20 → 0.25 counts).
 *
 * @example
 * riskRise([{ day: 90, share: 0.2 }, { day: 95, share: 0.3 }], { day: 100, share: 0.26 }, 7, 5)
 * // { baseline: 0.2, risePoints: ≈6, flagged: true }
 */
export function riskRise(
  history: readonly { day: number; share: number }[],
  current: { day: number; share: number },
  lookbackDays: number,
  points: number,
): RiskRise {
  let best: { day: number; share: number } | null = null;
  for (const h of history) {
    if (h.day <= current.day - lookbackDays && (best === null || h.day > best.day)) best = h;
  }
  if (best === null) return { baseline: null, risePoints: null, flagged: false };
  const risePoints = (current.share - best.share) * 100;
  // Rounding to 1e-9 so 0.25 − 0.20 (4.999…) meets a 5-point threshold.
  return { baseline: best.share, risePoints, flagged: Math.round(risePoints * 1e9) / 1e9 >= points };
}
