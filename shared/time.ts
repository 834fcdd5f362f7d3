/**
 * Calendar days in a workspace's time zone. Hearth stores UTC instants (integer ms) and derives
 * local days from them; a day number counts local calendar days from 1970-01-01.
 */

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/**
 * The offset of `tz` from UTC, in ms, at instant `ts` (positive east of Greenwich).
 *
 * @example
 * zoneOffsetMs(Date.UTC(2026, 0, 1), 'Asia/Shanghai') // 28_800_000
 */
export function zoneOffsetMs(ts: number, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ts));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(ts / 1000) * 1000;
}

/**
 * Returns a fast function from UTC instant to local day number in `tz`. Offsets are cached per
 * UTC hour (every real zone changes offset on an hour boundary or a 15-minute one inside it, so
 * the cache key is the quarter hour), which makes millions of rows cheap to convert.
 *
 * @example
 * const dayOf = dayResolver('Asia/Shanghai');
 * dayOf(Date.UTC(2026, 0, 1, 23, 30)) === dayNumber(2026, 1, 2) // true: 07:30 next day local
 */
export function dayResolver(tz: string): (ts: number) => number {
  const cache = new Map<number, number>();
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsetAt = (key: number): number => {
    const ts = key * (MS_PER_HOUR / 4);
    const parts = formatter.formatToParts(new Date(ts));
    const get = (type: Intl.DateTimeFormatPartTypes): number =>
      Number(parts.find((p) => p.type === type)?.value ?? 0);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - ts;
  };
  return (ts: number) => {
    const key = Math.floor(ts / (MS_PER_HOUR / 4));
    let offset = cache.get(key);
    if (offset === undefined) {
      offset = offsetAt(key);
      if (cache.size > 200_000) cache.clear();
      cache.set(key, offset);
    }
    return Math.floor((ts + offset) / MS_PER_DAY);
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
