/**
 * Demo generation: a workspace of N members (about 10 activities each, plus identities, orders,
 * surveys and daily rollups) against raw inserts of as many rows into a plain table.
 */
import path from 'node:path';
import { createWorkspaceFile } from '../../../db/open';
import { generateDemo, writeDemoSettings } from '../../../electron/services/demo';
import { rawActivityInserts } from '../baselines';
import { DEMO_NOW } from '../demo-workspace';
import { type BenchCase, result } from '../types';

/** The goal the generator was built to: 1,000,000 members in under three minutes. */
const SECONDS_PER_MILLION_MEMBERS = 180;

export const demoGeneration: BenchCase = {
  name: 'demo.generate',
  description: 'generate the demo workspace; baseline: raw prepared INSERTs of as many rows into a plain table',
  async run({ members, tmpDir, sharedDir, log }) {
    // Left in the run's shared folder: the member and dashboard cases measure on it.
    const ws = createWorkspaceFile(path.join(sharedDir, 'demo.hearth'));
    let rows: number;
    let seconds: number;
    try {
      await writeDemoSettings(ws);
      let lastLogged = 0;
      const summary = generateDemo(ws, {
        members,
        seed: 42,
        now: DEMO_NOW,
        onProgress: (done, total) => {
          const now = performance.now();
          if (now - lastLogged < 5_000 && done < total) return;
          lastLogged = now;
          log(`demo: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} members`);
        },
      });
      seconds = summary.seconds;
      // Every row the generator wrote, rollups included: that is the work being timed.
      const rollups = ws.sqlite
        .prepare<[], { n: number }>(
          'SELECT (SELECT count(*) FROM member_daily) + (SELECT count(*) FROM activity_daily) + (SELECT count(*) FROM incident_event) AS n',
        )
        .get();
      rows =
        summary.member +
        summary.identity +
        summary.activity +
        summary.order +
        summary.survey_response +
        summary.content_item +
        summary.incident +
        (rollups?.n ?? 0);
      log(
        `demo: ${rows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s (${summary.activity.toLocaleString('en-US')} activities)`,
      );
    } finally {
      await ws.close();
    }

    log(`baseline: ${rows.toLocaleString('en-US')} raw inserts…`);
    const baseline = rawActivityInserts(tmpDir, rows);
    log(`baseline: ${baseline.seconds.toFixed(1)} s`);

    return [
      result('demo.generate.rows_per_s', rows / seconds, 'rows/s', baseline.rowsPerSecond),
      result('demo.generate.seconds', seconds, 's', baseline.seconds, {
        max: (SECONDS_PER_MILLION_MEMBERS * members) / 1_000_000,
      }),
      result('demo.generate.rows', rows, 'rows'),
      result('demo.generate.members', members, 'members'),
    ];
  },
};
