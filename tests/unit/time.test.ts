import { describe, expect, it } from 'vitest';
import { dayNumber, dayResolver, dayToIso, startOfDayResolver, startOfDayUtc, zoneOffsetMs, zoneOffsets } from '../../shared/time';

describe('local days', () => {
  it('counts a 23:30 UTC message on the next day in Asia/Shanghai', () => {
    const dayOf = dayResolver('Asia/Shanghai');
    expect(dayToIso(dayOf(Date.UTC(2026, 0, 1, 23, 30)))).toBe('2026-01-02');
    expect(dayToIso(dayOf(Date.UTC(2026, 0, 1, 15, 59)))).toBe('2026-01-01');
    expect(dayToIso(dayOf(Date.UTC(2026, 0, 1, 16, 0)))).toBe('2026-01-02');
  });

  it('follows daylight saving time (America/New_York, March 2026)', () => {
    const dayOf = dayResolver('America/New_York');
    // 8 March 2026 02:00 local clocks jump to 03:00; 04:30 UTC is 23:30 EST on the 7th.
    expect(dayToIso(dayOf(Date.UTC(2026, 2, 8, 4, 30)))).toBe('2026-03-07');
    expect(dayToIso(dayOf(Date.UTC(2026, 2, 9, 3, 30)))).toBe('2026-03-08'); // 23:30 EDT
    expect(dayToIso(dayOf(Date.UTC(2026, 2, 9, 4, 0)))).toBe('2026-03-09'); // 00:00 EDT
  });

  it('handles half-hour zones', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 5, 1), 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
    expect(dayToIso(dayResolver('Asia/Kolkata')(Date.UTC(2026, 5, 1, 18, 29)))).toBe('2026-06-01');
    expect(dayToIso(dayResolver('Asia/Kolkata')(Date.UTC(2026, 5, 1, 18, 30)))).toBe('2026-06-02');
  });

  it('finds the UTC start of a local day', () => {
    expect(startOfDayUtc(dayNumber(2026, 1, 1), 'Asia/Shanghai')).toBe(Date.UTC(2025, 11, 31, 16));
    expect(startOfDayUtc(dayNumber(2026, 3, 8), 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 5));
    expect(startOfDayUtc(dayNumber(2026, 3, 9), 'America/New_York')).toBe(Date.UTC(2026, 2, 9, 4));
  });
});

describe('startOfDayResolver', () => {
  it('agrees with startOfDayUtc across a DST change and in a zone without one', () => {
    for (const tz of ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'UTC']) {
      const resolve = startOfDayResolver(tz);
      for (let day = dayNumber(2026, 3, 5); day < dayNumber(2026, 3, 12); day += 1) expect(resolve(day)).toBe(startOfDayUtc(day, tz));
    }
  });
});

describe('zoneOffsets', () => {
  /** The offset straight from Intl, uncached. */
  function intlOffset(ts: number, tz: string): number {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(ts));
    const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(ts / 1000) * 1000;
  }

  it('matches Intl every 7 minutes across DST changes, half-hour and 45-minute zones', () => {
    for (const tz of ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Asia/Shanghai']) {
      const offsetAt = zoneOffsets(tz);
      // Around the 2026 spring and autumn changes of both hemispheres.
      for (const [y, m, d] of [[2026, 3, 8], [2026, 3, 29], [2026, 4, 5], [2026, 10, 4], [2026, 10, 25], [2026, 11, 1]] as const) {
        const from = Date.UTC(y, m - 1, d - 1);
        for (let ts = from; ts < from + 3 * 86_400_000; ts += 7 * 60_000) expect(offsetAt(ts), `${tz} ${new Date(ts).toISOString()}`).toBe(intlOffset(ts, tz));
      }
    }
  });
});
