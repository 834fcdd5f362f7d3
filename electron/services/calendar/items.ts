/**
 * Stored items and series occurrences: resolving a reference, storing an occurrence the first
 * time it changes, creating, editing, moving, deleting, and performance after publishing.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  deleteItem,
  insertItem,
  readItem,
  readOccurrence,
  readSeries,
  writeItem,
  type ContentItemRow,
  type ContentSeriesRow,
} from '../../../db/queries/calendar';
import {
  emptyPerformance,
  type ContentFields,
  type ContentPerformance,
  type ContentRef,
  type ContentStatus,
  type ContentTiming,
} from '../../../shared/calendar';
import { expandOccurrences } from '../../../shared/calendar/recurrence';
import { resetOnEdit } from '../../../shared/calendar/review';
import { HearthError } from '../../../shared/errors';
import type { LocalClock } from './clock';

/** What a reference names: a stored item, or a series occurrence not stored yet. */
export type Resolved =
  | { row: ContentItemRow; series: ContentSeriesRow | null }
  | { row: null; series: ContentSeriesRow; occurrence: string };

/**
 * Finds what `ref` names, or throws not_found (also for a time the series does not recur at).
 *
 * @example
 * resolveRef(sqlite, { seriesId: 2, occurrence: '2026-11-24T09:00' }) // { row: null, series, occurrence }
 */
export function resolveRef(sqlite: BetterSqlite3.Database, ref: ContentRef): Resolved {
  if ('id' in ref) {
    const row = readItem(sqlite, ref.id);
    if (!row) throw new HearthError('not_found', `No calendar item ${ref.id}`, { itemId: ref.id });
    return { row, series: row.seriesId === null ? null : (readSeries(sqlite, row.seriesId) ?? null) };
  }
  const series = readSeries(sqlite, ref.seriesId);
  if (!series) throw new HearthError('not_found', `No series ${ref.seriesId}`, { seriesId: ref.seriesId });
  const row = readOccurrence(sqlite, ref.seriesId, ref.occurrence);
  if (row) return { row, series };
  const date = ref.occurrence.slice(0, 10);
  if (!expandOccurrences(series.startLocal, series.rule, date, date).includes(ref.occurrence)) {
    throw new HearthError('not_found', `Series ${ref.seriesId} has no occurrence at ${ref.occurrence}`, {
      seriesId: ref.seriesId,
      occurrence: ref.occurrence,
    });
  }
  return { row: null, series, occurrence: ref.occurrence };
}

/**
 * The stored row for `ref`, storing a series occurrence from its template first if needed (run
 * inside the caller's transaction).
 *
 * @example
 * materialize(sqlite, clock, { seriesId: 2, occurrence: '2026-11-24T09:00' }, now).id // 31
 */
export function materialize(
  sqlite: BetterSqlite3.Database,
  clock: LocalClock,
  ref: ContentRef,
  now: number,
): ContentItemRow {
  const resolved = resolveRef(sqlite, ref);
  if (resolved.row) return resolved.row;
  const { series, occurrence } = resolved;
  const id = insertItem(
    sqlite,
    {
      fields: series.fields,
      status: series.status,
      scheduledAt: clock.toUtc(occurrence),
      durationMin: series.durationMin,
      allDay: series.allDay,
      seriesId: series.id,
      occurrence,
    },
    now,
  );
  const row = readItem(sqlite, id);
  if (!row) throw new Error(`Stored occurrence ${id} vanished`);
  return row;
}

/**
 * Creates a standalone item (an idea without timing lands in the backlog).
 *
 * @example
 * createItem(sqlite, clock, { fields, timing: { start: '2026-11-24T09:00', durationMin: 60, allDay: false }, status: 'draft' }, now)
 */
