import {
  contentFormats,
  contentPillars,
  contentSources,
  contentStatuses,
  type CalendarView,
} from '../../../../shared/calendar';
import { colourDimensions, type ColourDimension } from '../../calendar/colours';
import { dimensionKey, formatKey, pillarKey, sourceKey, statusKey } from '../../calendar/labels';
import { clearFilter, colourBy, toggleFilter, useCalendar } from '../../calendar/store';
import { useT } from '../../i18n';
import { FilterMenu, type FilterMenuOption } from './FilterMenu';

/** The filter menus (what the grid and the mix count) and the colour-by choice. */
export function CalendarFilters({ options }: { options: CalendarView['options'] | undefined }) {
  const t = useT();
  const filter = useCalendar((s) => s.filter);
  const by = useCalendar((s) => s.colourBy);
  const names = (values: readonly string[]): FilterMenuOption[] => values.map((v) => ({ value: v, label: v }));
  const any = Object.keys(filter).length > 0;
  return (
    <div className="cal-filters" data-testid="calendar-filters">
      <FilterMenu
        name="channels"
        label={t('calendar.field.channel')}
        options={names(options?.channels ?? [])}
        chosen={filter.channels ?? []}
        onToggle={(v) => toggleFilter('channels', v)}
      />
      <FilterMenu
        name="owners"
        label={t('calendar.field.owner')}
        options={names(options?.owners ?? [])}
        chosen={filter.owners ?? []}
        onToggle={(v) => toggleFilter('owners', v)}
      />
      <FilterMenu
        name="campaigns"
        label={t('calendar.field.campaign')}
        options={names(options?.campaigns ?? [])}
        chosen={filter.campaigns ?? []}
        onToggle={(v) => toggleFilter('campaigns', v)}
      />
      <FilterMenu
        name="pillars"
        label={t('calendar.field.pillar')}
        options={contentPillars.map((p) => ({ value: p, label: t(pillarKey(p)) }))}
        chosen={filter.pillars ?? []}
        onToggle={(v) => toggleFilter('pillars', v)}
      />
      <FilterMenu
        name="formats"
        label={t('calendar.field.format')}
        options={contentFormats.map((p) => ({ value: p, label: t(formatKey(p)) }))}
        chosen={filter.formats ?? []}
        onToggle={(v) => toggleFilter('formats', v)}
      />
      <FilterMenu
        name="sources"
        label={t('calendar.field.source')}
        options={contentSources.map((p) => ({ value: p, label: t(sourceKey(p)) }))}
        chosen={filter.sources ?? []}
        onToggle={(v) => toggleFilter('sources', v)}
      />
      <FilterMenu
        name="statuses"
        label={t('calendar.field.status')}
        options={contentStatuses.map((p) => ({ value: p, label: t(statusKey(p)) }))}
        chosen={filter.statuses ?? []}
        onToggle={(v) => toggleFilter('statuses', v)}
      />
      {any ? (
        <button type="button" className="link-button" data-testid="calendar-filter-clear" onClick={clearFilter}>
          {t('calendar.filter.clear')}
        </button>
      ) : null}
      <span className="cal-filters-spacer" />
      <label className="cal-colour-by">
        <span className="muted">{t('calendar.colourBy')}</span>
        <select
          value={by}
          data-testid="calendar-colour-by"
          onChange={(e) => colourBy(e.target.value as ColourDimension)}
        >
          {colourDimensions.map((d) => (
            <option key={d} value={d}>
              {t(dimensionKey(d))}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
