import type { Migration } from './types';

/**
 * KPI goals: a target for one metric by a due day, with where the metric stood when the goal was
 * set (the baseline its progress is measured from). Days are local day numbers in the workspace's
 * time zone, like member_daily.day. The metric is a KPI id checked by the contract, not here, so
 * a later build can add metrics without a migration.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'kpi_goals',
  up(db) {
    db.exec(`
      CREATE TABLE kpi_goal (
        id INTEGER PRIMARY KEY,
        metric TEXT NOT NULL,
        target REAL NOT NULL,
        due_day INTEGER NOT NULL,
        horizon TEXT NOT NULL CHECK (horizon IN ('short', 'mid', 'long')),
        baseline REAL,
        baseline_day INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX kpi_goal_due ON kpi_goal(due_day, id);
    `);
  },
};
