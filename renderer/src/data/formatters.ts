/**
 * Numbers, sizes and times the way the user reads them: in the UI language, and times in the
 * workspace's time zone (not the computer's), so "Monday 09:00" means the same to everyone.
 */
import { useMemo } from 'react';
import type { Locale } from '../../../shared/workspace';
import { useLanguage } from '../stores/language';
import { useSession } from '../stores/session';

export interface Formatters {
  number(n: number): string;
  /** 1234.56 → "1,234.6": scores and model estimates, one decimal is all they carry. */
  decimal(n: number): string;
  /** 0.93 → "93%". */
  percent(fraction: number): string;
  /** 1536 → "1.5 KB". */
  bytes(n: number): string;
  /** UTC ms → date and time in the workspace time zone. */
  dateTime(ms: number): string;
  /** UTC ms → the date in the workspace time zone. */
  date(ms: number): string;
  money(amount: number): string;
}

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte'] as const;

/** "2024-03-05 08:00" from the parts of a formatted date: one unambiguous shape in every language. */
function isoLike(format: Intl.DateTimeFormat, ms: number, withTime: boolean): string {
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(ms)) parts[part.type] = part.value;
  const date = `${parts['year']}-${parts['month']}-${parts['day']}`;
  return withTime ? `${date} ${parts['hour']}:${parts['minute']}` : date;
}

/**
 * Formatters for a language, time zone and currency.
 *
 * @example
 * makeFormatters('en', 'Asia/Shanghai', 'CNY').dateTime(0) // '1970-01-01 08:00'
 */
export function makeFormatters(language: Locale, timeZone: string, currency: string): Formatters {
  const number = new Intl.NumberFormat(language);
  const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  // Numeric parts only; the order is ours (year first), so 03/05 never means two different days.
  const dateTime = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const money = new Intl.NumberFormat(language, { style: 'currency', currency });
  const bytes = BYTE_UNITS.map(
    (unit) => new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }),
  );
  return {
    number: (n) => number.format(n),
    decimal: (n) => decimal.format(n),
    percent: (f) => percent.format(f),
    bytes(n) {
      if (n < 1024) return `${number.format(n)} B`;
      let value = n / 1024;
      let step = 0;
      while (value >= 1024 && step < BYTE_UNITS.length - 1) {
        value /= 1024;
        step += 1;
      }
      return (bytes[step] ?? number).format(value);
    },
    dateTime: (ms) => isoLike(dateTime, ms, true),
    date: (ms) => isoLike(dateTime, ms, false),
    money: (amount) => money.format(amount),
  };
}

/** Formatters for the UI language and the open workspace's time zone and currency. */
export function useFormatters(): Formatters {
  const language = useLanguage((s) => s.language);
  const timeZone = useSession((s) => s.workspace?.timeZone ?? 'UTC');
  const currency = useSession((s) => s.workspace?.currency ?? 'USD');
  return useMemo(() => makeFormatters(language, timeZone, currency), [language, timeZone, currency]);
}
