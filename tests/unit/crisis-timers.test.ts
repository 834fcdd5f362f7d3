import { describe, expect, it } from 'vitest';
import { actionTimer, dueFormatter, formatDue, formatDuration } from '../../shared/crisis/timers';

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('actionTimer', () => {
  const due = Date.UTC(2026, 10, 24, 12);

  it('is done whenever doneAt is set, even past the deadline', () => {
    expect(actionTimer({ dueAt: due, doneAt: due + HOUR }, due + 2 * HOUR)).toEqual({
      state: 'done',
      remainingMs: -2 * HOUR,
    });
  });

  it('counts the deadline instant itself as due soon, a millisecond later as overdue', () => {
    expect(actionTimer({ dueAt: due, doneAt: null }, due)).toEqual({ state: 'due_soon', remainingMs: 0 });
    expect(actionTimer({ dueAt: due, doneAt: null }, due + 1)).toEqual({ state: 'overdue', remainingMs: -1 });
    expect(actionTimer({ dueAt: due, doneAt: null }, due + 3 * HOUR).remainingMs).toBe(-3 * HOUR);
  });

  it('is due soon within the window, both ends included, pending before it', () => {
    expect(actionTimer({ dueAt: due, doneAt: null }, due - HOUR).state).toBe('due_soon');
    expect(actionTimer({ dueAt: due, doneAt: null }, due - HOUR - 1)).toEqual({
      state: 'pending',
      remainingMs: HOUR + 1,
    });
    expect(actionTimer({ dueAt: due, doneAt: null }, due - 20 * MINUTE, 15 * MINUTE).state).toBe('pending');
    expect(actionTimer({ dueAt: due, doneAt: null }, due - 10 * MINUTE, 15 * MINUTE).state).toBe('due_soon');
  });
});

describe('formatDue', () => {
  it('marks days relative to now across local midnight in Asia/Shanghai (UTC+8)', () => {
    const now = Date.UTC(2026, 10, 24, 6); // 14:00 local on 11-24
    // 16:30 UTC is 00:30 the next local day.
    expect(formatDue(Date.UTC(2026, 10, 24, 16, 30), now, 'Asia/Shanghai', 'zh-CN')).toBe('明天 00:30');
    expect(formatDue(Date.UTC(2026, 10, 24, 16, 30), now, 'Asia/Shanghai', 'en')).toBe('tomorrow 00:30');
    expect(formatDue(Date.UTC(2026, 10, 24, 15, 59), now, 'Asia/Shanghai', 'en')).toBe('23:59');
    expect(formatDue(Date.UTC(2026, 10, 24, 6, 30), now, 'Asia/Shanghai', 'zh-CN')).toBe('14:30');
    // A due time 24 h ahead is tomorrow at the same wall time.
    expect(formatDue(now + 24 * HOUR, now, 'Asia/Shanghai', 'zh-CN')).toBe('明天 14:00');
    // 48 h ahead is a date.
    expect(formatDue(Date.UTC(2026, 10, 26, 1), now, 'Asia/Shanghai', 'en')).toBe('11-26 09:00');
  });

  it('says yesterday for the previous local day, even when it is the same UTC day', () => {
    const now = Date.UTC(2026, 10, 24, 17); // 01:00 local on 11-25
    expect(formatDue(Date.UTC(2026, 10, 24, 15, 30), now, 'Asia/Shanghai', 'zh-CN')).toBe('昨天 23:30');
    expect(formatDue(Date.UTC(2026, 10, 24, 15, 30), now, 'Asia/Shanghai', 'en')).toBe('yesterday 23:30');
    expect(formatDue(Date.UTC(2026, 10, 23, 1), now, 'Asia/Shanghai', 'en')).toBe('11-23 09:00');
  });

  it('follows the clocks across the DST change in America/New_York (2026-03-08)', () => {
    const now = Date.UTC(2026, 2, 8, 1); // 20:00 EST on 03-07
    // 24 h later the clocks have sprung forward: 21:00 EDT, not 20:00.
    expect(formatDue(now + 24 * HOUR, now, 'America/New_York', 'en')).toBe('tomorrow 21:00');
    expect(formatDue(Date.UTC(2026, 2, 8, 6, 59), now, 'America/New_York', 'en')).toBe('tomorrow 01:59');
    expect(formatDue(Date.UTC(2026, 2, 8, 7), now, 'America/New_York', 'en')).toBe('tomorrow 03:00');
    expect(formatDue(Date.UTC(2026, 2, 8, 4, 59), now, 'America/New_York', 'zh-CN')).toBe('23:59');
    expect(formatDue(Date.UTC(2026, 2, 9, 4), now, 'America/New_York', 'zh-CN')).toBe('03-09 00:00');
  });

  it('adds the year when it differs from now', () => {
    const now = Date.UTC(2026, 11, 31, 2); // 10:00 on 12-31 in Shanghai
    expect(formatDue(Date.UTC(2027, 0, 2, 1), now, 'Asia/Shanghai', 'en')).toBe('2027-01-02 09:00');
    expect(formatDue(Date.UTC(2026, 11, 31, 16), now, 'Asia/Shanghai', 'en')).toBe('tomorrow 00:00');
  });

  it('dueFormatter gives the same answers, reusable across calls', () => {
    const due = dueFormatter('Asia/Shanghai', 'zh-CN');
    const now = Date.UTC(2026, 10, 24, 6);
    expect(due(Date.UTC(2026, 10, 24, 16, 30), now)).toBe('明天 00:30');
    expect(due(Date.UTC(2026, 10, 24, 8), now)).toBe('16:00');
    expect(formatDue(0, 0, 'UTC', 'en')).toBe('00:00');
  });
});

describe('formatDuration', () => {
  it('writes minutes, hours and minutes, days and hours', () => {
    expect(formatDuration(3_900_000, 'zh-CN')).toBe('1小时5分');
    expect(formatDuration(3_900_000, 'en')).toBe('1 h 5 min');
    expect(formatDuration(3 * 24 * HOUR + 2 * HOUR + 59 * MINUTE, 'zh-CN')).toBe('3天2小时');
    expect(formatDuration(3 * 24 * HOUR + 2 * HOUR, 'en')).toBe('3 d 2 h');
    expect(formatDuration(45 * MINUTE + 59_999, 'zh-CN')).toBe('45分钟');
    expect(formatDuration(45 * MINUTE, 'en')).toBe('45 min');
    expect(formatDuration(2 * HOUR, 'zh-CN')).toBe('2小时');
    expect(formatDuration(2 * HOUR, 'en')).toBe('2 h');
    expect(formatDuration(24 * HOUR, 'zh-CN')).toBe('1天');
    expect(formatDuration(24 * HOUR + 30 * MINUTE, 'en')).toBe('1 d');
  });

  it('says under a minute below one minute, and ignores the sign', () => {
    expect(formatDuration(0, 'zh-CN')).toBe('<1 分钟');
    expect(formatDuration(59_999, 'en')).toBe('<1 min');
    expect(formatDuration(-3_900_000, 'en')).toBe('1 h 5 min');
  });
});
