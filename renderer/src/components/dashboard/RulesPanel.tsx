import { useState, type FormEvent } from 'react';
import { defaultKpiSettings, type KpiSettings } from '../../../../shared/kpi/settings';
import { useFormatters } from '../../data/formatters';
import { metricName } from '../../dashboard/metrics';
import { saveKpiSettings } from '../../dashboard/mutations';
import { formToSettings, healthFields, settingsToForm, weightFields, weightKey, weightSum, type FieldError, type SettingsForm } from '../../dashboard/settingsForm';
import { useT } from '../../i18n';
import { useErrors } from '../../stores/errors';

type Translate = ReturnType<typeof useT>;

function errorText(error: FieldError, t: Translate): string {
  switch (error.code) {
    case 'number':
      return t('dashboard.rules.error.number');
    case 'range':
      return t('dashboard.rules.error.range', { min: error.min, max: error.max });
    case 'band_order':
      return t('dashboard.rules.error.band_order');
    case 'weights_sum':
      return t('dashboard.rules.error.weights_sum');
  }
}

interface NumberFieldProps {
  id: string;
  label: string;
  value: string;
  error: FieldError | undefined;
  onChange(value: string): void;
}

function NumberField({ id, label, value, error, onChange }: NumberFieldProps) {
  const t = useT();
  const inputId = `kpi-rule-${id.replace(/\./g, '-')}`;
  return (
    <div className="rule-field" data-testid="rule-field" data-field={id}>
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      <input id={inputId} inputMode="decimal" value={value} aria-invalid={error !== undefined} onChange={(e) => onChange(e.target.value)} />
      {error ? (
        <span className="field-error" data-testid="rule-error">
          {errorText(error, t)}
        </span>
      ) : null}
    </div>
  );
}

/** The editor's body, made fresh from the stored settings each time the panel opens. */
function RulesForm({ stored, onClose }: { stored: KpiSettings; onClose(): void }) {
  const t = useT();
  const f = useFormatters();
  const [form, setForm] = useState<SettingsForm>(() => settingsToForm(stored));
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = (key: string, value: string) => {
    setForm((current) => ({ ...current, [key]: value }));
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = formToSettings(form, stored);
    setErrors(result.errors);
    if (!result.settings) return;
    setBusy(true);
    try {
      setForm(settingsToForm(await saveKpiSettings(result.settings)));
      setSaved(true);
    } catch (error) {
      useErrors.getState().report(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="rules-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('dashboard.rules.health')}</h3>
      <div className="rules-grid">
        {healthFields.map((field) => (
          <NumberField
            key={field.path}
            id={field.path}
            label={t(`dashboard.rules.${field.id}`)}
            value={form[field.path] ?? ''}
            error={errors[field.path]}
            onChange={(v) => set(field.path, v)}
          />
        ))}
      </div>
      <h3>{t('dashboard.rules.weights')}</h3>
      <div className="rules-weights">
        {weightFields.map(({ dimension, metrics }) => {
          const sum = weightSum(form, dimension);
          return (
            <fieldset key={dimension} className="rules-dimension" data-testid="rule-dimension" data-dimension={dimension}>
              <legend>
                {t(`dashboard.scorecard.${dimension}`)}{' '}
                <span className={Number.isFinite(sum) && Math.abs(sum - 100) < 1e-6 ? 'muted' : 'field-error'}>
                  {t('dashboard.rules.sum', { n: Number.isFinite(sum) ? f.decimal(sum) : '—' })}
                </span>
              </legend>
              {metrics.map((metric) => {
                const key = weightKey(dimension, metric);
                return <NumberField key={key} id={key} label={metricName(metric, t)} value={form[key] ?? ''} error={errors[key]} onChange={(v) => set(key, v)} />;
              })}
            </fieldset>
          );
        })}
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" data-testid="rules-save" disabled={busy}>
          {t('dashboard.rules.save')}
        </button>
        <button
          type="button"
          className="button-quiet"
          data-testid="rules-defaults"
          onClick={() => {
            setForm(settingsToForm(defaultKpiSettings));
            setErrors({});
            setSaved(false);
          }}
        >
          {t('dashboard.rules.defaults')}
        </button>
        <button type="button" className="button-quiet" data-testid="rules-close" onClick={onClose}>
          {t('dashboard.rules.close')}
        </button>
        {saved ? (
          <span className="form-status" data-testid="rules-saved">
            {t('dashboard.rules.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}

/** "Targets & rules": the workspace's health thresholds and scorecard weights, editable. */
export function RulesPanel({ settings, onClose }: { settings: KpiSettings | undefined; onClose(): void }) {
  const t = useT();
  return (
    <section className="card rules-panel" data-testid="rules-panel" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('dashboard.rules.title')}</h2>
      <p className="muted">{t('dashboard.rules.hint')}</p>
      {settings ? <RulesForm stored={settings} onClose={onClose} /> : <p className="muted">{t('dashboard.loading')}</p>}
    </section>
  );
}
