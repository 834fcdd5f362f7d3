/**
 * The report's period choices as the contract's days. Months and quarters are calendar ones in the
 * workspace's time zone, so "last month" names the same days to everyone. Pure: `today` is passed in.
 */
import { dayNumber, dayToIso } from '../../../shared/time';
import { validRange, type DayRange } from '../dashboard/period';

export const reportPeriods = ['lastMonth', 'lastQuarter', 'thisMonth', 'custom'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

/** The first day of a (possibly out-of-range) month, e.g. month 0 of 2026 → 2025-12-01. */
function firstOfMonth(year: number, month: number): number {
  return dayNumber(year, month, 1);
}

function calendarDay(day: number): { year: number; month: number } {
  const [year, month] = dayToIso(day).split('-').map(Number) as [number, number];
  return { year, month };
}

/**
 * The inclusive days of a preset period, seen from local day number `today`. "This month" runs
 * from its first day to today.
 *
 * @example
 * presetReportRange('lastMonth', dayNumber(2026, 1, 15))   // { from: '2025-12-01', to: '2025-12-31' }
 * presetReportRange('lastQuarter', dayNumber(2026, 5, 2))  // { from: '2026-01-01', to: '2026-03-31' }
 */
export function presetReportRange(period: Exclude<ReportPeriod, 'custom'>, today: number): DayRange {
  const { year, month } = calendarDay(today);
  switch (period) {
    case 'thisMonth':
      return { from: dayToIso(firstOfMonth(year, month)), to: dayToIso(today) };
    case 'lastMonth':
      return { from: dayToIso(firstOfMonth(year, month - 1)), to: dayToIso(firstOfMonth(year, month) - 1) };
    case 'lastQuarter': {
      const quarterStart = month - ((month - 1) % 3);
      return {
        from: dayToIso(firstOfMonth(year, quarterStart - 3)),
        to: dayToIso(firstOfMonth(year, quarterStart) - 1),
      };
    }
  }
}

/** The days to ask for: a preset's, or the custom days when they are a valid range; else null. */
export function reportRange(period: ReportPeriod, custom: DayRange, today: number): DayRange | null {
  return period === 'custom' ? validRange(custom) : presetReportRange(period, today);
}
