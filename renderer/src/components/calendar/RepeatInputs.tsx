import { weekdays, type Weekday } from '../../../../shared/calendar';
import type { EndKind, MonthlyKind, RepeatKind, RepeatState } from '../../calendar/itemForm';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n';

interface RepeatInputsProps {
  idPrefix: string;
  value: RepeatState;
  onChange(value: RepeatState): void;
}

const weekdayKey = (d: Weekday): MessageKey => `calendar.weekday.${d}`;

/** "Repeats": none, daily, weekly on chosen days, or monthly (day N, last day, nth weekday); an interval and an end. */
export function RepeatInputs({ idPrefix, value, onChange }: RepeatInputsProps) {
  const t = useT();
  const set = <K extends keyof RepeatState>(key: K, v: RepeatState[K]) => onChange({ ...value, [key]: v });
  const id = (name: string) => `${idPrefix}-${name}`;
  const toggleDay = (d: Weekday) =>
    set('weekdays', value.weekdays.includes(d) ? value.weekdays.filter((x) => x !== d) : [...value.weekdays, d]);
  return (
    <fieldset className="cal-repeat" data-testid="item-repeat">
      <legend>{t('calendar.repeat.title')}</legend>
      <div className="cal-field-grid">
        <div className="field">
          <label className="field-label" htmlFor={id('kind')}>
            {t('calendar.repeat.kind')}
          </label>
          <select
            id={id('kind')}
            value={value.kind}
            data-testid="repeat-kind"
            onChange={(e) => set('kind', e.target.value as RepeatKind)}
          >
            {(['none', 'daily', 'weekly', 'monthly'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`calendar.repeat.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {value.kind === 'none' ? null : (
          <div className="field">
            <label className="field-label" htmlFor={id('interval')}>
              {t('calendar.repeat.interval')}
            </label>
            <input
              id={id('interval')}
              type="number"
              min={1}
              max={52}
              value={value.interval}
              data-testid="repeat-interval"
              onChange={(e) => set('interval', e.target.value)}
            />
          </div>
        )}
      </div>
      {value.kind === 'weekly' ? (
        <div className="cal-weekdays" role="group" aria-label={t('calendar.repeat.weekdays')}>
          {weekdays.map((d) => (
            <label key={d} className="cal-weekday">
              <input
                type="checkbox"
                checked={value.weekdays.includes(d)}
                data-testid="repeat-weekday"
                data-day={d}
                onChange={() => toggleDay(d)}
              />
              {t(weekdayKey(d))}
            </label>
          ))}
        </div>
      ) : null}
      {value.kind === 'monthly' ? (
        <div className="cal-field-grid">
          <div className="field">
            <label className="field-label" htmlFor={id('monthly')}>
              {t('calendar.repeat.monthlyOn')}
            </label>
            <select
              id={id('monthly')}
              value={value.monthly}
              data-testid="repeat-monthly"
              onChange={(e) => set('monthly', e.target.value as MonthlyKind)}
            >
              <option value="day">{t('calendar.repeat.monthDay')}</option>
              <option value="last">{t('calendar.repeat.lastDay')}</option>
              <option value="nth">{t('calendar.repeat.nthWeekday')}</option>
            </select>
          </div>
          {value.monthly === 'day' ? (
            <div className="field">
              <label className="field-label" htmlFor={id('monthDay')}>
                {t('calendar.repeat.day')}
              </label>
              <input
                id={id('monthDay')}
                type="number"
                min={1}
                max={31}
                value={value.monthDay}
                data-testid="repeat-month-day"
                onChange={(e) => set('monthDay', e.target.value)}
              />
            </div>
          ) : null}
          {value.monthly === 'nth' ? (
            <>
              <div className="field">
                <label className="field-label" htmlFor={id('nth')}>
                  {t('calendar.repeat.nth')}
                </label>
                <select
                  id={id('nth')}
                  value={value.nth}
                  data-testid="repeat-nth"
                  onChange={(e) => set('nth', e.target.value)}
                >
                  {(['1', '2', '3', '4', '-1'] as const).map((n) => (
                    <option key={n} value={n}>
                      {n === '-1' ? t('calendar.repeat.last') : t('calendar.repeat.nthN', { n })}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label className="field-label" htmlFor={id('nthWeekday')}>
                  {t('calendar.repeat.weekday')}
                </label>
                <select
                  id={id('nthWeekday')}
                  value={value.nthWeekday}
                  data-testid="repeat-nth-weekday"
                  onChange={(e) => set('nthWeekday', e.target.value as Weekday)}
                >
                  {weekdays.map((d) => (
                    <option key={d} value={d}>
                      {t(weekdayKey(d))}
                    </option>
                  ))}
                </select>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
      {value.kind === 'none' ? null : (
        <div className="cal-field-grid">
          <div className="field">
            <label className="field-label" htmlFor={id('end')}>
              {t('calendar.repeat.ends')}
            </label>
            <select
              id={id('end')}
              value={value.end}
              data-testid="repeat-end"
              onChange={(e) => set('end', e.target.value as EndKind)}
            >
              <option value="never">{t('calendar.repeat.never')}</option>
              <option value="until">{t('calendar.repeat.until')}</option>
              <option value="count">{t('calendar.repeat.count')}</option>
            </select>
          </div>
          {value.end === 'until' ? (
            <div className="field">
              <label className="field-label" htmlFor={id('until')}>
                {t('calendar.repeat.untilDate')}
              </label>
              <input
                id={id('until')}
                type="date"
                value={value.until}
                data-testid="repeat-until"
                onChange={(e) => set('until', e.target.value)}
              />
            </div>
          ) : null}
          {value.end === 'count' ? (
            <div className="field">
              <label className="field-label" htmlFor={id('count')}>
                {t('calendar.repeat.times')}
              </label>
              <input
                id={id('count')}
                type="number"
                min={1}
                max={1000}
                value={value.count}
                data-testid="repeat-count"
                onChange={(e) => set('count', e.target.value)}
              />
            </div>
          ) : null}
        </div>
      )}
    </fieldset>
  );
}
