import { useState, type FormEvent } from 'react';
import { goalHorizons, metricIds, type GoalHorizon, type Metric, type MetricId } from '../../../../shared/kpi';
import { parseTarget } from '../../dashboard/goals';
import { metricName } from '../../dashboard/metrics';
import { saveGoal } from '../../dashboard/mutations';
import { useT } from '../../i18n';
import { useErrors } from '../../stores/errors';

/** A new goal: metric, target in the metric's unit, horizon, and a due date (the horizon's when empty). */
export function GoalForm({ metrics }: { metrics: readonly Metric[] }) {
  const t = useT();
  const [metric, setMetric] = useState<MetricId>('mau');
  const [target, setTarget] = useState('');
  const [horizon, setHorizon] = useState<GoalHorizon>('short');
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const unit = metrics.find((m) => m.id === metric)?.unit ?? 'count';
  const value = parseTarget(target, unit);
  const invalid = touched && value === null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (value === null) return;
    setBusy(true);
    try {
      await saveGoal({ metric, target: value, horizon, ...(due === '' ? {} : { dueDay: due }) });
      setTarget('');
      setDue('');
      setTouched(false);
    } catch (error) {
      useErrors.getState().report(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="goal-form" data-testid="goal-form" onSubmit={(e) => void submit(e)} noValidate>
      <label className="goal-field">
        <span className="field-label">{t('dashboard.goals.metric')}</span>
        <select data-testid="goal-metric" value={metric} onChange={(e) => setMetric(e.target.value as MetricId)}>
          {metricIds.map((id) => (
            <option key={id} value={id}>
              {metricName(id, t)}
            </option>
          ))}
        </select>
      </label>
      <label className="goal-field">
        <span className="field-label">{unit === 'ratio' ? t('dashboard.goals.targetPercent') : t('dashboard.goals.target')}</span>
        <input
          data-testid="goal-target"
          inputMode="decimal"
          value={target}
          aria-invalid={invalid}
          onChange={(e) => setTarget(e.target.value)}
          onBlur={() => setTouched(target !== '')}
        />
        {invalid ? <span className="field-error">{t('dashboard.goals.targetInvalid')}</span> : null}
      </label>
      <label className="goal-field">
        <span className="field-label">{t('dashboard.goals.horizon')}</span>
        <select data-testid="goal-horizon" value={horizon} onChange={(e) => setHorizon(e.target.value as GoalHorizon)}>
          {goalHorizons.map((h) => (
            <option key={h} value={h}>
              {t(`dashboard.goals.horizon.${h}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="goal-field">
        <span className="field-label">{t('dashboard.goals.due')}</span>
        <input type="date" data-testid="goal-due" value={due} title={t('dashboard.goals.dueHint')} onChange={(e) => setDue(e.target.value)} />
      </label>
      <button type="submit" className="button-primary" data-testid="goal-add" disabled={busy}>
        {t('dashboard.goals.add')}
      </button>
    </form>
  );
}
