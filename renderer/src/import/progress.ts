/** Figures of a running import, from its latest progress event. */
import type { Progress } from './store';

/**
 * Records written per second so far; null until there is a measurable time.
 *
 * @example
 * recordsPerSecond({ bytesRead: 0, totalBytes: 10, records: 5000, elapsedMs: 2000 }) // 2500
 */
export function recordsPerSecond(progress: Progress): number | null {
  return progress.elapsedMs > 0 ? Math.round(progress.records / (progress.elapsedMs / 1000)) : null;
}

/** Share of the file read, 0–1. */
export function fractionRead(progress: Progress): number {
  return progress.totalBytes > 0 ? Math.min(1, progress.bytesRead / progress.totalBytes) : 0;
}
