/**
 * The KPI dashboard on the demo workspace the demo case generated (or a new one): a full
 * `kpi/dashboard` computation for the 30 days ending the demo's last day, first with the KPI
 * cache cold (what the first dashboard after an import costs) and then warm (every other open).
 * The baseline is the plainest raw scan for a part of the same answer: DAU and MAU for the
 * period, counted straight from the activity table.
 */
import { openWorkspaceFile } from '../../../db/open';
import { computeDashboard } from '../../../electron/services/kpi/dashboard';
import { recomputeMembers } from '../../../electron/services/members/recompute';
import { comparePeriod } from '../../../shared/kpi/period';
import { defaultKpiSettings } from '../../../shared/kpi/settings';
import { dayResolver, startOfDayResolver } from '../../../shared/time';
import { DEMO_NOW, DEMO_TZ, demoWorkspaceFile, medianMs } from '../demo-workspace';
import { type BenchCase, result } from '../types';

export const dashboard: BenchCase = {
  name: 'dashboard',
  description: 'kpi/dashboard for 30 days: cold (KPI cache rebuilt) and warm; baseline: DAU/MAU scanned from activity',
  async run({ members, sharedDir, log }) {
    const file = await demoWorkspaceFile(sharedDir, members, log, 'dashboard');
    const ws = openWorkspaceFile(file);
    try {
      const sqlite = ws.sqlite;
      const today = dayResolver(DEMO_TZ)(DEMO_NOW);
      if ((sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM member_score').get()?.n ?? 0) === 0) {
        log('dashboard: scoring members first (tiers, KOC, CLV feed the dashboard)…');
        recomputeMembers(sqlite, { asOfDay: today, timeZone: DEMO_TZ, now: DEMO_NOW });
      }
      const period = { from: today - 29, to: today };
      const options = {
        period,
        previous: comparePeriod(period, 'previous'),
        timeZone: DEMO_TZ,
        language: 'zh-CN' as const,
        now: DEMO_NOW,
        settings: defaultKpiSettings,
      };

      // Cold: forget the cache's stamp so the next computation rebuilds it.
      const coldRuns: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        sqlite.exec('DELETE FROM kpi_cache');
        const started = performance.now();
        computeDashboard(sqlite, options);
        coldRuns.push(performance.now() - started);
      }
      coldRuns.sort((a, b) => a - b);
      const warm = medianMs(9, () => computeDashboard(sqlite, options));

      const startOf = startOfDayResolver(DEMO_TZ);
      const raw = medianMs(3, () => {
        const byDay = sqlite
          .prepare('SELECT count(DISTINCT member_id) FROM activity WHERE ts >= ? AND ts < ? GROUP BY day')
          .all(startOf(period.from), startOf(period.to + 1));
        const mau = sqlite
          .prepare('SELECT count(DISTINCT member_id) FROM activity WHERE ts >= ? AND ts < ?')
          .get(startOf(period.to - 29), startOf(period.to + 1));
        return [byDay, mau];
      });
      log(
        `dashboard: cold ${coldRuns.map((t) => t.toFixed(0)).join(' / ')} ms, warm ${warm.toFixed(1)} ms, raw DAU/MAU scan ${raw.toFixed(1)} ms`,
      );
      return [
        result('dashboard.warm_ms', warm, 'ms', raw, { max: 150 }),
        result('dashboard.cold_ms', coldRuns[1] ?? 0, 'ms', raw),
      ];
    } finally {
      await ws.close();
    }
  },
};
