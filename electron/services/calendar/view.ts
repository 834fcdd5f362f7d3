/**
 * The calendar for a range of local dates: items (stored and series occurrences), the ideas
 * backlog, conflicts, gaps, owner overloads, the content mix against its targets, and the
 * high-value events of the quarters the range touches.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { calendarOptions, listBacklog, readCalendarSettings } from '../../../db/queries/calendar';
import type { CalendarFilter, CalendarView, ContentItem } from '../../../shared/calendar';
import {
  findConflicts,
  findGaps,
  findOverloads,
  highValueByQuarter,
  quarterOf,
  quarterRange,
} from '../../../shared/calendar/checks';
import { computeMix } from '../../../shared/calendar/mix';
import type { LocalClock } from './clock';
import { planBetween, toContentItem } from './model';

/** The longest range one request may cover, so a typo cannot expand a daily series for centuries. */
export const MAX_RANGE_DAYS = 800;

/**
 * True when the item passes every filter set (an empty or absent list lets everything through).
 *
 * @example
 * matchesFilter(item, { channels: ['公众号'] }) // true for an item on 公众号
 */
export function matchesFilter(item: ContentItem, filter: CalendarFilter): boolean {
  const pass = <T>(values: readonly T[] | undefined, value: T | null): boolean =>
    values === undefined || values.length === 0 || (value !== null && values.includes(value));
  return (
    pass(filter.channels, item.channel) &&
    pass(filter.owners, item.owner) &&
    pass(filter.campaigns, item.campaign) &&
    pass(filter.pillars, item.pillar) &&
    pass(filter.formats, item.format) &&
    pass(filter.sources, item.source) &&
    pass(filter.statuses, item.status)
  );
}

function quartersBetween(from: string, to: string): string[] {
  const quarters: string[] = [];
  for (let q = quarterOf(from); ;) {
    quarters.push(q);
    if (q === quarterOf(to)) return quarters;
    const [year, n] = q.split('-Q').map(Number) as [number, number];
    q = n === 4 ? `${year + 1}-Q1` : `${year}-Q${n + 1}`;
  }
}

/**
 * The calendar view for local dates [from, to].
 *
 * @example
 * calendarView(sqlite, clock, { from: '2026-11-01', to: '2026-11-30', filter: {} }).mix[0].group // 'pillar'
 */
export function calendarView(
  sqlite: BetterSqlite3.Database,
  clock: LocalClock,
  request: { from: string; to: string; filter: CalendarFilter },
): CalendarView {
  const settings = readCalendarSettings(sqlite);
  const { from, to, filter } = request;
  const plan = planBetween(sqlite, clock, from, to);
  const items = plan.items.filter((item) => matchesFilter(item, filter));
  const shownSeries = new Set(items.flatMap((i) => (i.seriesId === null ? [] : [i.seriesId])));
  const promises = plan.promises.filter((p) => shownSeries.has(p.seriesId) || !hasFilter(filter));

  const quarters = quartersBetween(from, to);
  const quarterSpan = {
    from: quarterRange(quarters[0] as string).from,
    to: quarterRange(quarters[quarters.length - 1] as string).to,
  };
  const quarterItems =
    quarterSpan.from === from && quarterSpan.to === to
      ? items
      : planBetween(sqlite, clock, quarterSpan.from, quarterSpan.to).items.filter((item) =>
          matchesFilter(item, filter),
        );

  return {
    from,
    to,
    items,
    backlog: listBacklog(sqlite)
      .map((row) => toContentItem(row, clock))
      .filter((item) => matchesFilter(item, filter)),
    conflicts: findConflicts(items),
    gaps: findGaps(promises, items),
    overloads: findOverloads(items, settings.ownerWeeklyLoad),
    mix: computeMix(items, settings.mixTargets, settings.driftPoints),
    highValue: highValueByQuarter(quarterItems, settings.highValue, quarters),
    options: calendarOptions(sqlite),
  };
}

function hasFilter(filter: CalendarFilter): boolean {
  return Object.values(filter).some((values) => Array.isArray(values) && values.length > 0);
}
