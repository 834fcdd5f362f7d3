import type { KpiDashboard } from '../../../../shared/kpi';
import {
  compareChoices,
  periodPresets,
  validRange,
  type Compare,
  type DayRange,
  type PeriodPreset,
} from '../../dashboard/period';
import { chooseCompare, chooseCustomDay, choosePreset, useDashboard } from '../../dashboard/store';
import { useT } from '../../i18n';

interface PeriodPickerProps {
  /** The days a preset stands for today, to start a custom period from. */
  presetDays: DayRange;
  /** The periods of the numbers on screen, once loaded. */
  shown: Pick<KpiDashboard, 'period' | 'previousPeriod'> | undefined;
}

/** Period (7 / 30 / 90 days ending today, or custom days) and what it is compared with. */
export function PeriodPicker({ presetDays, shown }: PeriodPickerProps) {
  const t = useT();
  const { preset, custom, compare } = useDashboard();
  const invalid = preset === 'custom' && validRange(custom) === null;

  return (
    <div className="period-picker" role="group" aria-label={t('dashboard.period.label')}>
      <label className="period-field">
        <span className="field-label">{t('dashboard.period.label')}</span>
        <select
          data-testid="period-select"
          value={preset}
          onChange={(e) => choosePreset(e.target.value as PeriodPreset, presetDays)}
        >
          {periodPresets.map((p) => (
            <option key={p} value={p}>
              {t(`dashboard.period.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {preset === 'custom' ? (
        <>
          <label className="period-field">
            <span className="field-label">{t('dashboard.period.from')}</span>
            <input
              type="date"
              data-testid="period-from"
              value={custom.from}
              max={custom.to || undefined}
              aria-invalid={invalid}
              onChange={(e) => chooseCustomDay('from', e.target.value)}
            />
          </label>
          <label className="period-field">
            <span className="field-label">{t('dashboard.period.to')}</span>
            <input
              type="date"
              data-testid="period-to"
              value={custom.to}
              min={custom.from || undefined}
              aria-invalid={invalid}
              onChange={(e) => chooseCustomDay('to', e.target.value)}
            />
          </label>
        </>
      ) : null}
      <label className="period-field">
        <span className="field-label">{t('dashboard.compare.label')}</span>
        <select data-testid="compare-select" value={compare} onChange={(e) => chooseCompare(e.target.value as Compare)}>
          {compareChoices.map((c) => (
            <option key={c} value={c}>
              {t(`dashboard.compare.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="period-shown muted" data-testid="period-shown">
        {invalid ? (
          <span className="field-error">{t('dashboard.period.invalid')}</span>
        ) : shown ? (
          t('dashboard.period.shown', {
            from: shown.period.from,
            to: shown.period.to,
            prevFrom: shown.previousPeriod.from,
            prevTo: shown.previousPeriod.to,
          })
        ) : null}
      </p>
    </div>
  );
}
