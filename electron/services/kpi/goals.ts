/**
 * Goals on the dashboard: each stored goal with the metric's current value, its monthly history
 * and the pure forecast (shared/kpi/goals.ts). "Now" is the dashboard period's last day, so a goal
 * reads against the numbers shown beside it.
 */
import type { GoalRow } from '../../../db/queries/kpi-goals';
import type { KpiGoalProgress, KpiSeries, Metric, MetricId } from '../../../shared/kpi';
import { goalForecast, type TrendPoint } from '../../../shared/kpi/goals';
import type { DayRange, MonthRange } from '../../../shared/kpi/period';
import { dayToIso } from '../../../shared/time';

/** The monthly series the dashboard already computes, per metric that has one. */
export type GoalHistories = Partial<Record<MetricId, TrendPoint[]>>;

/**
 * Monthly points per metric from the dashboard's series. Levels (members, active ratio) are read
 * at each month's end, the month in progress at the period end; flows and rates (new, churned,
 * net growth, growth rate, NPS, K) use whole months only, since a month in progress would always
 * look low. Months without a value are left out.
 */
export function goalHistories(months: readonly MonthRange[], period: DayRange, series: KpiSeries, growthRates: readonly (number | null)[]): GoalHistories {
  const level = (values: readonly (number | null | undefined)[]): TrendPoint[] =>
    months.flatMap((m, i) => {
      const value = values[i];
      return value === null || value === undefined ? [] : [{ day: Math.min(m.to, period.to), value }];
    });
  const whole = (values: readonly (number | null | undefined)[]): TrendPoint[] =>
    months.flatMap((m, i) => {
      const value = values[i];
      return m.to > period.to || value === null || value === undefined ? [] : [{ day: m.to, value }];
    });
  const completeMonths = months.filter((m) => m.to <= period.to);
  return {
    members_total: level(series.growth.map((g) => g.members)),
    members_new: whole(series.growth.map((g) => g.new)),
    members_churned: whole(series.growth.map((g) => g.churned)),
    net_growth: whole(series.growth.map((g) => g.new - g.churned)),
    // growthRates has one rate per complete month, oldest first.
    growth_rate: completeMonths.flatMap((m, i) => {
      const rate = growthRates[i];
      return rate === null || rate === undefined ? [] : [{ day: m.to, value: rate }];
    }),
    active_ratio: level(series.activeRatio.map((a) => a.ratio)),
    nps: whole(series.nps.map((n) => n.nps)),
    k_factor: whole(series.kFactor.map((k) => k.k)),
  };
}

/**
 * Every goal's progress, forecast and status as of `asOf`.
 *
 * @example
 * goalProgress(listGoals(sqlite), metrics, histories, period.to)
 * // [{ id: 1, metric: 'mau', target: 5000, current: 4100, progress: 0.55, forecast: 5210, status: 'on_track', … }]
 */
export function goalProgress(goals: readonly GoalRow[], metrics: readonly Metric[], histories: GoalHistories, asOf: number): KpiGoalProgress[] {
  const byId = new Map(metrics.map((m) => [m.id, m]));
  return goals.map((goal) => {
    const metric = byId.get(goal.metric);
    const value = metric?.value ?? null;
    const result = goalForecast({
      target: goal.target,
      dueDay: goal.dueDay,
      better: metric?.better ?? 'up',
      baseline: goal.baseline === null ? null : { day: goal.baselineDay, value: goal.baseline },
      current: value === null ? null : { day: asOf, value },
      history: histories[goal.metric] ?? [],
    });
    return {
      id: goal.id,
      metric: goal.metric,
      target: goal.target,
      dueDay: dayToIso(goal.dueDay),
      horizon: goal.horizon,
      baseline: goal.baseline,
      baselineDay: dayToIso(goal.baselineDay),
      createdAt: goal.createdAt,
      current: value,
      ...result,
    };
  });
}
