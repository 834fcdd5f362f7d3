import { describe, expect, it } from 'vitest';
import { emptyPerformance } from '../../shared/calendar';
import {
  findConflicts,
  findGaps,
  findOverloads,
  highValueByQuarter,
  isoWeekStart,
  quarterOf,
  quarterRange,
  type PlannedItem,
} from '../../shared/calendar/checks';

const item = (key: string, over: Partial<PlannedItem>): PlannedItem => ({
  key,
  title: key,
  channel: 'Weibo',
  owner: null,
  status: 'draft',
  start: null,
  durationMin: 60,
  allDay: false,
  seriesId: null,
  highValue: false,
  performance: emptyPerformance,
  ...over,
});

describe('findConflicts', () => {
  it('reports overlapping posts on one channel, not touching ones', () => {
    const items = [
      item('a', { start: '2026-11-24T09:00', durationMin: 60 }),
      item('b', { start: '2026-11-24T09:30', durationMin: 30 }),
      // Starts as a and b end: no clash.
      item('c', { start: '2026-11-24T10:00', durationMin: 30 }),
    ];
    expect(findConflicts(items)).toEqual([{ channel: 'Weibo', keys: ['a', 'b'], start: '2026-11-24T09:00' }]);
  });

  it('reports a chain of overlaps as one cluster, keys by start then key', () => {
    const items = [
      item('z', { start: '2026-11-24T10:45', durationMin: 30 }),
      item('y', { start: '2026-11-24T10:00', durationMin: 60 }),
      item('x', { start: '2026-11-24T09:00', durationMin: 90 }),
      item('w', { start: '2026-11-24T09:00', durationMin: 15 }),
    ];
    // x 09:00–10:30 overlaps y 10:00–11:00, which overlaps z 10:45–11:15; z does not touch x.
    expect(findConflicts(items)).toEqual([{ channel: 'Weibo', keys: ['w', 'x', 'y', 'z'], start: '2026-11-24T09:00' }]);
  });

  it('clashes across midnight by minute arithmetic', () => {
    const items = [
      item('late', { start: '2026-12-31T23:30', durationMin: 60 }),
      item('early', { start: '2027-01-01T00:15', durationMin: 30 }),
    ];
    expect(findConflicts(items)).toEqual([{ channel: 'Weibo', keys: ['late', 'early'], start: '2026-12-31T23:30' }]);
  });

  it('lets a timed post sit on an all-day theme day; all-day items clash with each other', () => {
    const items = [
      item('theme', { start: '2026-11-24T00:00', allDay: true, durationMin: 1440 }),
      item('post', { start: '2026-11-24T09:00' }),
      item('theme2', { start: '2026-11-23T00:00', allDay: true, durationMin: 2880 }),
      item('next', { start: '2026-11-25T00:00', allDay: true, durationMin: 1440 }),
    ];
    // theme2 covers the 23rd and 24th: it clashes with theme, and next (the 25th) with neither.
    expect(findConflicts(items)).toEqual([{ channel: 'Weibo', keys: ['theme2', 'theme'], start: '2026-11-23T00:00' }]);
  });

  it('ignores other channels, cancelled items, and items without a start or channel', () => {
    const items = [
      item('a', { start: '2026-11-24T09:00' }),
      item('b', { start: '2026-11-24T09:00', channel: '小红书' }),
      item('c', { start: '2026-11-24T09:00', status: 'cancelled' }),
      item('d', { start: '2026-11-24T09:00', channel: null }),
      item('e', { start: null }),
    ];
    expect(findConflicts(items)).toEqual([]);
  });

  it('sorts conflicts by start', () => {
    const items = [
      item('a', { channel: 'Weibo', start: '2026-11-25T09:00' }),
      item('b', { channel: 'Weibo', start: '2026-11-25T09:10' }),
      item('c', { channel: '公众号', start: '2026-11-24T20:00' }),
      item('d', { channel: '公众号', start: '2026-11-24T20:00' }),
    ];
    expect(findConflicts(items).map((c) => [c.channel, c.start, c.keys])).toEqual([
      ['公众号', '2026-11-24T20:00', ['c', 'd']],
      ['Weibo', '2026-11-25T09:00', ['a', 'b']],
    ]);
  });
});

