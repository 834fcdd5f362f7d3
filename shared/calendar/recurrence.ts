/**
 * Recurring series: their occurrences, their RFC 5545 RRULE text and a short description.
 *
 * A series lives in wall-clock terms ("09:00 every Tuesday"), so occurrences are expanded as
 * *floating* times: each wall-clock time is carried as the UTC Date with the same digits and read
 * back with getUTC*. No time zone enters here, which is what keeps 09:00 at 09:00 across DST
 * changes; the services turn each local start into an instant with shared/time.ts afterwards.
 * (rrule's own tzid support would need the host's zone database and shifts with the host's zone.)
 */
import * as rruleModule from 'rrule';
import type { Options, Weekday as RRuleWeekday } from 'rrule';
import { weekdays, type Recurrence, type Weekday } from '../calendar';

/*
 * rrule 2.8 ships an ESM build under "module" and a UMD build under "main", with no "exports".
 * Bundlers (Vite, vitest) load the ESM build and see named exports; Node's own ESM loader (tsx,
 * the externalized services bundle) loads the UMD build, whose exports sit on `default` only.
 */
const { RRule } = ('RRule' in rruleModule ? rruleModule : Reflect.get(rruleModule, 'default')) as typeof rruleModule;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const rruleDays: Record<Weekday, RRuleWeekday> = {
  MO: RRule.MO,
  TU: RRule.TU,
  WE: RRule.WE,
  TH: RRule.TH,
  FR: RRule.FR,
  SA: RRule.SA,
  SU: RRule.SU,
};

/** 'YYYY-MM-DDTHH:mm' → the floating Date with the same digits; throws on malformed text. */
function floatingFromLocal(local: string): Date {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) throw new RangeError(`Not a local time (YYYY-MM-DDTHH:mm): ${local}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])));
}

/** 'YYYY-MM-DD' plus a time of day → the floating Date; throws on malformed text. */
function floatingFromDate(date: string, hours: number, minutes: number, seconds: number, ms = 0): Date {
  const m = LOCAL_DATE.exec(date);
  if (!m) throw new RangeError(`Not a local date (YYYY-MM-DD): ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hours, minutes, seconds, ms));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A floating Date → 'YYYY-MM-DDTHH:mm'. */
