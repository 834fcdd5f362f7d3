import { RRule } from 'rrule';
import { describe, expect, it } from 'vitest';
import type { Recurrence } from '../../shared/calendar';
import { describeRule, expandOccurrences, toRRule, weekdayOf } from '../../shared/calendar/recurrence';
import { wallClockToUtc } from '../../shared/time';

const rule = (over: Partial<Recurrence>): Recurrence => ({
  freq: 'daily',
  interval: 1,
  byWeekday: [],
  byMonthDay: null,
  byNthWeekday: null,
  end: { kind: 'never' },
  ...over,
});

const HOUR = 3_600_000;
const instant = (tz: string, local: string): number => wallClockToUtc(tz)(Date.parse(`${local}:00Z`));

describe('expandOccurrences', () => {
  it('keeps a daily 09:00 at 09:00 across the New York spring-forward (23 h apart)', () => {
    const starts = expandOccurrences('2026-03-01T09:00', rule({ freq: 'daily' }), '2026-03-07', '2026-03-09');
    expect(starts).toEqual(['2026-03-07T09:00', '2026-03-08T09:00', '2026-03-09T09:00']);
    const [a, b, c] = starts.map((s) => instant('America/New_York', s));
    expect(a).toBe(Date.UTC(2026, 2, 7, 14)); // EST, UTC−5
    expect(b).toBe(Date.UTC(2026, 2, 8, 13)); // EDT, UTC−4
    expect((b ?? 0) - (a ?? 0)).toBe(23 * HOUR);
    expect((c ?? 0) - (b ?? 0)).toBe(24 * HOUR);
  });

  it('keeps a daily 09:00 at 09:00 across the Berlin fall-back (25 h apart)', () => {
    const starts = expandOccurrences('2026-10-01T09:00', rule({ freq: 'daily' }), '2026-10-24', '2026-10-26');
    expect(starts).toEqual(['2026-10-24T09:00', '2026-10-25T09:00', '2026-10-26T09:00']);
    const [a, b, c] = starts.map((s) => instant('Europe/Berlin', s));
    expect(a).toBe(Date.UTC(2026, 9, 24, 7)); // CEST, UTC+2
    expect(b).toBe(Date.UTC(2026, 9, 25, 8)); // CET, UTC+1
    expect((b ?? 0) - (a ?? 0)).toBe(25 * HOUR);
    expect((c ?? 0) - (b ?? 0)).toBe(24 * HOUR);
  });

  it('falls on the last day of every month, 29 February in a leap year', () => {
    const last = rule({ freq: 'monthly', byMonthDay: -1 });
    expect(expandOccurrences('2026-01-31T10:00', last, '2026-01-01', '2026-04-30')).toEqual([
      '2026-01-31T10:00',
      '2026-02-28T10:00',
      '2026-03-31T10:00',
      '2026-04-30T10:00',
    ]);
    expect(expandOccurrences('2026-01-31T10:00', last, '2028-02-01', '2028-02-29')).toEqual(['2028-02-29T10:00']);
  });

  it('skips months without the day for a monthly rule on day 31 (explicit or from the start)', () => {
    const expected = [
      '2026-01-31T10:00',
      '2026-03-31T10:00',
      '2026-05-31T10:00',
      '2026-07-31T10:00',
      '2026-08-31T10:00',
    ];
    expect(
      expandOccurrences('2026-01-31T10:00', rule({ freq: 'monthly', byMonthDay: 31 }), '2026-01-01', '2026-08-31'),
    ).toEqual(expected);
    expect(expandOccurrences('2026-01-31T10:00', rule({ freq: 'monthly' }), '2026-01-01', '2026-08-31')).toEqual(
      expected,
    );
  });

  it('falls on the last Friday and the 2nd Wednesday', () => {
    const lastFriday = rule({ freq: 'monthly', byNthWeekday: { nth: -1, weekday: 'FR' } });
    expect(expandOccurrences('2026-01-30T19:00', lastFriday, '2026-01-01', '2026-04-30')).toEqual([
      '2026-01-30T19:00',
      '2026-02-27T19:00',
      '2026-03-27T19:00',
      '2026-04-24T19:00',
    ]);
    const secondWednesday = rule({ freq: 'monthly', byNthWeekday: { nth: 2, weekday: 'WE' } });
    expect(expandOccurrences('2026-01-01T12:00', secondWednesday, '2026-01-01', '2026-03-31')).toEqual([
      '2026-01-14T12:00',
      '2026-02-11T12:00',
      '2026-03-11T12:00',
    ]);
  });

  it('counts a count end from the series start, even when the range starts later', () => {
    const fiveDays = rule({ freq: 'daily', end: { kind: 'count', count: 5 } });
    // Occurrences: 1st to 5th of November; the range sees the 4th and 5th only.
    expect(expandOccurrences('2026-11-01T08:00', fiveDays, '2026-11-04', '2026-11-30')).toEqual([
      '2026-11-04T08:00',
      '2026-11-05T08:00',
    ]);
  });

  it('includes occurrences on the until date, at any time of day', () => {
    const untilThird = rule({ freq: 'daily', end: { kind: 'until', date: '2026-11-03' } });
    expect(expandOccurrences('2026-11-01T23:30', untilThird, '2026-11-01', '2026-11-30')).toEqual([
      '2026-11-01T23:30',
      '2026-11-02T23:30',
      '2026-11-03T23:30',
    ]);
  });

  it('repeats every 2 weeks on Monday and Thursday', () => {
    // 2026-11-02 is a Monday.
    const everyOtherWeek = rule({ freq: 'weekly', interval: 2, byWeekday: ['TH', 'MO'] });
    expect(expandOccurrences('2026-11-02T18:00', everyOtherWeek, '2026-11-01', '2026-12-06')).toEqual([
      '2026-11-02T18:00',
      '2026-11-05T18:00',
      '2026-11-16T18:00',
      '2026-11-19T18:00',
      '2026-11-30T18:00',
      '2026-12-03T18:00',
    ]);
  });

  it("uses the start's weekday for a weekly rule without days, and skips a start off the rule's days", () => {
    expect(expandOccurrences('2026-11-24T09:00', rule({ freq: 'weekly' }), '2026-11-01', '2026-12-08')).toEqual([
      '2026-11-24T09:00',
      '2026-12-01T09:00',
      '2026-12-08T09:00',
    ]);
    // Started on a Tuesday, the rule says Thursdays: the Tuesday is not an occurrence.
    expect(
      expandOccurrences('2026-11-24T09:00', rule({ freq: 'weekly', byWeekday: ['TH'] }), '2026-11-01', '2026-12-03'),
    ).toEqual(['2026-11-26T09:00', '2026-12-03T09:00']);
  });

  it('respects a daily interval and returns nothing before the start or for an inverted range', () => {
    expect(expandOccurrences('2026-11-01T07:00', rule({ interval: 3 }), '2026-11-01', '2026-11-10')).toEqual([
      '2026-11-01T07:00',
      '2026-11-04T07:00',
      '2026-11-07T07:00',
      '2026-11-10T07:00',
    ]);
    expect(expandOccurrences('2026-11-01T07:00', rule({}), '2026-10-01', '2026-10-31')).toEqual([]);
    expect(expandOccurrences('2026-11-01T07:00', rule({}), '2026-11-05', '2026-11-04')).toEqual([]);
  });

  it('never returns more than the limit', () => {
    expect(expandOccurrences('2026-01-01T09:00', rule({}), '2026-01-01', '2040-12-31')).toHaveLength(5000);
    expect(expandOccurrences('2026-01-01T09:00', rule({}), '2026-01-01', '2026-12-31', 3)).toEqual([
      '2026-01-01T09:00',
      '2026-01-02T09:00',
      '2026-01-03T09:00',
    ]);
    expect(expandOccurrences('2026-01-01T09:00', rule({}), '2026-01-01', '2026-12-31', 0)).toEqual([]);
  });

  it('refuses malformed times', () => {
    expect(() => expandOccurrences('2026-01-01 09:00', rule({}), '2026-01-01', '2026-01-31')).toThrow(RangeError);
  });
});

