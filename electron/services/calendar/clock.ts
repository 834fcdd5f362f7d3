/** Wall-clock text in the workspace's time zone ↔ UTC instants, and date arithmetic on local dates. */
import { wallClockToUtc, zoneOffsets } from '../../../shared/time';

const MS_PER_DAY = 86_400_000;

export interface LocalClock {
  readonly timeZone: string;
  /** '2026-11-24T09:00' for an instant. */
  toLocal(ts: number): string;
  /** The instant of a local time ('2026-11-24T09:00'); skipped DST times move forward. */
  toUtc(local: string): number;
}

/**
 * A clock for one time zone, sharing one cached offset function.
 *
 * @example
 * localClock('Asia/Shanghai').toLocal(Date.UTC(2026, 10, 24, 1)) // '2026-11-24T09:00'
 */
export function localClock(timeZone: string): LocalClock {
  const offset = zoneOffsets(timeZone);
  const toUtc = wallClockToUtc(timeZone);
  return {
    timeZone,
    toLocal: (ts) => new Date(ts + offset(ts)).toISOString().slice(0, 16),
    toUtc: (local) => toUtc(Date.parse(`${local}:00Z`)),
  };
}

/**
 * A local date `days` later (or earlier).
 *
 * @example
 * addDays('2026-12-31', 1) // '2027-01-01'
 */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Adds minutes to a local time, in wall-clock terms.
 *
 * @example
 * addMinutes('2026-11-24T23:30', 60) // '2026-11-25T00:30'
 */
export function addMinutes(local: string, minutes: number): string {
  return new Date(Date.parse(`${local}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
}
