import { useEffect, useRef, useState } from 'react';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import listPlugin from '@fullcalendar/list';
import interactionPlugin, { type DateClickArg, type EventReceiveArg } from '@fullcalendar/interaction';
import zhCnLocale from '@fullcalendar/core/locales/zh-cn';
import type { DatesSetArg, EventInput } from '@fullcalendar/core';
import { saveMovedEvent, scheduleDroppedIdea } from '../../calendar/dragActions';
import type { EventExtras } from '../../calendar/events';
import { refOf } from '../../calendar/refs';
import {
  calendarViews,
  openItem,
  showRange,
  startNewItem,
  useCalendar,
  type CalendarViewName,
} from '../../calendar/store';
import { dateToDay, dateToWall, dayBefore } from '../../calendar/time';
import { useT } from '../../i18n';
import { useLanguage } from '../../stores/language';
import { EventContent } from './EventContent';

interface CalendarGridProps {
  events: EventInput[];
  /** The workspace's wall clock now, so "today" is the workspace's today. */
  now: string;
}

const plugins = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];

function isView(name: string): name is CalendarViewName {
  return (calendarViews as readonly string[]).includes(name);
}

/**
 * FullCalendar in the workspace's wall clock (timeZone 'UTC', fed wall-clock text): month, week
 * and list views; drag, resize and drops from the backlog save at once.
 */
export function CalendarGrid({ events, now }: CalendarGridProps) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const view = useCalendar((s) => s.view);
  // FullCalendar switches views itself; the stored view only picks where a new grid starts.
  const [initialView] = useState(view);
  const calendar = useRef<FullCalendar>(null);
  const jump = useCalendar((s) => s.jump);
  useEffect(() => {
    if (jump) calendar.current?.getApi().gotoDate(jump.date);
  }, [jump]);

  const onDates = (arg: DatesSetArg) => {
    if (!isView(arg.view.type)) return;
    showRange(arg.view.type, { from: dateToDay(arg.start), to: dayBefore(arg.end) });
  };

  const onDateClick = (arg: DateClickArg) => {
    // A day in the month grid means that day at 09:00; the week's all-day row an all-day item.
    if (arg.view.type === 'dayGridMonth') startNewItem({ start: `${dateToDay(arg.date)}T09:00`, allDay: false });
    else startNewItem({ start: dateToWall(arg.date), allDay: arg.allDay });
  };

  const onReceive = (arg: EventReceiveArg) => {
    const id = Number(arg.event.extendedProps['backlogId']);
    const start = arg.event.start;
    const allDay = arg.event.allDay;
    // The services' answer brings the item back as a real event; the temporary one goes.
    arg.event.remove();
    if (!start || !Number.isInteger(id)) return;
    void scheduleDroppedIdea(id, start, allDay);
  };

  return (
    <div className="cal-grid" data-testid="calendar-grid" data-view={view}>
      <FullCalendar
        ref={calendar}
        plugins={plugins}
        initialView={initialView}
        timeZone="UTC"
        now={now}
        locales={[zhCnLocale]}
        locale={language === 'zh-CN' ? 'zh-cn' : 'en'}
        firstDay={1}
        headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listMonth' }}
        buttonText={{
          today: t('calendar.today'),
          month: t('calendar.view.month'),
          week: t('calendar.view.week'),
          list: t('calendar.view.list'),
        }}
        height="auto"
        slotMinTime="07:00:00"
        slotMaxTime="23:00:00"
        dayMaxEvents={4}
        eventDisplay="block"
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        nowIndicator
        editable
        droppable
        eventStartEditable
        eventDurationEditable
        events={events}
        eventContent={(arg) => <EventContent arg={arg} seriesLabel={t('calendar.series')} />}
        datesSet={onDates}
        dateClick={onDateClick}
        eventClick={(arg) => {
          const extras = arg.event.extendedProps as Partial<EventExtras>;
          if (extras.item) openItem(refOf(extras.item));
        }}
        eventDrop={(arg) => void saveMovedEvent(arg.event, arg.revert)}
        eventResize={(arg) => void saveMovedEvent(arg.event, arg.revert)}
        eventReceive={onReceive}
      />
    </div>
  );
}
