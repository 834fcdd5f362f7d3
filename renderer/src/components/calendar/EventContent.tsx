import type { EventContentArg } from '@fullcalendar/core';
import type { EventExtras } from '../../calendar/events';
import { dateToDay } from '../../calendar/time';

/**
 * One event's face: time, a ↻ for a series, the title. Carries the test hooks (key, day, status),
 * rendered afresh with each change so they always tell where the event is now.
 */
export function EventContent({ arg, seriesLabel }: { arg: EventContentArg; seriesLabel: string }) {
  const extras = arg.event.extendedProps as Partial<EventExtras>;
  const item = extras.item;
  const start = arg.event.start;
  const hooks =
    item && !arg.isMirror
      ? {
          'data-testid': 'calendar-event',
          'data-key': item.key,
          'data-date': start ? dateToDay(start) : '',
          'data-status': item.status,
          'data-series': item.seriesId ?? '',
          'data-conflict': extras.conflict ? 'true' : 'false',
        }
      : {};
  return (
    <span className="cal-event-inner" {...hooks} title={arg.event.title}>
      {arg.timeText ? <span className="cal-event-time">{arg.timeText}</span> : null}
      {item && item.seriesId !== null ? (
        <span className="cal-event-series" role="img" aria-label={seriesLabel}>
          ↻
        </span>
      ) : null}
      <span className="cal-event-title">{arg.event.title}</span>
    </span>
  );
}
