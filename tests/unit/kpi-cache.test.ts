import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceFile } from '../../db/open';
import { ensureKpiCache } from '../../db/queries/kpi-cache';
import { churnedIn, dayTotals } from '../../db/queries/kpi';
import { tempDir } from '../support/tmp';

describe('KPI cache', () => {
  it('derives spells, retention days and buyers from member_daily and orders, and rebuilds only on change', async () => {
    const ws = createWorkspaceFile(path.join(tempDir(), 'k.hearth'));
    const day = 86_400_000;
    // Member 1 joins on day 10, active 10, 20, 100 (a 80-day gap: two spells), pays on 12 and 15.
    ws.sqlite.exec(`
      INSERT INTO member (id, display_name, created_at, first_seen) VALUES (1, 'Ann', 0, ${10 * day}), (2, 'Bo', 0, ${50 * day});
      INSERT INTO member_daily (day, member_id, events) VALUES (10, 1, 1), (20, 1, 1), (100, 1, 1), (50, 2, 1);
      INSERT INTO "order" (member_id, source, external_id, ts, day, amount) VALUES (1, 's', 'o1', ${12 * day}, 12, 5), (1, 's', 'o2', ${15 * day}, 15, 5);
    `);
    expect(ensureKpiCache(ws.sqlite, 'UTC', 0)).toBe(true);
    expect(ensureKpiCache(ws.sqlite, 'UTC', 0)).toBe(false);
    // Member 1's first spell (10–20) was followed by one starting on day 100.
    expect(ws.sqlite.prepare('SELECT end_day, next_start, spells FROM kpi_spell_return').all()).toEqual([{ end_day: 20, next_start: 100, spells: 1 }]);
    // Both joined in January 1970 (month day 0); only member 1 came back (day 20 for D1/D7, day 100 for D30/D90).
    expect(ws.sqlite.prepare('SELECT join_month, horizon, reached_day, members FROM kpi_retention ORDER BY horizon').all()).toEqual([
      { join_month: 0, horizon: 1, reached_day: 20, members: 1 },
      { join_month: 0, horizon: 7, reached_day: 20, members: 1 },
      { join_month: 0, horizon: 30, reached_day: 100, members: 1 },
      { join_month: 0, horizon: 90, reached_day: 100, members: 1 },
    ]);
    expect(ws.sqlite.prepare('SELECT day, starts, ends FROM kpi_window_day WHERE window_days = 90 ORDER BY day').all()).toEqual([
      { day: 10, starts: 1, ends: 0 },
      { day: 50, starts: 1, ends: 1 },
      { day: 100, starts: 0, ends: 1 },
    ]);
    expect(ws.sqlite.prepare('SELECT day, orders, amount FROM kpi_order_day ORDER BY day').all()).toEqual([
      { day: 12, orders: 1, amount: 5 },
      { day: 15, orders: 1, amount: 5 },
    ]);
    const totals = dayTotals(ws.sqlite);
    // MAU on day 49: member 1's window closed on day 49 (20 + 29); on day 50 member 2 arrives.
    expect([totals.mau(20), totals.mau(49), totals.mau(50), totals.mau(100)]).toEqual([1, 1, 1, 1]);
    expect(totals.mau(50 + 30)).toBe(0);
    expect(totals.dailyActive({ from: 10, to: 50 })).toEqual([
      [10, 1],
      [20, 1],
      [50, 1],
    ]);
    expect([totals.activeWithin({ from: 14, to: 20 }), totals.activeWithin({ from: 21, to: 27 }), totals.activeWithin({ from: 11, to: 100 })]).toEqual([1, 0, 2]);
    expect(totals.activeWithin({ from: 1, to: 30 })).toBeNull(); // no cached 30-day window: the caller counts member_daily
    expect([totals.buyers.upTo(11), totals.buyers.upTo(12), totals.repeatBuyers.upTo(14), totals.repeatBuyers.upTo(15)]).toEqual([0, 1, 0, 1]);
    // Member 1 is silent from day 21: 60 days on day 80. Member 2 (last day 50) on day 110.
    expect(churnedIn(ws.sqlite, { from: 71, to: 90 }, 60)).toBe(1);
    expect(churnedIn(ws.sqlite, { from: 71, to: 100 }, 60)).toBe(0); // back on day 100 by the end
    expect(churnedIn(ws.sqlite, { from: 101, to: 120 }, 60)).toBe(1);

    ws.sqlite.exec('INSERT INTO member_daily (day, member_id, events) VALUES (51, 2, 1)');
    expect(ensureKpiCache(ws.sqlite, 'UTC', 0)).toBe(true);
    expect(ensureKpiCache(ws.sqlite, 'Asia/Shanghai', 0)).toBe(true); // join days are local days
    await ws.close();
  });
});
