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
    expect(ws.sqlite.prepare('SELECT member_id, start_day, end_day, next_start FROM kpi_spell ORDER BY member_id, start_day').all()).toEqual([
      { member_id: 1, start_day: 10, end_day: 20, next_start: 100 },
      { member_id: 1, start_day: 100, end_day: 100, next_start: null },
      { member_id: 2, start_day: 50, end_day: 50, next_start: null },
    ]);
    expect(ws.sqlite.prepare('SELECT join_day, member_id, r1, r7, r30, r90 FROM kpi_member ORDER BY member_id').all()).toEqual([
      { join_day: 10, member_id: 1, r1: 20, r7: 20, r30: 100, r90: 100 },
      { join_day: 50, member_id: 2, r1: null, r7: null, r30: null, r90: null },
    ]);
    const totals = dayTotals(ws.sqlite);
    // MAU on day 49: member 1's window closed on day 49 (20 + 29); on day 50 member 2 arrives.
    expect([totals.mau(20), totals.mau(49), totals.mau(50), totals.mau(100)]).toEqual([1, 1, 1, 1]);
    expect(totals.mau(50 + 30)).toBe(0);
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
