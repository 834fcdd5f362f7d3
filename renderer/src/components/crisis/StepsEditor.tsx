import { moveRow, type StepRow } from '../../crisis/playbookForm';
import { roleLabel } from '../../crisis/labels';
import { useT } from '../../i18n';

/** A playbook's steps in order: title, role, hours after the start; add, remove, move up or down. */
export function StepsEditor({
  steps,
  roles,
  onChange,
}: {
  steps: readonly StepRow[];
  roles: readonly string[];
  onChange(steps: StepRow[]): void;
}) {
  const t = useT();
  const setRow = (i: number, patch: Partial<StepRow>) =>
    onChange(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <fieldset className="cr-fieldset" data-testid="pb-steps">
      <legend>{t('crisis.editor.steps')}</legend>
      <div className="cr-step-row cr-step-row-head" aria-hidden="true">
        <span>#</span>
        <span>{t('crisis.editor.stepTitle')}</span>
        <span>{t('crisis.editor.stepRole')}</span>
        <span>{t('crisis.editor.stepDue')}</span>
        <span />
      </div>
      {steps.map((step, i) => (
        <div className="cr-step-row" key={i} data-testid="pb-step">
          <span className="muted mono">{i + 1}</span>
          <input
            value={step.title}
            maxLength={300}
            aria-label={t('crisis.editor.stepTitle')}
            data-testid="pb-step-title"
            onChange={(e) => setRow(i, { title: e.target.value })}
          />
          <select
            value={step.role}
            aria-label={t('crisis.editor.stepRole')}
            data-testid="pb-step-role"
            onChange={(e) => setRow(i, { role: e.target.value })}
          >
            {(roles.includes(step.role) ? roles : [step.role, ...roles]).map((r) => (
              <option key={r} value={r}>
                {roleLabel(t, r)}
              </option>
            ))}
          </select>
          <input
            type="number"
            min={0}
            step="any"
            value={step.dueHours}
            aria-label={t('crisis.editor.stepDue')}
            data-testid="pb-step-due"
            onChange={(e) => setRow(i, { dueHours: e.target.value })}
          />
          <span className="cr-row-buttons">
            <button
              type="button"
              className="button-quiet button-small"
              disabled={i === 0}
              aria-label={t('crisis.editor.up')}
              data-testid="pb-step-up"
              onClick={() => onChange(moveRow(steps, i, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="button-quiet button-small"
              disabled={i === steps.length - 1}
              aria-label={t('crisis.editor.down')}
              data-testid="pb-step-down"
              onClick={() => onChange(moveRow(steps, i, 1))}
            >
              ↓
            </button>
            <button
              type="button"
              className="button-quiet button-small"
              disabled={steps.length === 1}
              aria-label={t('crisis.remove')}
              data-testid="pb-step-remove"
              onClick={() => onChange(steps.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </span>
        </div>
      ))}
      <button
        type="button"
        className="button-secondary button-small"
        data-testid="pb-step-add"
        onClick={() =>
          onChange([
            ...steps,
            { title: '', role: steps[steps.length - 1]?.role ?? 'incident_lead', dueHours: '24', notes: '' },
          ])
        }
      >
        {t('crisis.editor.addStep')}
      </button>
    </fieldset>
  );
}
