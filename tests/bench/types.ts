/** What a benchmark case is and what it reports. */

/** The direction a value should stay on the right side of. */
export type Target = { min: number } | { max: number };

/** One measured number, as printed in the table and written to the JSON report. */
export interface BenchResult {
  /** Dotted name, stable across runs so reports can be compared: `demo.generate.rows_per_s`. */
  name: string;
  value: number;
  unit: string;
  /** The same work done the simplest possible way in the same run, when there is one. */
  baseline: number | null;
  /** value / baseline, or null without a baseline. */
  ratio: number | null;
  target: Target | null;
}

export interface BenchContext {
  /** Community size for cases that generate a workspace. */
  members: number;
  /** Smaller, faster runs (CI smoke checks). */
  quick: boolean;
  /** A temporary folder for this case, removed after it. */
  tmpDir: string;
  /** A temporary folder for the whole run: what one case leaves for later ones (the demo workspace). */
  sharedDir: string;
  /** Progress for the person watching; goes to stderr so stdout stays the table. */
  log(message: string): void;
}

export interface BenchCase {
  name: string;
  description: string;
  run(context: BenchContext): Promise<BenchResult[]>;
}

/** A result with its ratio filled in from value and baseline. */
export function result(
  name: string,
  value: number,
  unit: string,
  baseline: number | null = null,
  target: Target | null = null,
): BenchResult {
  return { name, value, unit, baseline, ratio: baseline ? value / baseline : null, target };
}

/** True when the value meets its target (or has none). */
export function meetsTarget(r: BenchResult): boolean {
  if (!r.target) return true;
  return 'min' in r.target ? r.value >= r.target.min : r.value <= r.target.max;
}