describe('toRRule', () => {
  it('writes RFC 5545 rule text', () => {
    expect(toRRule(rule({ freq: 'weekly' }), '2026-11-24T09:00')).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=TU');
    expect(toRRule(rule({ freq: 'weekly', interval: 2, byWeekday: ['TH', 'MO'] }), '2026-11-02T09:00')).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
    );
    expect(toRRule(rule({ freq: 'monthly', byMonthDay: -1 }), '2026-01-31T10:00')).toBe(
      'FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=-1',
    );
    expect(toRRule(rule({ freq: 'monthly', byNthWeekday: { nth: -1, weekday: 'FR' } }), '2026-01-30T19:00')).toBe(
      'FREQ=MONTHLY;INTERVAL=1;BYDAY=-1FR',
    );
    expect(toRRule(rule({ freq: 'monthly', byNthWeekday: { nth: 2, weekday: 'WE' } }), '2026-01-14T19:00')).toBe(
      'FREQ=MONTHLY;INTERVAL=1;BYDAY=2WE',
    );
    expect(toRRule(rule({ freq: 'monthly' }), '2026-01-15T10:00')).toBe('FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=15');
    expect(toRRule(rule({ end: { kind: 'count', count: 10 } }), '2026-01-15T10:00')).toBe(
      'FREQ=DAILY;INTERVAL=1;COUNT=10',
    );
  });

  it('writes an until end floating, or in UTC when given the instant', () => {
    const until = rule({ freq: 'weekly', byWeekday: ['TU'], end: { kind: 'until', date: '2026-12-31' } });
    expect(toRRule(until, '2026-11-24T09:00')).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20261231T235959');
    // 23:59:59 on 31 December in Shanghai (UTC+8) is 15:59:59 UTC.
    expect(toRRule(until, '2026-11-24T09:00', { untilUtcMs: Date.UTC(2026, 11, 31, 15, 59, 59) })).toBe(
      'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20261231T155959Z',
    );
  });

  it('round-trips through rrule to the same occurrences', () => {
    const start = '2026-01-30T19:00';
    const r = rule({ freq: 'monthly', byNthWeekday: { nth: -1, weekday: 'FR' }, end: { kind: 'count', count: 4 } });
    const parsed = new RRule({ ...RRule.parseString(toRRule(r, start)), dtstart: new Date(Date.UTC(2026, 0, 30, 19)) });
    const fromText = parsed.all().map((d) => d.toISOString().slice(0, 16));
    expect(fromText).toEqual(expandOccurrences(start, r, '2026-01-01', '2026-12-31'));
  });
});

