/**
 * iCalendar export (RFC 5545) with ical-generator: times carry the workspace's TZID and a
 * VTIMEZONE, so a calendar app shows them at the planned local time wherever it runs; a series is
 * one event with its RRULE, skipped occurrences are EXDATEs and changed ones are RECURRENCE-ID
 * overrides, as calendar apps expect.
 */
import type BetterSqlite3 from 'better-sqlite3';
import ical, { ICalEventStatus, type ICalEventData } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import {
  listItemsBetween,
  listSeries,
  listSeriesItems,
  type ContentItemRow,
  type ContentSeriesRow,
} from '../../../db/queries/calendar';
import type { ContentFields, ContentStatus } from '../../../shared/calendar';
import { expandOccurrences, toRRule } from '../../../shared/calendar/recurrence';
import { addDays, addMinutes, type LocalClock } from './clock';

/** A local wall-clock time as a Date whose UTC fields are that wall-clock (what ical-generator formats with the TZID). */
const wall = (local: string): Date => new Date(`${local}:00Z`);

function status(s: ContentStatus): ICalEventStatus {
  if (s === 'cancelled') return ICalEventStatus.CANCELLED;
  return s === 'approved' || s === 'scheduled' || s === 'published'
    ? ICalEventStatus.CONFIRMED
    : ICalEventStatus.TENTATIVE;
}

function describe(fields: ContentFields, s: ContentStatus): string {
  const facts = [
    ['Channel', fields.channel],
    ['Owner', fields.owner],
    ['Campaign', fields.campaign],
    ['Pillar', fields.pillar],
    ['Format', fields.format],
    ['Source', fields.source?.toUpperCase() ?? null],
    ['Status', s],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');
  return [fields.body, facts].filter((t) => t).join('\n\n');
}

function timing(start: string, durationMin: number, allDay: boolean): Pick<ICalEventData, 'start' | 'end' | 'allDay'> {
  if (allDay) {
    const days = Math.max(1, Math.round(durationMin / 1440));
    return {
      start: wall(`${start.slice(0, 10)}T00:00`),
      end: wall(`${addDays(start.slice(0, 10), days)}T00:00`),
      allDay: true,
    };
  }
  return { start: wall(start), end: wall(addMinutes(start, durationMin)), allDay: false };
}

function eventData(
  fields: ContentFields,
  s: ContentStatus,
): Pick<ICalEventData, 'summary' | 'description' | 'categories' | 'status' | 'location'> {
  return {
    summary: fields.title,
    description: describe(fields, s),
    categories: [fields.channel, fields.pillar, fields.format]
      .filter((c): c is string => c !== null)
      .map((name) => ({ name })),
    status: status(s),
    location: fields.channel,
  };
}

/**
 * The iCalendar text for the workspace's plan: stored items scheduled in [from, to], and every
 * series with an occurrence there (the whole series, with its rule).
 *
 * @example
 * calendarIcs(sqlite, clock, { name: '咖啡社群', from: '2026-11-01', to: '2026-11-30', now }).startsWith('BEGIN:VCALENDAR') // true
 */
export function calendarIcs(
  sqlite: BetterSqlite3.Database,
  clock: LocalClock,
  options: { name: string; from: string; to: string; now: number },
): { text: string; items: number } {
  const tz = clock.timeZone;
  const cal = ical({
    name: options.name,
    prodId: { company: 'Hearth', product: 'Content calendar', language: 'EN' },
    timezone: { name: tz, generator: getVtimezoneComponent },
  });
  const stamp = new Date(options.now);
  let items = 0;

  for (const row of listItemsBetween(
    sqlite,
    clock.toUtc(`${options.from}T00:00`),
    clock.toUtc(`${addDays(options.to, 1)}T00:00`),
  )) {
    if (row.seriesId !== null || row.scheduledAt === null) continue;
    cal.createEvent({
      id: `item-${row.id}@hearth`,
      stamp,
      timezone: tz,
      ...timing(clock.toLocal(row.scheduledAt), row.durationMin, row.allDay),
      ...eventData(row.fields, row.status),
    });
    items += 1;
  }

  for (const series of listSeries(sqlite)) {
    if (expandOccurrences(series.startLocal, series.rule, options.from, options.to, 1).length === 0) continue;
    items += addSeries(cal, series, listSeriesItems(sqlite, series.id), clock, stamp);
  }

  // ical-generator writes DTSTAMP in the calendar's zone without a Z; RFC 5545 wants UTC, and the
  // value it writes is the UTC time (stamp's UTC fields), so marking it is exact.
  const text = cal.toString().replace(/^DTSTAMP:(\d{8}T\d{6})(\r?)$/gm, 'DTSTAMP:$1Z$2');
  return { text, items };
}

function addSeries(
  cal: ReturnType<typeof ical>,
  series: ContentSeriesRow,
  stored: readonly ContentItemRow[],
  clock: LocalClock,
  stamp: Date,
): number {
  const tz = clock.timeZone;
  const uid = `series-${series.id}@hearth`;
  const until =
    series.rule.end.kind === 'until' ? clock.toUtc(`${addDays(series.rule.end.date, 1)}T00:00`) - 1000 : undefined;
  const rrule = toRRule(series.rule, series.startLocal, until === undefined ? {} : { untilUtcMs: until });
  const exdates = stored
    .filter((row) => row.status === 'cancelled' && row.occurrence !== null)
    .map((row) =>
      series.allDay
        ? `EXDATE;VALUE=DATE:${(row.occurrence as string).slice(0, 10).replace(/-/g, '')}`
        : `EXDATE;TZID=${tz}:${compact(row.occurrence as string)}`,
    );
  cal.createEvent({
    id: uid,
    stamp,
    timezone: tz,
    ...timing(series.startLocal, series.durationMin, series.allDay),
    ...eventData(series.fields, series.status),
    repeating: [`RRULE:${rrule}`, ...exdates].join('\n'),
  });
  let events = 1;
  for (const row of stored) {
    if (row.status === 'cancelled' || row.occurrence === null || row.scheduledAt === null) continue;
    cal.createEvent({
      id: uid,
      stamp,
      timezone: tz,
      recurrenceId: wall(series.allDay ? `${row.occurrence.slice(0, 10)}T00:00` : row.occurrence),
      ...timing(clock.toLocal(row.scheduledAt), row.durationMin, row.allDay),
      ...eventData(row.fields, row.status),
    });
    events += 1;
  }
  return events;
}

/** '2026-11-24T09:00' → '20261124T090000'. */
function compact(local: string): string {
  return `${local.replace(/[-:]/g, '')}00`;
}
