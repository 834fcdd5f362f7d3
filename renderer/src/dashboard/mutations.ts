/** Dashboard writes (goals, targets and rules): each marks server data stale so the page refetches. */
import { hearth } from '../api';
import type { KpiGoal, KpiGoalInput } from '../../../shared/kpi';
import type { KpiSettings } from '../../../shared/kpi/settings';
import { invalidate } from '../data/revision';

/** Creates a goal (no id) or changes one. */
export async function saveGoal(input: KpiGoalInput): Promise<KpiGoal> {
  const goal = await hearth.call('kpi/goals/save', input);
  invalidate();
  return goal;
}

export async function deleteGoal(id: number): Promise<void> {
  await hearth.call('kpi/goals/delete', { id });
  invalidate();
}

/** Stores the workspace's health thresholds and scorecard weights. */
export async function saveKpiSettings(settings: KpiSettings): Promise<KpiSettings> {
  const saved = await hearth.call('kpi/settings/set', settings);
  invalidate();
  return saved;
}
