/**
 * Wall-clock times written without a zone (WhatsApp lines, Telegram `date`, old DCE CSV dates,
 * table cells) turned into UTC instants in the workspace's zone. Conversion is shared/time.ts's
 * `wallClockToUtc`.
 *
 * Around DST changes it behaves like Temporal's 'compatible' disambiguation: a time that occurs
 * twice (clocks going back) is the earlier instant; a time that never occurs (clocks going
 * forward) is moved forward by the gap, e.g. 02:30 on a New York spring-forward day → 03:30 EDT.
 */
import { wallClockToUtc } from '../../../../shared/time';
import { isTimeZone } from '../../../../shared/workspace';
import { importError } from '../errors';

/** A calendar date and clock time as written, before any zone is applied. */
export interface LocalTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms?: number;
}

export type LocalTimeResolver = (t: LocalTime) => number;

/**
 * The fields read as if the wall clock were UTC (what shared/time's `wallClockToUtc` takes).
 *
 * @example
 * localTimeAsUtc({ year: 2024, month: 3, day: 5, hour: 14, minute: 3, second: 0 }) // Date.UTC(2024, 2, 5, 14, 3)
 */
export function localTimeAsUtc(t: LocalTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.ms ?? 0);
}

/**
 * Returns a converter from local wall-clock time in `timeZone` to UTC ms; an unknown zone is an
 * import error naming `fileName`.
 *
 * @example
 * localTimeResolver('Asia/Shanghai', 'chat.txt')({ year: 2026, month: 1, day: 1, hour: 8, minute: 0, second: 0 })
 * // Date.UTC(2026, 0, 1, 0, 0)
 */
export function localTimeResolver(timeZone: string, fileName: string): LocalTimeResolver {
  if (!isTimeZone(timeZone)) throw importError(fileName, 'options.timeZone', `unknown time zone "${timeZone}"`);
  const toUtc = wallClockToUtc(timeZone);
  return (t) => toUtc(localTimeAsUtc(t));
}

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An ISO-8601 date-time: with an offset or Z it is exact; without, it is local time in the zone
 * of `local`. Returns null for anything else.
 *
 * @example
 * parseIsoDateTime('2023-01-06T14:03:03.853+00:00', resolve) // 1673013783853
 */
export function parseIsoDateTime(text: string, local: LocalTimeResolver): number | null {
  if (ISO_ZONED.test(text)) {
    const ts = Date.parse(text.replace(' ', 'T'));
    return Number.isFinite(ts) ? ts : null;
  }
  const m = ISO_LOCAL.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  const t: LocalTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? 0),
    ms: frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0,
  };
  return isValidLocalTime(t) ? local(t) : null;
}

/** True when the fields name a real calendar date and clock time. */
export function isValidLocalTime(t: LocalTime): boolean {
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.hour > 23 || t.minute > 59 || t.second > 60) return false;
  const daysInMonth = new Date(Date.UTC(t.year, t.month, 0)).getUTCDate();
  return t.day <= daysInMonth;
}
