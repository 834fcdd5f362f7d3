/** KPI goals (migration 0007): one row per goal, days as local day numbers. */
import type BetterSqlite3 from 'better-sqlite3';
import type { GoalHorizon, MetricId } from '../../shared/kpi';

/** A goal as stored. */
export interface GoalRow {
  id: number;
  metric: MetricId;
  target: number;
  dueDay: number;
  horizon: GoalHorizon;
  baseline: number | null;
  baselineDay: number;
  createdAt: number;
}

interface GoalSql {
  id: number;
  metric: MetricId;
  target: number;
  due_day: number;
  horizon: GoalHorizon;
  baseline: number | null;
  baseline_day: number;
  created_at: number;
}

const toGoal = (r: GoalSql): GoalRow => ({
  id: r.id,
  metric: r.metric,
  target: r.target,
  dueDay: r.due_day,
  horizon: r.horizon,
  baseline: r.baseline,
  baselineDay: r.baseline_day,
  createdAt: r.created_at,
});

const COLUMNS = 'id, metric, target, due_day, horizon, baseline, baseline_day, created_at';

/**
 * Every goal, soonest due first.
 *
 * @example
 * listGoals(sqlite) // [{ id: 1, metric: 'mau', target: 5000, dueDay: 20818, horizon: 'short', … }]
 */
export function listGoals(sqlite: BetterSqlite3.Database): GoalRow[] {
  return sqlite.prepare<[], GoalSql>(`SELECT ${COLUMNS} FROM kpi_goal ORDER BY due_day, id`).all().map(toGoal);
}

/**
 * One goal, or undefined.
 *
 * @example
 * readGoal(sqlite, 1)?.target // 5000
 */
export function readGoal(sqlite: BetterSqlite3.Database, id: number): GoalRow | undefined {
  const row = sqlite.prepare<[number], GoalSql>(`SELECT ${COLUMNS} FROM kpi_goal WHERE id = ?`).get(id);
  return row ? toGoal(row) : undefined;
}

/**
 * Inserts a goal (new id) or replaces the one with its id; returns the id.
 *
 * @example
 * saveGoal(sqlite, { metric: 'mau', target: 5000, dueDay: 20818, horizon: 'short', baseline: 3100, baselineDay: 20636, createdAt: Date.now() }) // 1
 */
export function saveGoal(sqlite: BetterSqlite3.Database, goal: Omit<GoalRow, 'id'> & { id?: number | undefined }): number {
  const params = [goal.metric, goal.target, goal.dueDay, goal.horizon, goal.baseline, goal.baselineDay, goal.createdAt] as const;
  if (goal.id === undefined) {
    return Number(
      sqlite
        .prepare('INSERT INTO kpi_goal (metric, target, due_day, horizon, baseline, baseline_day, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(...params).lastInsertRowid,
    );
  }
  sqlite
    .prepare('UPDATE kpi_goal SET metric = ?, target = ?, due_day = ?, horizon = ?, baseline = ?, baseline_day = ?, created_at = ? WHERE id = ?')
    .run(...params, goal.id);
  return goal.id;
}

/**
 * Deletes a goal; false when there was none with that id.
 *
 * @example
 * deleteGoal(sqlite, 1) // true
 */
export function deleteGoal(sqlite: BetterSqlite3.Database, id: number): boolean {
  return sqlite.prepare('DELETE FROM kpi_goal WHERE id = ?').run(id).changes > 0;
}