export function createItem(
  sqlite: BetterSqlite3.Database,
  clock: LocalClock,
  input: { fields: ContentFields; timing: ContentTiming | null; status: ContentStatus },
  now: number,
): ContentItemRow {
  if (!['idea', 'draft'].includes(input.status)) {
    throw new HearthError(
      'invalid_argument',
      'A new item starts as an idea or a draft; review, approval and publishing follow the review chain',
      {
        field: 'status',
      },
    );
  }
  const id = insertItem(
    sqlite,
    {
      fields: input.fields,
      status: input.status,
      scheduledAt: input.timing ? clock.toUtc(input.timing.start) : null,
      durationMin: input.timing?.durationMin ?? 60,
      allDay: input.timing?.allDay ?? false,
      performance: emptyPerformance,
    },
    now,
  );
  return readItem(sqlite, id) as ContentItemRow;
}

/**
 * Edits one item (storing a series occurrence first). A new title or body sends an item under
 * review or approved back to draft: an approval is for the text that was approved. `timing: null`
 * moves it to the backlog.
 *
 * @example
 * updateItem(sqlite, clock, { ref: { id: 12 }, timing: { start: '2026-11-26T09:00', durationMin: 60, allDay: false } }, now)
 */
export function updateItem(
  sqlite: BetterSqlite3.Database,
  clock: LocalClock,
  input: { ref: ContentRef; fields?: Partial<ContentFields> | undefined; timing?: ContentTiming | null | undefined },
  now: number,
): ContentItemRow {
  return sqlite.transaction(() => {
    const row = materialize(sqlite, clock, input.ref, now);
    const fields = { ...row.fields, ...definedOnly(input.fields ?? {}) };
    const textChanged = fields.title !== row.fields.title || fields.body !== row.fields.body;
    const review = textChanged ? resetOnEdit({ status: row.status, reviewStep: row.reviewStep }) : row;
    let next: ContentItemRow = { ...row, fields, status: review.status, reviewStep: review.reviewStep };
    if (input.timing === null) {
      if (row.seriesId !== null) {
        throw new HearthError(
          'invalid_argument',
          'An occurrence of a series cannot go back to the ideas backlog; delete it instead',
          { field: 'timing' },
        );
      }
      next = { ...next, scheduledAt: null };
    } else if (input.timing !== undefined) {
      next = {
        ...next,
        scheduledAt: clock.toUtc(input.timing.start),
        durationMin: input.timing.durationMin,
        allDay: input.timing.allDay,
      };
    }
    if (next.scheduledAt === null && next.status === 'scheduled') next = { ...next, status: 'approved' };
    writeItem(sqlite, next, now);
    return readItem(sqlite, row.id) as ContentItemRow;
  })();
}

/**
 * Deletes a standalone item; an occurrence of a series is kept as cancelled, so the series skips
 * it and the calendar shows why nothing is there. Published items are history and stay.
 *
 * @example
 * removeItem(sqlite, clock, { seriesId: 2, occurrence: '2026-11-24T09:00' }, now)
 */
export function removeItem(sqlite: BetterSqlite3.Database, clock: LocalClock, ref: ContentRef, now: number): void {
  sqlite.transaction(() => {
    const row = materialize(sqlite, clock, ref, now);
    if (row.status === 'published') {
      throw new HearthError(
        'invalid_argument',
        `"${row.fields.title}" is published; it stays in the calendar as a record`,
        { itemId: row.id },
      );
    }
    if (row.seriesId === null) deleteItem(sqlite, row.id);
    else writeItem(sqlite, { ...row, status: 'cancelled', reviewStep: 0 }, now);
  })();
}

/**
 * Sets performance counts (entered by hand or from a CSV); fields left out keep their values.
 *
 * @example
 * setPerformance(sqlite, clock, { id: 12 }, { reach: 5200, likes: 310 }, now).performance.reach // 5200
 */
export function setPerformance(
  sqlite: BetterSqlite3.Database,
  clock: LocalClock,
  ref: ContentRef,
  performance: Partial<ContentPerformance>,
  now: number,
): ContentItemRow {
  return sqlite.transaction(() => {
    const row = materialize(sqlite, clock, ref, now);
    writeItem(sqlite, { ...row, performance: { ...row.performance, ...definedOnly(performance) } }, now);
    return readItem(sqlite, row.id) as ContentItemRow;
  })();
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
