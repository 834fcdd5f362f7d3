import type { CalendarView } from '../../../../shared/calendar';
import type { ColourDimension } from '../../calendar/colours';
import { legendOf } from '../../calendar/events';
import { dimensionValueKey } from '../../calendar/labels';
import { useT } from '../../i18n';

/** Which colour means what, for the values on screen. */
export function ColourLegend({ view, by }: { view: CalendarView; by: ColourDimension }) {
  const t = useT();
  const entries = legendOf(view, by);
  if (entries.length === 0) return null;
  return (
    <ul className="cal-legend" data-testid="calendar-legend" aria-label={t('calendar.legend')}>
      {entries.map(({ value, colour }) => {
        const key = value === null ? null : dimensionValueKey(by, value);
        return (
          <li key={value ?? ''} data-testid="legend-entry" data-value={value ?? ''} data-colour={colour}>
            <span className="cal-swatch" style={{ background: colour }} aria-hidden="true" />
            {value === null ? t('calendar.legend.none') : key ? t(key) : value}
          </li>
        );
      })}
    </ul>
  );
}
