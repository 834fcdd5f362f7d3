import { describe, expect, it } from 'vitest';
import { DEMO_SPAN_DAYS, DemoCalendar } from '../../electron/services/demo/calendar';
import { SeededRandom } from '../../shared/random';
import { dayResolver, dayToIso } from '../../shared/time';

const NOW = Date.UTC(2026, 10, 1, 4); // 2026-11-01 12:00 in Shanghai
const HOUR = 3_600_000;

describe('demo calendar', () => {
  it('covers 18 months of local days ending today', () => {
    const calendar = new DemoCalendar(NOW, 'Asia/Shanghai');
    expect(calendar.days).toBe(DEMO_SPAN_DAYS);
    expect(dayToIso(calendar.lastDay)).toBe('2026-11-01');
    expect(dayToIso(calendar.firstDay)).toBe('2025-05-03');
    expect(calendar.start).toBe(Date.UTC(2025, 4, 2, 16));
  });

  for (const tz of ['Asia/Shanghai', 'America/New_York']) {
    it(`finds the same day as dayResolver at every day boundary (${tz})`, () => {
      const calendar = new DemoCalendar(NOW, tz);
      const dayOf = dayResolver(tz);
      for (let k = 0; k < calendar.days; k += 1) {
        const start = calendar.dayStart[k] ?? 0;
        expect(calendar.indexOf(start)).toBe(dayOf(start) - calendar.firstDay);
        expect(calendar.indexOf(start + 23 * HOUR - 1)).toBe(dayOf(start + 23 * HOUR - 1) - calendar.firstDay);
        if (k > 0) expect(calendar.indexOf(start - 1)).toBe(dayOf(start - 1) - calendar.firstDay);
      }
    });
  }

  it('draws join, activity and order times inside their bounds and never after now', () => {
    const calendar = new DemoCalendar(NOW, 'Asia/Shanghai');
    const random = new SeededRandom(1);
    for (let i = 0; i < 5000; i += 1) {
      const join = calendar.joinTime(random, i / 5000);
      expect(join).toBeGreaterThanOrEqual(calendar.start);
      expect(join).toBeLessThanOrEqual(NOW);
      const end = Math.min(NOW, join + random.int(0, 400) * 24 * HOUR);
      const t = calendar.activityTime(random, join, end, 1.4);
      expect(t).toBeGreaterThanOrEqual(join);
      expect(t).toBeLessThanOrEqual(end);
      const o = calendar.orderTime(random, join, end);
      expect(o).toBeGreaterThanOrEqual(join);
      expect(o).toBeLessThanOrEqual(end);
    }
  });

  it('makes joins grow over the window and peak before 双十一', () => {
    const calendar = new DemoCalendar(NOW, 'Asia/Shanghai');
    const random = new SeededRandom(2);
    const dayOf = dayResolver('Asia/Shanghai');
    const perMonth = new Map<string, number>();
    const n = 20_000;
    for (let i = 0; i < n; i += 1) {
      const month = dayToIso(dayOf(calendar.joinTime(random, (i + random.next()) / n))).slice(0, 7);
      perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    }
    const at = (month: string): number => perMonth.get(month) ?? 0;
    expect(at('2026-09')).toBeGreaterThan(at('2025-09') * 1.5);
    expect(at('2025-11')).toBeGreaterThan(at('2025-09'));
    expect(at('2025-11')).toBeGreaterThan(at('2025-12'));
  });
});
