/**
 * The Calendar page's UI state: the view, visible days, filter, colouring, and which item, form or
 * dialog is open. Server data is not kept here; it is fetched per range and refetched on invalidation.
 */
import { create } from 'zustand';
import type { CalendarFilter, ContentRef } from '../../../shared/calendar';
import type { ColourDimension } from './colours';
import type { VisibleRange } from './queries';

export const calendarViews = ['dayGridMonth', 'timeGridWeek', 'listMonth'] as const;
export type CalendarViewName = (typeof calendarViews)[number];

/** Where a new item starts, from the clicked day or slot. */
export interface NewItemAt {
  start: string;
  allDay: boolean;
}

export interface CalendarState {
  workspacePath: string | null;
  view: CalendarViewName;
  range: VisibleRange | null;
  filter: CalendarFilter;
  colourBy: ColourDimension;
  openRef: ContentRef | null;
  creating: NewItemAt | null;
  settingsOpen: boolean;
  /** A day the grid should show (from the side panel's lists); `n` makes a repeat jump a change. */
  jump: { date: string; n: number } | null;
}

export const useCalendar = create<CalendarState>()(() => ({
  workspacePath: null,
  view: 'dayGridMonth',
  range: null,
  filter: {},
  colourBy: 'channel',
  openRef: null,
  creating: null,
  settingsOpen: false,
  jump: null,
}));

/** Starts clean when the page shows another workspace than last time. */
export function adoptCalendarWorkspace(path: string): void {
  if (useCalendar.getState().workspacePath === path) return;
  useCalendar.setState({
    workspacePath: path,
    range: null,
    filter: {},
    openRef: null,
    creating: null,
    settingsOpen: false,
  });
}

export function showRange(view: CalendarViewName, range: VisibleRange): void {
  const current = useCalendar.getState();
  if (current.view === view && current.range?.from === range.from && current.range.to === range.to) return;
  useCalendar.setState({ view, range });
}

type FilterList = keyof CalendarFilter;

/** Adds `value` to a filter list, or takes it out; an empty list means no filter. */
export function toggleFilter(list: FilterList, value: string): void {
  const filter = { ...useCalendar.getState().filter } as Record<FilterList, string[] | undefined>;
  const current = filter[list] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  if (next.length === 0) delete filter[list];
  else filter[list] = next;
  useCalendar.setState({ filter: filter as CalendarFilter });
}

export function clearFilter(): void {
  useCalendar.setState({ filter: {} });
}

export function colourBy(by: ColourDimension): void {
  useCalendar.setState({ colourBy: by });
}

export function openItem(ref: ContentRef | null): void {
  useCalendar.setState({ openRef: ref, creating: null });
}

export function startNewItem(at: NewItemAt | null): void {
  useCalendar.setState({ creating: at, openRef: null });
}

export function openSettings(open: boolean): void {
  useCalendar.setState({ settingsOpen: open });
}

/** Shows the day `date` in the grid (a conflict or gap clicked in the side panel). */
export function jumpTo(date: string): void {
  useCalendar.setState((s) => ({ jump: { date, n: (s.jump?.n ?? 0) + 1 } }));
}
