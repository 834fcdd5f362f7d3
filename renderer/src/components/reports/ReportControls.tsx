import type { DayRange } from '../../dashboard/period';
import { useT } from '../../i18n';
import { reportPeriods } from '../../reports/period';
import {
  chooseMaskNames,
  chooseReportDay,
  chooseReportLocale,
  chooseReportPeriod,
  useReports,
} from '../../reports/store';
import type { Locale } from '../../../../shared/workspace';
import { LocaleSelect } from '../LocaleSelect';

interface ReportControlsProps {
  /** The days the chosen preset stands for today, to start a custom period from. */
  presetDays: DayRange | null;
  /** The days asked for, or null while the custom days are not a range. */
  range: DayRange | null;
  locale: Locale;
}

/** Period (calendar months and quarters, or custom days), the report's language and name masking. */
export function ReportControls({ presetDays, range, locale }: ReportControlsProps) {
  const t = useT();
  const { period, custom, maskNames } = useReports();
  const invalid = period === 'custom' && range === null;

  return (
    <div className="card rp-controls" role="group" aria-label={t('reports.controls')}>
      <label className="rp-field">
        <span className="field-label">{t('reports.period.label')}</span>
        <select
          data-testid="report-period"
          value={period}
          onChange={(e) => {
            const next = reportPeriods.find((p) => p === e.target.value);
            if (next) chooseReportPeriod(next, presetDays);
          }}
        >
          {reportPeriods.map((p) => (
            <option key={p} value={p}>
              {t(`reports.period.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {period === 'custom' ? (
        <>
          <label className="rp-field">
            <span className="field-label">{t('reports.period.from')}</span>
            <input
              type="date"
              data-testid="report-from"
              value={custom.from}
              max={custom.to || undefined}
              aria-invalid={invalid}
              onChange={(e) => chooseReportDay('from', e.target.value)}
            />
          </label>
          <label className="rp-field">
            <span className="field-label">{t('reports.period.to')}</span>
            <input
              type="date"
              data-testid="report-to"
              value={custom.to}
              min={custom.from || undefined}
              aria-invalid={invalid}
              onChange={(e) => chooseReportDay('to', e.target.value)}
            />
          </label>
        </>
      ) : null}
      <div className="rp-field">
        <label className="field-label" htmlFor="report-locale">
          {t('reports.language')}
        </label>
        <LocaleSelect id="report-locale" testId="report-locale" value={locale} onChange={chooseReportLocale} />
      </div>
      <label className="rp-mask" title={t('reports.maskHint')}>
        <input
          type="checkbox"
          data-testid="report-mask"
          checked={maskNames}
          onChange={(e) => chooseMaskNames(e.target.checked)}
        />
        <span>
          {t('reports.mask')}
          <span className="field-hint rp-mask-hint">{t('reports.maskHint')}</span>
        </span>
      </label>
      <p className="rp-shown muted" data-testid="report-range" data-range={range ? `${range.from}/${range.to}` : ''}>
        {invalid ? (
          <span className="field-error">{t('reports.period.invalid')}</span>
        ) : range ? (
          t('reports.period.shown', { from: range.from, to: range.to })
        ) : null}
      </p>
    </div>
  );
}
