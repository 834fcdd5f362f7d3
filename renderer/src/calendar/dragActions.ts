/**
 * What a drag on the grid means to the services: a moved or resized event becomes an item update
 * with the new timing (a series occurrence is materialised by the services, the series stays); a
 * backlog idea dropped on a day gets a date. A refused update puts the event back and shows why.
 */
import type { EventApi } from '@fullcalendar/core';
import type { ContentTiming } from '../../../shared/calendar';
import { attempt } from '../stores/errors';
import type { EventExtras } from './events';
import { updateItem } from './mutations';
import { refOf } from './refs';
import { dateToDay, dateToWall, minutesBetween } from './time';

/** Ideas dropped on a day (month view) start at this time, as timed items of an hour. */
export const DROP_TIME = '09:00';
export const DROP_MINUTES = 60;

/** The timing of an event as the grid now shows it. */
export function timingOfEvent(event: EventApi, previousMinutes: number): ContentTiming | null {
  const start = event.start;
  if (!start) return null;
  const end = event.end;
  const durationMin = end ? minutesBetween(start, end) : event.allDay ? 1440 : previousMinutes;
  return { start: dateToWall(start), durationMin: Math.max(5, durationMin), allDay: event.allDay };
}

/** Saves a drag or resize; on failure the event goes back where it was. */
export async function saveMovedEvent(event: EventApi, revert: () => void): Promise<void> {
  const { item } = event.extendedProps as EventExtras;
  const timing = timingOfEvent(event, item.durationMin);
  if (!timing) {
    revert();
    return;
  }
  const saved = await attempt(() => updateItem({ ref: refOf(item), timing }));
  if (saved === undefined) revert();
}

/**
 * Gives a dropped idea its date. A drop on a whole day (month view) means that day at 09:00 for an
 * hour, never an all-day item; a drop on a time slot keeps the slot's time.
 */
export async function scheduleDroppedIdea(id: number, start: Date, allDay: boolean): Promise<void> {
  const wall = allDay ? `${dateToDay(start)}T${DROP_TIME}` : dateToWall(start);
  await attempt(() => updateItem({ ref: { id }, timing: { start: wall, durationMin: DROP_MINUTES, allDay: false } }));
}
