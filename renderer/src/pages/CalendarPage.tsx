import { useEffect, useMemo } from 'react';
import type { WorkspaceSummary } from '../../../shared/workspace';
import { viewToEvents } from '../calendar/events';
import { useCalendarRange } from '../calendar/queries';
import { adoptCalendarWorkspace, jumpTo, openSettings, startNewItem, useCalendar } from '../calendar/store';
import { nowInZone } from '../calendar/time';
import { useT } from '../i18n';
import { BacklogPanel } from '../components/calendar/BacklogPanel';
import { CalendarFilters } from '../components/calendar/CalendarFilters';
import { CalendarGrid } from '../components/calendar/CalendarGrid';
import { ColourLegend } from '../components/calendar/ColourLegend';
import { ExportImport } from '../components/calendar/ExportImport';
import { ItemDrawer } from '../components/calendar/ItemDrawer';
import { ItemFormDialog } from '../components/calendar/ItemFormDialog';
import { MixPanel } from '../components/calendar/MixPanel';
import { PlanChecks } from '../components/calendar/PlanChecks';
import { SettingsDialog } from '../components/calendar/SettingsDialog';
import '../components/calendar/calendar.css';

/**
 * The content calendar: month, week and list views in the workspace's wall clock, the backlog of
 * ideas, the period's content mix and plan checks, one item's drawer, settings and file exchange.
 */
export function CalendarPage({ workspace }: { workspace: WorkspaceSummary }) {
  const t = useT();
  useEffect(() => adoptCalendarWorkspace(workspace.path), [workspace.path]);
  const mine = useCalendar((s) => s.workspacePath === workspace.path);
  const range = useCalendar((s) => s.range);
  const filter = useCalendar((s) => s.filter);
  const by = useCalendar((s) => s.colourBy);
  const openRef = useCalendar((s) => (mine ? s.openRef : null));
  const creating = useCalendar((s) => (mine ? s.creating : null));
  const settingsOpen = useCalendar((s) => mine && s.settingsOpen);
  const query = useCalendarRange(workspace.path, range, filter);
  // An answer for another range (the grid moved on) is not shown against the new days.
  const view =
    query.data && range && query.data.from === range.from && query.data.to === range.to ? query.data : undefined;
  const events = useMemo(() => (view ? viewToEvents(view, by) : []), [view, by]);
  const now = useMemo(() => nowInZone(workspace.timeZone), [workspace.timeZone]);

  return (
    <section
      className="page calendar-page"
      data-testid="page-calendar"
      data-range={range ? `${range.from}/${range.to}` : ''}
      data-loading={query.loading || !view ? 'true' : 'false'}
    >
      <header className="page-header cal-header">
        <h1>{t('calendar.title')}</h1>
        <span className="muted cal-zone">{t('calendar.zone', { zone: workspace.timeZone })}</span>
        <span className="cal-header-spacer" />
        <button
          type="button"
          className="button-secondary"
          data-testid="calendar-settings-open"
          onClick={() => openSettings(true)}
        >
          {t('calendar.settings.open')}
        </button>
        <button
          type="button"
          className="button-primary"
          data-testid="calendar-new"
          onClick={() => startNewItem({ start: `${(range?.from ?? now).slice(0, 10)}T09:00`, allDay: false })}
        >
          {t('calendar.new.button')}
        </button>
      </header>
      <CalendarFilters options={view?.options} />
      <div className="cal-layout">
        <div className="cal-main">
          <div className="cal-card cal-grid-card">
            <CalendarGrid events={events} now={now} />
            {view ? <ColourLegend view={view} by={by} /> : null}
          </div>
          <ExportImport range={range} />
        </div>
        <aside className="cal-side" aria-label={t('calendar.side')}>
          <BacklogPanel backlog={view?.backlog ?? []} />
          {view ? <MixPanel mix={view.mix} /> : null}
          {view ? <PlanChecks view={view} onGoTo={jumpTo} /> : null}
        </aside>
      </div>
      {creating ? <ItemFormDialog at={creating} options={view?.options} /> : null}
      {openRef ? <ItemDrawer workspacePath={workspace.path} openRef={openRef} options={view?.options} /> : null}
      {settingsOpen ? <SettingsDialog workspacePath={workspace.path} /> : null}
    </section>
  );
}