function localFromFloating(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * The weekday of a local start, as iCalendar names it.
 *
 * @example
 * weekdayOf('2026-11-24T09:00') // 'TU'
 */
export function weekdayOf(start: string): Weekday {
  // getUTCDay counts from Sunday; `weekdays` starts on Monday.
  const day = floatingFromLocal(start).getUTCDay();
  return weekdays[(day + 6) % 7] ?? 'MO';
}

/** The weekly days a rule means: its own, in Monday-first order, or the start's weekday. */
function weeklyDays(rule: Recurrence, start: string): Weekday[] {
  if (rule.byWeekday.length === 0) return [weekdayOf(start)];
  return weekdays.filter((d) => rule.byWeekday.includes(d));
}

/** rrule options for a series (without its end). */
function rruleOptions(rule: Recurrence, start: string): Partial<Options> {
  const options: Partial<Options> = { dtstart: floatingFromLocal(start), interval: rule.interval, wkst: RRule.MO };
  switch (rule.freq) {
    case 'daily':
      options.freq = RRule.DAILY;
      break;
    case 'weekly':
      options.freq = RRule.WEEKLY;
      options.byweekday = weeklyDays(rule, start).map((d) => rruleDays[d]);
      break;
    case 'monthly':
      options.freq = RRule.MONTHLY;
      // A day of the month wins over an nth weekday should a caller set both.
      if (rule.byMonthDay !== null) options.bymonthday = rule.byMonthDay;
      else if (rule.byNthWeekday !== null)
        options.byweekday = rruleDays[rule.byNthWeekday.weekday].nth(rule.byNthWeekday.nth);
      else options.bymonthday = floatingFromLocal(start).getUTCDate();
      break;
  }
  return options;
}

/**
 * The local starts ('YYYY-MM-DDTHH:mm') of a series' occurrences whose local date lies in
 * [fromDate, toDate] (both included), ascending, at most `limit` of them.
 *
 * DTSTART semantics follow RFC 5545 as rrule implements them: `start` is the first occurrence
 * only when it matches the rule (a weekly rule on Mon/Thu started on a Tuesday begins on the
 * Thursday). A `count` end counts from the series start, not from `fromDate`; an `until` end
 * includes every occurrence on the until date. A monthly rule without a day falls on the start's
 * day of the month and, as RFC 5545 says, skips months without that day (day 31 skips April):
 * the UI offers "last day" (byMonthDay -1) for month ends.
 *
 * @example
 * expandOccurrences('2026-11-24T09:00', { freq: 'weekly', interval: 1, byWeekday: [], byMonthDay: null,
 *   byNthWeekday: null, end: { kind: 'count', count: 3 } }, '2026-11-01', '2026-12-31')
 * // ['2026-11-24T09:00', '2026-12-01T09:00', '2026-12-08T09:00']
 */
export function expandOccurrences(
  start: string,
  rule: Recurrence,
  fromDate: string,
  toDate: string,
  limit = 5000,
): string[] {
  const after = floatingFromDate(fromDate, 0, 0, 0);
  const before = floatingFromDate(toDate, 23, 59, 59, 999);
  if (limit <= 0 || after > before) return [];
  const options = rruleOptions(rule, start);
  if (rule.end.kind === 'count') options.count = rule.end.count;
  // Any time on the until date counts; starts carry whole minutes, so 23:59:59 covers the day.
  if (rule.end.kind === 'until') options.until = floatingFromDate(rule.end.date, 23, 59, 59);
  const dates = new RRule(options).between(after, before, true, (_d, len) => len < limit);
  return dates.map(localFromFloating);
}

/** 20261231T235959 from a date's UTC fields. */
function icalStamp(d: Date): string {
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

/**
 * The RFC 5545 RRULE value (without the 'RRULE:' prefix) of a series started at `start`.
 * INTERVAL is always written (1 included). A weekly rule always names its
 * BYDAY (the start's weekday when the rule has none). An until end is written as the until
 * date's last second: in UTC ('…Z') when the caller supplies that instant (required when DTSTART
 * carries a TZID), else floating, matching a floating DTSTART.
 *
 * @example
 * toRRule({ freq: 'weekly', interval: 1, byWeekday: [], byMonthDay: null, byNthWeekday: null,
 *   end: { kind: 'never' } }, '2026-11-24T09:00') // 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU'
 * toRRule({ freq: 'monthly', interval: 1, byWeekday: [], byMonthDay: null,
 *   byNthWeekday: { nth: -1, weekday: 'FR' }, end: { kind: 'count', count: 10 } }, '2026-11-27T19:00')
 * // 'FREQ=MONTHLY;INTERVAL=1;BYDAY=-1FR;COUNT=10'
 */
export function toRRule(rule: Recurrence, start: string, options: { untilUtcMs?: number } = {}): string {
  // INTERVAL is always written, 1 included, so every rule text reads the same way.
  const parts = [`FREQ=${rule.freq.toUpperCase()}`, `INTERVAL=${rule.interval}`];
  if (rule.freq === 'weekly') parts.push(`BYDAY=${weeklyDays(rule, start).join(',')}`);
  if (rule.freq === 'monthly') {
    if (rule.byMonthDay !== null) parts.push(`BYMONTHDAY=${rule.byMonthDay}`);
    else if (rule.byNthWeekday !== null) parts.push(`BYDAY=${rule.byNthWeekday.nth}${rule.byNthWeekday.weekday}`);
    else parts.push(`BYMONTHDAY=${floatingFromLocal(start).getUTCDate()}`);
  }
  if (rule.end.kind === 'count') parts.push(`COUNT=${rule.end.count}`);
  if (rule.end.kind === 'until') {
    parts.push(
      options.untilUtcMs === undefined
        ? `UNTIL=${icalStamp(floatingFromDate(rule.end.date, 23, 59, 59))}`
        : `UNTIL=${icalStamp(new Date(options.untilUtcMs))}Z`,
    );
  }
  return parts.join(';');
}

const enDays: Record<Weekday, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };
const zhDays: Record<Weekday, string> = {
  MO: '周一',
  TU: '周二',
  WE: '周三',
  TH: '周四',
  FR: '周五',
  SA: '周六',
  SU: '周日',
};
const enOrdinals: Record<number, string> = { 1: '1st', 2: '2nd', 3: '3rd', 4: '4th' };

function describeEn(rule: Recurrence, start: string): string {
  const every = (unit: string): string => (rule.interval === 1 ? `Every ${unit}` : `Every ${rule.interval} ${unit}s`);
  let text: string;
  if (rule.freq === 'daily') text = every('day');
  else if (rule.freq === 'weekly') {
    text = `${every('week')} on ${weeklyDays(rule, start)
      .map((d) => enDays[d])
      .join(', ')}`;
  } else {
    const nth = rule.byNthWeekday;
    let on: string;
    if (rule.byMonthDay === -1) on = 'the last day';
    else if (rule.byMonthDay !== null) on = `day ${rule.byMonthDay}`;
    else if (nth !== null) on = `the ${nth.nth === -1 ? 'last' : enOrdinals[nth.nth]} ${enDays[nth.weekday]}`;
    else on = `day ${floatingFromLocal(start).getUTCDate()}`;
    text = `${every('month')} on ${on}`;
  }
  if (rule.end.kind === 'count') text += rule.end.count === 1 ? ', once' : `, ${rule.end.count} times`;
  if (rule.end.kind === 'until') text += `, until ${rule.end.date}`;
  return text;
}

function describeZh(rule: Recurrence, start: string): string {
  const n = rule.interval;
  let text: string;
  if (rule.freq === 'daily') text = n === 1 ? '每天' : `每 ${n} 天`;
  else if (rule.freq === 'weekly') {
    const days = weeklyDays(rule, start)
      .map((d) => zhDays[d])
      .join('、');
    // "每周二" reads naturally; with an interval the number needs its own clause.
    text = n === 1 ? `每${days}` : `每 ${n} 周：${days}`;
  } else {
    const nth = rule.byNthWeekday;
    let on: string;
    if (rule.byMonthDay === -1) on = '最后一天';
    else if (rule.byMonthDay !== null) on = ` ${rule.byMonthDay} 日`;
    else if (nth !== null)
      on = nth.nth === -1 ? `最后一个${zhDays[nth.weekday]}` : `第 ${nth.nth} 个${zhDays[nth.weekday]}`;
    else on = ` ${floatingFromLocal(start).getUTCDate()} 日`;
    text = `${n === 1 ? '每月' : `每 ${n} 个月`}${on}`;
  }
  if (rule.end.kind === 'count') text += `，共 ${rule.end.count} 次`;
  if (rule.end.kind === 'until') text += `，至 ${rule.end.date}`;
  return text;
}

/**
 * A short human description of a rule; `start` supplies the weekday or day of the month a rule
 * leaves implicit.
 *
 * @example
 * const rule = { freq: 'weekly', interval: 2, byWeekday: ['TH', 'MO'], byMonthDay: null,
 *   byNthWeekday: null, end: { kind: 'count', count: 10 } } as const;
 * describeRule(rule, '2026-11-02T09:00', 'en') // 'Every 2 weeks on Mon, Thu, 10 times'
 * describeRule(rule, '2026-11-02T09:00', 'zh-CN') // '每 2 周：周一、周四，共 10 次'
 */
export function describeRule(rule: Recurrence, start: string, language: 'zh-CN' | 'en'): string {
  return language === 'en' ? describeEn(rule, start) : describeZh(rule, start);
}