describe('findGaps', () => {
  const promise = (seriesId: number, date: string, channel: string | null = 'Weibo') => ({
    seriesId,
    title: `series ${seriesId}`,
    channel,
    date,
  });

  it('leaves a gap where an occurrence was moved away; another post on the channel fills it', () => {
    const promises = [promise(3, '2026-11-24'), promise(3, '2026-12-01'), promise(4, '2026-11-24', null)];
    const items = [
      // The occurrence of the 24th moved to the 26th.
      item('s3@2026-11-24T09:00', { seriesId: 3, start: '2026-11-26T09:00' }),
      // Someone else posts on Weibo on 1 December.
      item('i9', { start: '2026-12-01T18:00' }),
    ];
    expect(findGaps(promises, items)).toEqual([promise(3, '2026-11-24'), promise(4, '2026-11-24', null)]);
  });

  it('is kept by an item of the series, even on another channel; not by a cancelled one', () => {
    const promises = [promise(3, '2026-11-24'), promise(3, '2026-11-25')];
    const items = [
      item('a', { seriesId: 3, channel: '公众号', start: '2026-11-24T20:00' }),
      item('b', { seriesId: 3, start: '2026-11-25T09:00', status: 'cancelled' }),
    ];
    expect(findGaps(promises, items)).toEqual([promise(3, '2026-11-25')]);
  });

  it('sorts by date, then series', () => {
    const promises = [promise(5, '2026-11-25'), promise(4, '2026-11-25'), promise(9, '2026-11-24')];
    expect(findGaps(promises, []).map((g) => [g.date, g.seriesId])).toEqual([
      ['2026-11-24', 9],
      ['2026-11-25', 4],
      ['2026-11-25', 5],
    ]);
  });
});

describe('findOverloads', () => {
  it('counts per owner per ISO week across a year boundary', () => {
    expect(isoWeekStart('2026-12-31')).toBe('2026-12-28');
    expect(isoWeekStart('2027-01-03T23:59')).toBe('2026-12-28');
    expect(isoWeekStart('2027-01-04')).toBe('2027-01-04');
    expect(isoWeekStart('2026-11-23')).toBe('2026-11-23');
    const items = [
      item('a', { owner: 'Li', start: '2026-12-28T09:00' }),
      item('b', { owner: 'Li', start: '2026-12-31T09:00' }),
      item('c', { owner: 'Li', start: '2027-01-03T09:00' }),
      item('d', { owner: 'Li', start: '2027-01-04T09:00' }),
      item('e', { owner: 'Li', start: '2027-01-01T09:00', status: 'cancelled' }),
      item('f', { owner: 'Wang', start: '2027-01-01T09:00' }),
      item('g', { owner: 'Wang', start: '2027-01-02T09:00' }),
      item('h', { owner: null, start: '2027-01-02T09:00' }),
      item('i', { owner: 'Li', start: null }),
    ];
    expect(findOverloads(items, { default: 2, owners: {} })).toEqual([
      { owner: 'Li', week: '2026-12-28', count: 3, limit: 2 },
    ]);
    // Per-owner limits override the default.
    expect(findOverloads(items, { default: 5, owners: { Wang: 1 } })).toEqual([
      { owner: 'Wang', week: '2026-12-28', count: 2, limit: 1 },
    ]);
    expect(findOverloads(items, { default: 1, owners: { Li: 3 } })).toEqual([
      { owner: 'Wang', week: '2026-12-28', count: 2, limit: 1 },
    ]);
  });

  it('does not read limits off Object.prototype', () => {
    const items = [
      item('a', { owner: 'constructor', start: '2026-11-24T09:00' }),
      item('b', { owner: 'constructor', start: '2026-11-25T09:00' }),
    ];
    expect(findOverloads(items, { default: 1, owners: {} })).toEqual([
      { owner: 'constructor', week: '2026-11-23', count: 2, limit: 1 },
    ]);
  });
});

describe('quarters', () => {
  it('names and bounds quarters', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31T23:59')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-11-24')).toBe('2026-Q4');
    expect(quarterRange('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterRange('2028-Q1')).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(quarterRange('2026-Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarterRange('2026-Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(quarterRange('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(() => quarterRange('2026-Q5')).toThrow(RangeError);
  });

  it('tracks high-value events against the target', () => {
    const participants = (n: number | null) => ({ ...emptyPerformance, participants: n });
    const items = [
      item('a', { highValue: true, start: '2026-10-10T14:00', performance: participants(1500) }),
      item('b', { highValue: true, start: '2026-12-31T14:00', performance: participants(1000) }),
      item('c', { highValue: true, start: '2026-11-10T14:00', performance: participants(999) }),
      item('d', { highValue: true, start: '2026-11-11T14:00' }),
      item('e', { highValue: true, start: '2026-11-12T14:00', status: 'cancelled', performance: participants(5000) }),
      item('f', { highValue: false, start: '2026-11-13T14:00', performance: participants(5000) }),
      item('g', { highValue: true, start: '2027-01-01T00:00', performance: participants(5000) }),
      item('h', { highValue: true, start: null }),
    ];
    expect(
      highValueByQuarter(items, { perQuarter: 3, minParticipants: 1000 }, ['2026-Q3', '2026-Q4', '2027-Q1']),
    ).toEqual([
      { quarter: '2026-Q3', target: 3, planned: 0, met: 0, minParticipants: 1000 },
      { quarter: '2026-Q4', target: 3, planned: 4, met: 2, minParticipants: 1000 },
      { quarter: '2027-Q1', target: 3, planned: 1, met: 1, minParticipants: 1000 },
    ]);
  });
});
