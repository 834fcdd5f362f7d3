import type { TimingState } from '../../calendar/itemForm';
import { useT } from '../../i18n';

interface TimingInputsProps {
  idPrefix: string;
  value: TimingState;
  onChange(value: TimingState): void;
}

/** Date, time, duration and all-day, in the workspace's wall clock. An empty date keeps an idea in the backlog. */
export function TimingInputs({ idPrefix, value, onChange }: TimingInputsProps) {
  const t = useT();
  const set = <K extends keyof TimingState>(key: K, v: TimingState[K]) => onChange({ ...value, [key]: v });
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="cal-field-grid cal-timing">
      <div className="field">
        <label className="field-label" htmlFor={id('date')}>
          {t('calendar.field.date')}
        </label>
        <input
          id={id('date')}
          type="date"
          value={value.date}
          data-testid="item-date"
          onChange={(e) => set('date', e.target.value)}
        />
      </div>
      {value.allDay ? null : (
        <>
          <div className="field">
            <label className="field-label" htmlFor={id('time')}>
              {t('calendar.field.time')}
            </label>
            <input
              id={id('time')}
              type="time"
              value={value.time}
              data-testid="item-time"
              onChange={(e) => set('time', e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={id('duration')}>
              {t('calendar.field.duration')}
            </label>
            <input
              id={id('duration')}
              type="number"
              min={5}
              step={5}
              value={value.durationMin}
              data-testid="item-duration"
              onChange={(e) => set('durationMin', e.target.value)}
            />
          </div>
        </>
      )}
      <label className="cal-check cal-check-inline">
        <input
          type="checkbox"
          checked={value.allDay}
          data-testid="item-all-day"
          onChange={(e) =>
            onChange({ ...value, allDay: e.target.checked, durationMin: e.target.checked ? '1440' : '60' })
          }
        />
        {t('calendar.field.allDay')}
      </label>
    </div>
  );
}
