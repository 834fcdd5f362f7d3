/**
 * Member engines and the member grid at scale, on the demo workspace the demo case generated
 * (or a new one): a full recompute (first, when every member gets a tier, again the same day, and
 * the next day), a grid page with a sort and a filter, and a Chinese quick search. Baselines are the plainest SQL doing the
 * unavoidable part of the same work in the same run.
 */
import { openWorkspaceFile } from '../../../db/open';
import { memberCount, memberPage } from '../../../db/queries/member-scores';
import { fitChurn } from '../../../electron/services/members/churn';
import { BackgroundCheckpoints } from '../../../electron/services/background-checkpoints';
import { recomputeMembers } from '../../../electron/services/members/recompute';
import type { MemberFilter, MemberSort, RecomputeSummary } from '../../../shared/member-grid';
import { dayResolver } from '../../../shared/time';
import { DEMO_NOW, DEMO_TZ, demoWorkspaceFile, medianMs } from '../demo-workspace';
import { type BenchCase, result } from '../types';

export const memberEngines: BenchCase = {
  name: 'members',
  description: 'recompute tiers + scores; a grid page with sort + filter; CJK quick search',
  async run({ members, sharedDir, log }) {
    const file = await demoWorkspaceFile(sharedDir, members, log, 'members');
    const ws = openWorkspaceFile(file);
    try {
      const sqlite = ws.sqlite;
      const asOfDay = dayResolver(DEMO_TZ)(DEMO_NOW);
      const activities = sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM activity').get()?.n ?? 0;
      log(`members: ${members.toLocaleString('en-US')} members, ${activities.toLocaleString('en-US')} activities`);

      log('baseline: one GROUP BY pass over member_daily…');
      const scanStarted = performance.now();
      sqlite.prepare('SELECT member_id, count(*), sum(events), max(day) FROM member_daily GROUP BY member_id').all();
      const scanSeconds = (performance.now() - scanStarted) / 1000;

      // As the app runs it: the WAL goes back into the file on a worker thread after each commit
      // (logged); the next recompute starts once that is done.
      const checkpoints = new BackgroundCheckpoints();
      const recompute = async (label: string, day: number): Promise<RecomputeSummary> => {
        const summary = recomputeMembers(sqlite, {
          asOfDay: asOfDay + day,
          timeZone: DEMO_TZ,
          now: DEMO_NOW + day * 86_400_000,
          checkpoints,
        });
        const settling = performance.now();
        await checkpoints.settled();
        log(
          `members: ${label} ${(summary.durationMs / 1000).toFixed(1)} s, ${summary.rewritten} rows rewritten ` +
            `${JSON.stringify(summary.stages)}; checkpoint on a worker ${((performance.now() - settling) / 1000).toFixed(1)} s after`,
        );
        return summary;
      };
      const first = await recompute('first recompute (every member gets a tier)', 0);
      const again = await recompute('recompute again', 0);
      // The everyday case: the next morning's recompute, when every churn figure moves.
      const nextDay = await recompute("next day's recompute", 1);

      const churnStarted = performance.now();
      const churn = fitChurn(sqlite, { asOfDay, unit: 'week', source: 'auto', horizon: 52 });
      const churnSeconds = (performance.now() - churnStarted) / 1000;

      const sort: MemberSort = [{ colId: 'points', sort: 'desc' }];
      const filter: MemberFilter = { circles: ['active', 'core'] };
      const plainPage = medianMs(9, () => sqlite.prepare('SELECT * FROM member_score LIMIT 100').all());
      const page = medianMs(9, () => memberPage(sqlite, { filter, sort, start: 0, limit: 100 }, 0.7));
      const deepPage = medianMs(9, () => memberPage(sqlite, { filter, sort, start: 10_000, limit: 100 }, 0.7));
      const riskPage = medianMs(9, () =>
        memberPage(
          sqlite,
          {
            filter: { tiers: ['newcomer'], atRisk: true },
            sort: [{ colId: 'clv', sort: 'desc' }],
            start: 0,
            limit: 100,
          },
          0.7,
        ),
      );
      const count = medianMs(5, () => memberCount(sqlite, filter, 0.7));

      const rawLike = medianMs(5, () =>
        sqlite.prepare(`SELECT id FROM member WHERE display_name LIKE '%小明%' LIMIT 100`).all(),
      );
      const search = medianMs(5, () =>
        memberPage(sqlite, { filter: { quick: '小明' }, sort: [], start: 0, limit: 100 }, 0.7),
      );
      const searchSorted = medianMs(5, () =>
        memberPage(
          sqlite,
          { filter: { quick: '王' }, sort: [{ colId: 'name', sort: 'asc' }], start: 0, limit: 100 },
          0.7,
        ),
      );

      return [
        result('members.recompute.first_s', first.durationMs / 1000, 's', scanSeconds, { max: 10 }),
        result('members.recompute.again_s', again.durationMs / 1000, 's', scanSeconds, { max: 10 }),
        result('members.recompute.next_day_s', nextDay.durationMs / 1000, 's', scanSeconds, { max: 10 }),
        result('members.churn_fit_s', churnSeconds, 's', scanSeconds),
        result('members.churn_members', churn.members.length, 'members'),
        result('members.grid.page_sort_filter_ms', page, 'ms', plainPage, { max: 100 }),
        result('members.grid.page_10000_sort_filter_ms', deepPage, 'ms', plainPage, { max: 100 }),
        result('members.grid.page_atrisk_by_clv_ms', riskPage, 'ms', plainPage, { max: 100 }),
        result('members.grid.count_ms', count, 'ms', plainPage),
        result('members.search.cjk_ms', search, 'ms', rawLike, { max: 200 }),
        result('members.search.cjk_sorted_ms', searchSorted, 'ms', rawLike, { max: 200 }),
      ];
    } finally {
      await ws.close();
    }
  },
};
