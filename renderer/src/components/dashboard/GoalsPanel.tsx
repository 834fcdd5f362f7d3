import type { KpiGoalProgress, Metric } from '../../../../shared/kpi';
import { useFormatters } from '../../data/formatters';
import { progressPercent } from '../../dashboard/goals';
import { formatMetricValue, metricName } from '../../dashboard/metrics';
import { deleteGoal } from '../../dashboard/mutations';
import { useT } from '../../i18n';
import { useErrors } from '../../stores/errors';
import { GoalForm } from './GoalForm';

/** One goal: target and due date, where the metric is now, progress, the trend's forecast, status. */
function GoalRow({ goal, unit }: { goal: KpiGoalProgress; unit: Metric['unit'] }) {
  const t = useT();
  const f = useFormatters();
  const value = (n: number) => formatMetricValue(unit, n, f);
  const percent = progressPercent(goal.progress);
  const remove = () => deleteGoal(goal.id).catch((error: unknown) => useErrors.getState().report(error));

  return (
    <li className="goal" data-testid="goal" data-metric={goal.metric} data-status={goal.status} data-progress={goal.progress ?? ''}>
      <div className="goal-head">
        <span className="goal-name">{metricName(goal.metric, t)}</span>
        <span className={`goal-status goal-status-${goal.status}`} data-testid="goal-status">
          {t(`dashboard.goals.status.${goal.status}`)}
        </span>
        <button type="button" className="button-quiet goal-delete" data-testid="goal-delete" aria-label={t('dashboard.goals.delete')} title={t('dashboard.goals.delete')} onClick={() => void remove()}>
          ×
        </button>
      </div>
      <p className="goal-summary">
        {t('dashboard.goals.summary', { target: value(goal.target), due: goal.dueDay })}{' '}
        <span className="muted">· {t(`dashboard.goals.horizon.${goal.horizon}`)}</span>
      </p>
      <div className="goal-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('dashboard.goals.progress', { n: percent })}>
        <span className={`goal-bar-fill goal-status-${goal.status}`} style={{ width: `${percent}%` }} />
      </div>
      <p className="goal-numbers muted">
        {goal.current === null ? t('dashboard.goals.status.no_data') : t('dashboard.goals.current', { value: value(goal.current) })}
        {goal.progress === null ? null : ` · ${t('dashboard.goals.progress', { n: percent })}`}
        {goal.forecast === null ? null : ` · ${t('dashboard.goals.forecast', { value: value(goal.forecast) })}`}
      </p>
    </li>
  );
}

/** The workspace's goals with their forecasts, and a form for another. */
export function GoalsPanel({ goals, metrics }: { goals: readonly KpiGoalProgress[]; metrics: readonly Metric[] }) {
  const t = useT();
  const unitOf = (id: KpiGoalProgress['metric']) => metrics.find((m) => m.id === id)?.unit ?? 'count';
  return (
    <section className="card goals-panel" data-testid="goals" aria-labelledby="goals-title">
      <h2 id="goals-title">{t('dashboard.goals.title')}</h2>
      {goals.length === 0 ? (
        <p className="muted">{t('dashboard.goals.none')}</p>
      ) : (
        <ul className="goal-list">
          {goals.map((goal) => (
            <GoalRow key={goal.id} goal={goal} unit={unitOf(goal.metric)} />
          ))}
        </ul>
      )}
      <GoalForm metrics={metrics} />
    </section>
  );
}
