/**
 * Calendar days in a workspace's time zone. Hearth stores UTC instants (integer ms) and derives
 * local days from them; a day number counts local calendar days from 1970-01-01.
 */

const QUARTER_HOUR = 900_000;
const MS_PER_DAY = 86_400_000;

/**
 * The offset of `tz` from UTC, in ms, at instant `ts` (positive east of Greenwich).
 *
 * @example
 * zoneOffsetMs(Date.UTC(2026, 0, 1), 'Asia/Shanghai') // 28_800_000
 */
export function zoneOffsetMs(ts: number, tz: string): number {
  return zoneOffsets(tz)(ts);
}

/**
 * A cached "offset of `tz` at this instant" function. Every real zone changes offset on a
 * quarter-hour boundary and at most once a day, so offsets are cached per UTC day (when the day
 * starts and ends with the same offset) and per quarter hour on the days a change happens:
 * millions of rows over years of history cost a few hundred Intl calls.
 *
 * @example
 * zoneOffsets('Asia/Shanghai')(Date.UTC(2026, 0, 1)) // 28_800_000
 */
export function zoneOffsets(tz: string): (ts: number) => number {
  if (/^(utc|etc\/utc|gmt|etc\/gmt|z)$/i.test(tz)) return () => 0;
  const quarters = new Map<number, number>();
  const days = new Map<number, number>();
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const atQuarter = (key: number): number => {
    let offset = quarters.get(key);
    if (offset === undefined) {
      const at = key * QUARTER_HOUR;
      const parts = formatter.formatToParts(new Date(at));
      const get = (type: Intl.DateTimeFormatPartTypes): number =>
        Number(parts.find((p) => p.type === type)?.value ?? 0);
      offset = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - at;
      if (quarters.size > 200_000) quarters.clear();
      quarters.set(key, offset);
    }
    return offset;
  };
  const perDay = MS_PER_DAY / QUARTER_HOUR;
  return (ts: number) => {
    const day = Math.floor(ts / MS_PER_DAY);
    let offset = days.get(day);
    if (offset === undefined) {
      const start = atQuarter(day * perDay);
      // NaN marks a day whose offset changes somewhere inside it.
      offset = start === atQuarter((day + 1) * perDay) ? start : Number.NaN;
      if (days.size > 100_000) days.clear();
      days.set(day, offset);
    }
    return Number.isNaN(offset) ? atQuarter(Math.floor(ts / QUARTER_HOUR)) : offset;
  };
}

/**
 * Returns a fast function from UTC instant to local day number in `tz`.
 *
 * @example
 * const dayOf = dayResolver('Asia/Shanghai');
 * dayOf(Date.UTC(2026, 0, 1, 23, 30)) === dayNumber(2026, 1, 2) // true: 07:30 next day local
 */
export function dayResolver(tz: string): (ts: number) => number {
  const offsetAt = zoneOffsets(tz);
  return (ts: number) => Math.floor((ts + offsetAt(ts)) / MS_PER_DAY);
}

/**
 * Returns a converter from a wall-clock time in `tz` (written as if it were UTC ms, i.e.
 * `Date.UTC(y, m - 1, d, h, mi, s)`) to the UTC instant. Around DST changes it behaves like
 * Temporal's 'compatible' disambiguation: a time that occurs twice is the earlier instant; a time
 * the clocks skip moves forward by the gap (02:30 on a spring-forward day → 03:30).
 *
 * @example
 * wallClockToUtc('Asia/Shanghai')(Date.UTC(2024, 2, 5, 14, 3)) === Date.UTC(2024, 2, 5, 6, 3) // true
 */
export function wallClockToUtc(tz: string): (wallAsUtc: number) => number {
  const offsetAt = zoneOffsets(tz);
  return (wall) => {
    // The offsets a day either side are the only candidates; one of them holds at the answer.
    const before = offsetAt(wall - MS_PER_DAY);
    if (offsetAt(wall - before) === before) return wall - before;
    const after = offsetAt(wall + MS_PER_DAY);
    if (offsetAt(wall - after) === after) return wall - after;
    return wall - before;
  };
}

/**
 * The day number of a calendar date.
 *
 * @example
 * dayNumber(1970, 1, 2) // 1
 */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/**
 * ISO date text (YYYY-MM-DD) of a day number.
 *
 * @example
 * dayToIso(0) // '1970-01-01'
 */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The UTC instant at which local day `day` starts in `tz`.
 *
 * @example
 * startOfDayUtc(dayNumber(2026, 1, 1), 'Asia/Shanghai') === Date.UTC(2025, 11, 31, 16) // true
 */
export function startOfDayUtc(day: number, tz: string): number {
  const guess = day * MS_PER_DAY;
  // Two passes settle the offset even when the day starts next to a DST change.
  let ts = guess - zoneOffsetMs(guess, tz);
  ts = guess - zoneOffsetMs(ts, tz);
  return ts;
}

/**
 * `startOfDayUtc` for many days in one zone, sharing one cached offset function (building an
 * Intl formatter per call costs tens of microseconds).
 *
 * @example
 * startOfDayResolver('Asia/Shanghai')(dayNumber(2026, 1, 1)) === Date.UTC(2025, 11, 31, 16) // true
 */
export function startOfDayResolver(tz: string): (day: number) => number {
  const offset = zoneOffsets(tz);
  return (day) => {
    const guess = day * MS_PER_DAY;
    const ts = guess - offset(guess);
    return guess - offset(ts);
  };
}
