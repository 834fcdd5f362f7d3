/**
 * Periods as local day numbers: the request's dates, the comparison period, and calendar months.
 * Day numbers are local days in the workspace's time zone (shared/time.ts), so a period boundary
 * is a local midnight, whatever the UTC offset.
 */
import { dayNumber, dayToIso } from '../time';

/** Inclusive local days. */
export interface DayRange {
  from: number;
  to: number;
}

/**
 * The day number of an ISO date (YYYY-MM-DD).
 *
 * @example
 * isoToDay('1970-01-02') // 1
 */
export function isoToDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y ?? 1970, m ?? 1, d ?? 1);
}

/**
 * The period a request asks for: its dates, or the `days` days ending `today`.
 *
 * @example
 * resolvePeriod({}, 100) // { from: 71, to: 100 }
 * resolvePeriod({ from: '1970-01-02', to: '1970-01-31' }, 100) // { from: 1, to: 30 }
 */
export function resolvePeriod(request: { from?: string | undefined; to?: string | undefined }, today: number, days = 30): DayRange {
  const to = request.to === undefined ? today : isoToDay(request.to);
  const from = request.from === undefined ? to - days + 1 : isoToDay(request.from);
  return { from, to };
}

/**
 * The comparison period: the same number of days just before, or the same dates a year earlier
 * (29 February becomes the 28th).
 *
 * @example
 * comparePeriod({ from: 31, to: 60 }, 'previous') // { from: 1, to: 30 }
 */
export function comparePeriod(period: DayRange, compare: 'previous' | 'last_year'): DayRange {
  if (compare === 'previous') {
    const length = period.to - period.from + 1;
    return { from: period.from - length, to: period.from - 1 };
  }
  return { from: yearEarlier(period.from), to: yearEarlier(period.to) };
}

function yearEarlier(day: number): number {
  const [y, m, d] = dayToIso(day).split('-').map(Number);
  const year = (y ?? 1970) - 1;
  const month = m ?? 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return dayNumber(year, month, Math.min(d ?? 1, lastDay));
}

/** A calendar month as local days, with its `YYYY-MM` label. */
export interface MonthRange extends DayRange {
  month: string;
}

/**
 * The `count` calendar months ending with the month holding `day`, oldest first.
 *
 * @example
 * monthsEnding(dayNumber(2026, 3, 15), 2).map((m) => m.month) // ['2026-02', '2026-03']
 */
export function monthsEnding(day: number, count: number): MonthRange[] {
  const [y, m] = dayToIso(day).split('-').map(Number);
  const months: MonthRange[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 - i, 1));
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    months.push({
      month: `${year}-${String(month).padStart(2, '0')}`,
      from: dayNumber(year, month, 1),
      to: dayNumber(year, month + 1, 1) - 1,
    });
  }
  return months;
}

/**
 * Validates a range: `from` on or before `to`, at most ten years.
 *
 * @example
 * isValidRange({ from: 5, to: 4 }) // false
 */
export function isValidRange(range: DayRange): boolean {
  return Number.isInteger(range.from) && Number.isInteger(range.to) && range.from <= range.to && range.to - range.from < 3660;
}
