import { useState, type FormEvent } from 'react';
import type { ContentItem, ContentPerformance } from '../../../../shared/calendar';
import { setPerformance } from '../../calendar/mutations';
import { refOf } from '../../calendar/refs';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';

const metrics = ['reach', 'likes', 'comments', 'shares', 'conversions', 'participants'] as const;

/** Performance after publishing; an empty box means "not entered", never zero. */
export function PerformanceForm({ item }: { item: ContentItem }) {
  const t = useT();
  const [values, setValues] = useState<Record<(typeof metrics)[number], string>>(
    () =>
      Object.fromEntries(
        metrics.map((m) => [m, item.performance[m] === null ? '' : String(item.performance[m])]),
      ) as Record<(typeof metrics)[number], string>,
  );
  const [saved, setSaved] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    const performance: Partial<ContentPerformance> = {};
    for (const m of metrics)
      performance[m] = values[m].trim() === '' ? null : Math.max(0, Math.round(Number(values[m])));
    const done = await attempt(() => setPerformance({ ref: refOf(item), performance }));
    setSaved(done !== undefined);
  }

  return (
    <form className="cal-drawer-section" data-testid="performance-form" onSubmit={(e) => void save(e)}>
      <h3>{t('calendar.performance.title')}</h3>
      <div className="cal-field-grid cal-field-grid-3">
        {metrics.map((m) => (
          <div className="field" key={m}>
            <label className="field-label" htmlFor={`perf-${m}`}>
              {t(`calendar.performance.${m}`)}
            </label>
            <input
              id={`perf-${m}`}
              type="number"
              min={0}
              value={values[m]}
              data-testid="performance-input"
              data-metric={m}
              onChange={(e) => {
                setSaved(false);
                setValues({ ...values, [m]: e.target.value });
              }}
            />
          </div>
        ))}
      </div>
      <div className="cal-actions">
        <button type="submit" className="button-secondary button-small" data-testid="performance-save">
          {t('calendar.performance.save')}
        </button>
        {saved ? (
          <span className="muted" role="status">
            {t('calendar.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
