/**
 * The dashboard's period choices as the contract's days. Presets are rolling windows ending
 * today in the workspace's time zone, so "last 7 days" means the same days to everyone.
 * Pure: `today` is passed in.
 */
import type { KpiRequest } from '../../../shared/kpi';
import { dayToIso } from '../../../shared/time';

export const periodPresets = ['week', 'month', 'quarter', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];
export type Compare = NonNullable<KpiRequest['compare']>;
export const compareChoices = ['previous', 'last_year'] as const satisfies readonly Compare[];

export interface DayRange {
  from: string;
  to: string;
}

const presetDays: Record<Exclude<PeriodPreset, 'custom'>, number> = { week: 7, month: 30, quarter: 90 };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

/**
 * The inclusive days of a preset ending on day number `today`.
 *
 * @example
 * presetRange('week', dayNumber(2026, 3, 10)) // { from: '2026-03-04', to: '2026-03-10' }
 */
export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, today: number): DayRange {
  return { from: dayToIso(today - presetDays[preset] + 1), to: dayToIso(today) };
}

/** True for a real calendar day written YYYY-MM-DD (what a date input gives, or ''). */
export function isIsoDay(text: string): boolean {
  if (!ISO_DAY.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/**
 * A custom range the services accept: both days real, `from` not after `to`; else null.
 *
 * @example
 * validRange({ from: '2026-03-10', to: '2026-03-01' }) // null
 */
export function validRange(range: DayRange): DayRange | null {
  if (!isIsoDay(range.from) || !isIsoDay(range.to)) return null;
  return range.from <= range.to ? range : null;
}

/** The number of days in an inclusive range. */
export function rangeDays(range: DayRange): number {
  return Math.round((Date.parse(range.to) - Date.parse(range.from)) / MS_PER_DAY) + 1;
}