describe('describeRule', () => {
  it('words rules in English', () => {
    expect(describeRule(rule({}), '2026-11-24T09:00', 'en')).toBe('Every day');
    expect(describeRule(rule({ interval: 3 }), '2026-11-24T09:00', 'en')).toBe('Every 3 days');
    expect(describeRule(rule({ freq: 'weekly' }), '2026-11-24T09:00', 'en')).toBe('Every week on Tue');
    expect(describeRule(rule({ freq: 'weekly', interval: 2, byWeekday: ['TH', 'MO'] }), '2026-11-24T09:00', 'en')).toBe(
      'Every 2 weeks on Mon, Thu',
    );
    expect(describeRule(rule({ freq: 'monthly', byMonthDay: 15 }), '2026-11-24T09:00', 'en')).toBe(
      'Every month on day 15',
    );
    expect(describeRule(rule({ freq: 'monthly' }), '2026-11-24T09:00', 'en')).toBe('Every month on day 24');
    expect(describeRule(rule({ freq: 'monthly', byMonthDay: -1 }), '2026-11-24T09:00', 'en')).toBe(
      'Every month on the last day',
    );
    expect(
      describeRule(rule({ freq: 'monthly', byNthWeekday: { nth: -1, weekday: 'FR' } }), '2026-11-24T09:00', 'en'),
    ).toBe('Every month on the last Fri');
    expect(
      describeRule(rule({ freq: 'monthly', byNthWeekday: { nth: 2, weekday: 'WE' } }), '2026-11-24T09:00', 'en'),
    ).toBe('Every month on the 2nd Wed');
    expect(describeRule(rule({ end: { kind: 'count', count: 10 } }), '2026-11-24T09:00', 'en')).toBe(
      'Every day, 10 times',
    );
    expect(describeRule(rule({ end: { kind: 'until', date: '2026-12-31' } }), '2026-11-24T09:00', 'en')).toBe(
      'Every day, until 2026-12-31',
    );
  });

  it('words rules in Chinese', () => {
    expect(describeRule(rule({}), '2026-11-24T09:00', 'zh-CN')).toBe('每天');
    expect(describeRule(rule({ freq: 'weekly' }), '2026-11-24T09:00', 'zh-CN')).toBe('每周二');
    expect(
      describeRule(rule({ freq: 'weekly', interval: 2, byWeekday: ['TH', 'MO'] }), '2026-11-24T09:00', 'zh-CN'),
    ).toBe('每 2 周：周一、周四');
    expect(describeRule(rule({ freq: 'monthly', byMonthDay: 15 }), '2026-11-24T09:00', 'zh-CN')).toBe('每月 15 日');
    expect(describeRule(rule({ freq: 'monthly', byMonthDay: -1 }), '2026-11-24T09:00', 'zh-CN')).toBe('每月最后一天');
    expect(
      describeRule(rule({ freq: 'monthly', byNthWeekday: { nth: -1, weekday: 'FR' } }), '2026-11-24T09:00', 'zh-CN'),
    ).toBe('每月最后一个周五');
    expect(
      describeRule(rule({ freq: 'monthly', byNthWeekday: { nth: 2, weekday: 'WE' } }), '2026-11-24T09:00', 'zh-CN'),
    ).toBe('每月第 2 个周三');
    expect(describeRule(rule({ freq: 'weekly', end: { kind: 'count', count: 10 } }), '2026-11-24T09:00', 'zh-CN')).toBe(
      '每周二，共 10 次',
    );
    expect(describeRule(rule({ end: { kind: 'until', date: '2026-12-31' } }), '2026-11-24T09:00', 'zh-CN')).toBe(
      '每天，至 2026-12-31',
    );
  });

  it('knows the weekday of a start', () => {
    expect(weekdayOf('2026-11-24T09:00')).toBe('TU');
    expect(weekdayOf('2026-11-29T09:00')).toBe('SU');
  });
});
