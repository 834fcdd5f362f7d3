import { describe, expect, it } from 'vitest';
import { colourScale, noValueColour } from '../../renderer/src/calendar/colours';
import { splitHits } from '../../renderer/src/calendar/highlight';
import { newItemForm, toRule, toTiming, weekdayOf } from '../../renderer/src/calendar/itemForm';
import { matchesRef, refKey, refOf } from '../../renderer/src/calendar/refs';
import { groupSum, toSettings, toWords, settingsFormState } from '../../renderer/src/calendar/settingsForm';
import { addMinutes, dateToWall, dayBefore, nowInZone, wallToDate } from '../../renderer/src/calendar/time';
import { defaultCalendarSettings } from '../../shared/calendar';

describe('calendar wall-clock arithmetic', () => {
  it('reads and writes wall-clock text as UTC, whatever the machine zone', () => {
    expect(dateToWall(wallToDate('2026-11-24T09:00'))).toBe('2026-11-24T09:00');
    expect(addMinutes('2026-11-24T23:30', 60)).toBe('2026-11-25T00:30');
    expect(dayBefore(wallToDate('2026-12-01'))).toBe('2026-11-30');
  });
  it('tells the wall clock in a zone', () => {
    // 2026-11-24T01:00Z is 09:00 in Shanghai.
    expect(nowInZone('Asia/Shanghai', Date.UTC(2026, 10, 24, 1, 0, 0))).toBe('2026-11-24T09:00:00');
  });
});

describe('calendar item form', () => {
  it('starts a weekly repeat on the clicked weekday', () => {
    expect(weekdayOf('2026-11-24')).toBe('TU');
    const form = newItemForm('2026-11-24T09:00', false);
    expect(form.repeat.weekdays).toEqual(['TU']);
    expect(toTiming(form.timing)).toEqual({ start: '2026-11-24T09:00', durationMin: 60, allDay: false });
  });
  it('has no timing without a date (an idea) and whole days when all day', () => {
    expect(toTiming({ date: '', time: '09:00', durationMin: '60', allDay: false })).toBeNull();
    expect(toTiming({ date: '2026-11-24', time: '09:00', durationMin: '60', allDay: true })).toEqual({
      start: '2026-11-24T00:00',
      durationMin: 1440,
      allDay: true,
    });
  });
  it('builds the monthly rules', () => {
    const base = newItemForm('2026-11-24T09:00', false).repeat;
    expect(toRule({ ...base, kind: 'none' })).toBeNull();
    expect(toRule({ ...base, kind: 'monthly', monthly: 'last' })?.byMonthDay).toBe(-1);
    expect(toRule({ ...base, kind: 'monthly', monthly: 'nth', nth: '-1', nthWeekday: 'FR' })?.byNthWeekday).toEqual({
      nth: -1,
      weekday: 'FR',
    });
    expect(toRule({ ...base, kind: 'weekly', weekdays: ['TH', 'MO'], end: 'count', count: '4' })).toMatchObject({
      byWeekday: ['MO', 'TH'],
      end: { kind: 'count', count: 4 },
    });
  });
});

describe('calendar refs, colours and hits', () => {
  it('names stored items by id and occurrences by series and start', () => {
    expect(refOf({ id: 3, seriesId: 1, occurrence: null })).toEqual({ id: 3 });
    const occurrence = refOf({ id: null, seriesId: 1, occurrence: '2026-11-24T09:00' });
    expect(refKey(occurrence)).toBe('s1@2026-11-24T09:00');
    expect(matchesRef({ id: 9, seriesId: 1, occurrence: '2026-11-24T09:00' }, occurrence)).toBe(true);
  });
  it('gives each known value its own colour, and unknown or empty values the neutral grey', () => {
    const channels = ['Discord', 'Offline', 'Weibo', 'WeChat group', '公众号', '小红书', '微信群'];
    const colourOf = colourScale(channels);
    expect(new Set(channels.map(colourOf)).size).toBe(channels.length);
    expect(colourOf('Weibo')).toBe(colourScale(channels)('Weibo'));
    expect(colourOf(null)).toBe(noValueColour);
    expect(colourOf('Telegram')).toBe(noValueColour);
  });
  it('splits a text around its hits', () => {
    const hit = { field: 'body' as const, word: '最低价', category: '广告法', start: 4, end: 7 };
    expect(splitHits('本周全网最低价，快来', [hit], 'body').map((r) => r.text)).toEqual([
      '本周全网',
      '最低价',
      '，快来',
    ]);
    expect(splitHits('标题', [hit], 'title')).toEqual([{ text: '标题', hit: null }]);
  });
});

describe('calendar settings form', () => {
  it('round-trips the seed settings and parses word lines', () => {
    const state = settingsFormState(defaultCalendarSettings, []);
    expect(toSettings(state)).toEqual(defaultCalendarSettings);
    expect(groupSum(state.mix.format)).toBe(100);
    expect(toWords('最低价,广告法\n稳赚\n\n')).toEqual([
      { word: '最低价', category: '广告法' },
      { word: '稳赚', category: 'general' },
    ]);
  });
});
