/** Calendar items as FullCalendar events: id, times as the workspace's wall clock, colour and marks. */
import type { EventInput } from '@fullcalendar/core';
import type { CalendarView, ContentItem } from '../../../shared/calendar';
import { colourScale, colourValue, dimensionValues, type ColourDimension } from './colours';
import { addMinutes } from './time';

/** What each event carries besides its times, for rendering and for the API calls a drag makes. */
export interface EventExtras {
  item: ContentItem;
  conflict: boolean;
}

/** An all-day item spans whole days: its end is the day after its last day (exclusive). */
function allDayEnd(start: string, durationMin: number): string {
  const days = Math.max(1, Math.ceil(durationMin / 1440));
  return addMinutes(`${start.slice(0, 10)}T00:00`, days * 1440).slice(0, 10);
}

/** One item as an event, coloured by `by`; null for an item without a date. */
export function itemToEvent(
  item: ContentItem,
  by: ColourDimension,
  colourOf: (value: string | null) => string,
  conflicts: ReadonlySet<string>,
): EventInput | null {
  if (item.start === null) return null;
  const colour = colourOf(colourValue(item, by));
  const conflict = conflicts.has(item.key);
  const classNames = ['cal-event'];
  if (item.status === 'cancelled') classNames.push('cal-event-cancelled');
  if (conflict) classNames.push('cal-event-conflict');
  const extras: EventExtras = { item, conflict };
  return {
    id: item.key,
    title: item.title,
    start: item.allDay ? item.start.slice(0, 10) : item.start,
    end: item.allDay ? allDayEnd(item.start, item.durationMin) : addMinutes(item.start, item.durationMin),
    allDay: item.allDay,
    backgroundColor: colour,
    borderColor: colour,
    textColor: '#ffffff',
    classNames,
    extendedProps: extras,
  };
}

/** The events of a range answer, coloured by `by`. */
export function viewToEvents(view: CalendarView, by: ColourDimension): EventInput[] {
  const conflicts = new Set(view.conflicts.flatMap((c) => c.keys));
  const colourOf = colourScale(dimensionValues(view, by));
  return view.items.flatMap((item) => itemToEvent(item, by, colourOf, conflicts) ?? []);
}

/** The legend for the colouring: each value shown, with its colour, in first-seen order. */
export function legendOf(
  view: Pick<CalendarView, 'items' | 'options'>,
  by: ColourDimension,
): { value: string | null; colour: string }[] {
  const colourOf = colourScale(dimensionValues(view, by));
  const seen = new Map<string | null, string>();
  for (const item of view.items) {
    const value = colourValue(item, by);
    if (!seen.has(value)) seen.set(value, colourOf(value));
  }
  return [...seen].map(([value, colour]) => ({ value, colour }));
}
