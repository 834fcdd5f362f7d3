/** Turning stored rows and series rules into the contract's calendar items. */
import type BetterSqlite3 from 'better-sqlite3';
import {
  listItemsBetween,
  listSeries,
  listStoredOccurrences,
  type ContentItemRow,
  type ContentSeriesRow,
} from '../../../db/queries/calendar';
import { emptyPerformance, type ContentItem, type ContentSeries } from '../../../shared/calendar';
import { isoWeekStart } from '../../../shared/calendar/checks';
import { expandOccurrences, toRRule } from '../../../shared/calendar/recurrence';
import { addDays, type LocalClock } from './clock';

/**
 * A stored item as the calendar shows it.
 *
 * @example
 * toContentItem(row, localClock('Asia/Shanghai')).key // 'i12'
 */
export function toContentItem(row: ContentItemRow, clock: LocalClock): ContentItem {
  return {
    ...row.fields,
    key: `i${row.id}`,
    id: row.id,
    seriesId: row.seriesId,
    occurrence: row.occurrence,
    status: row.status,
    start: row.scheduledAt === null ? null : clock.toLocal(row.scheduledAt),
    durationMin: row.durationMin,
    allDay: row.allDay,
    reviewStep: row.reviewStep,
    performance: row.performance,
    updatedAt: row.updatedAt,
  };
}

/**
 * An occurrence of a series nobody has changed: the series' template at the occurrence's time.
 *
 * @example
 * virtualOccurrence(series, '2026-11-24T09:00').key // 's2@2026-11-24T09:00'
 */
export function virtualOccurrence(series: ContentSeriesRow, occurrence: string): ContentItem {
  return {
    ...series.fields,
    key: `s${series.id}@${occurrence}`,
    id: null,
    seriesId: series.id,
    occurrence,
    status: series.status,
    start: occurrence,
    durationMin: series.durationMin,
    allDay: series.allDay,
    reviewStep: 0,
    performance: emptyPerformance,
    updatedAt: null,
  };
}

/**
 * A series as the contract shows it.
 *
 * @example
 * toContentSeries(series).rrule // 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU'
 */
export function toContentSeries(series: ContentSeriesRow): ContentSeries {
  return {
    id: series.id,
    fields: series.fields,
    timing: { start: series.startLocal, durationMin: series.durationMin, allDay: series.allDay },
    rule: series.rule,
    status: series.status,
    rrule: toRRule(series.rule, series.startLocal),
  };
}

/** A day on which a series promises an occurrence. */
export interface SeriesPromise {
  seriesId: number;
  title: string;
  channel: string | null;
  date: string;
}

/**
 * Everything planned on the local dates [from, to]: stored items scheduled then, plus the series'
 * occurrences nobody has stored (a stored occurrence replaces its rule-made one wherever it was
 * moved), and the days each series promises something (for gap checks).
 *
 * @example
 * planBetween(sqlite, clock, '2026-11-01', '2026-11-30').items.length // 34
 */
export function planBetween(
  sqlite: BetterSqlite3.Database,
  clock: LocalClock,
  from: string,
  to: string,
): { items: ContentItem[]; promises: SeriesPromise[] } {
  const fromLocal = `${from}T00:00`;
  const toLocal = `${addDays(to, 1)}T00:00`;
  const items = listItemsBetween(sqlite, clock.toUtc(fromLocal), clock.toUtc(toLocal)).map((row) =>
    toContentItem(row, clock),
  );
  const stored = new Map(
    listStoredOccurrences(sqlite, fromLocal, toLocal).map((row) => [`${row.seriesId}@${row.occurrence}`, row] as const),
  );
  const promises: SeriesPromise[] = [];
  for (const series of listSeries(sqlite)) {
    for (const occurrence of expandOccurrences(series.startLocal, series.rule, from, to)) {
      const row = stored.get(`${series.id}@${occurrence}`);
      if (!row) items.push(virtualOccurrence(series, occurrence));
      // An occurrence moved within its own day / week / month still keeps the series' promise.
      const kept =
        row !== undefined &&
        row.status !== 'cancelled' &&
        row.scheduledAt !== null &&
        samePeriod(series.rule.freq, occurrence, clock.toLocal(row.scheduledAt));
      if (!kept) {
        const date = occurrence.slice(0, 10);
        promises.push({ seriesId: series.id, title: series.fields.title, channel: series.fields.channel, date });
      }
    }
  }
  items.sort((a, b) => (a.start ?? '').localeCompare(b.start ?? '') || a.key.localeCompare(b.key));
  return { items, promises };
}

/** True when two local times fall in the same day (daily), ISO week (weekly) or month (monthly). */
function samePeriod(freq: 'daily' | 'weekly' | 'monthly', a: string, b: string): boolean {
  if (freq === 'daily') return a.slice(0, 10) === b.slice(0, 10);
  if (freq === 'monthly') return a.slice(0, 7) === b.slice(0, 7);
  return isoWeekStart(a.slice(0, 10)) === isoWeekStart(b.slice(0, 10));
}
