/**
 * Wall-clock arithmetic for the calendar. The API speaks the workspace's wall clock
 * ('2026-11-24T09:00') and FullCalendar runs with timeZone 'UTC', so a wall-clock text is read and
 * written as if it were UTC: the grid then shows the workspace's clock whatever the browser's zone.
 * Nothing here looks at the browser's zone.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

/** '2026-11-24T09:00' → the Date FullCalendar shows at 09:00 on the 24th. */
export function wallToDate(wall: string): Date {
  return new Date(`${wall.length === 10 ? `${wall}T00:00` : wall}:00Z`);
}

/** A FullCalendar Date → '2026-11-24T09:00'. */
export function dateToWall(date: Date): string {
  return date.toISOString().slice(0, 16);
}

/** A FullCalendar Date → '2026-11-24'. */
export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The wall clock `minutes` after `wall`. */
export function addMinutes(wall: string, minutes: number): string {
  return dateToWall(new Date(wallToDate(wall).getTime() + minutes * MINUTE));
}

/** The day before `day` ('2026-12-01' → '2026-11-30'): FullCalendar's end is exclusive, the API's inclusive. */
export function dayBefore(date: Date): string {
  return dateToDay(new Date(date.getTime() - DAY));
}

/** Minutes between two FullCalendar Dates. */
export function minutesBetween(start: Date, end: Date): number {
  return Math.round((end.getTime() - start.getTime()) / MINUTE);
}

/**
 * The wall clock now in `timeZone` ('2026-11-24T09:00:00'), for FullCalendar's `now`, so "today"
 * is the workspace's today.
 */
export function nowInZone(timeZone: string, at: number = Date.now()): string {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  for (const part of format.formatToParts(at)) parts[part.type] = part.value;
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}`;
}
