/**
 * Recurring series: create, edit the whole series, delete. Occurrences someone changed are stored
 * items; a series edit carries a field over to them only where they still hold the series' old
 * value (their own changes win), and a new rule re-attaches each to the new occurrence on the same
 * day, or detaches it as a standalone item when the new rule has none that day — nothing a user
 * touched is lost.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  deleteItem,
  deleteSeries,
  insertSeries,
  listSeriesItems,
  readSeries,
  writeItem,
  writeSeries,
  type ContentSeriesRow,
} from '../../../db/queries/calendar';
import type { ContentFields, ContentStatus, ContentTiming, Recurrence } from '../../../shared/calendar';
import { expandOccurrences } from '../../../shared/calendar/recurrence';
import { resetOnEdit } from '../../../shared/calendar/review';
import { HearthError } from '../../../shared/errors';
import type { LocalClock } from './clock';

/** Statuses a series' new occurrences may start in. */
const SERIES_STATUSES: readonly ContentStatus[] = ['idea', 'draft', 'approved', 'scheduled'];

/**
 * Creates a series.
 *
 * @example
 * createSeries(sqlite, { fields, timing: { start: '2026-11-03T20:00', durationMin: 60, allDay: false }, rule, status: 'draft' }, now)
 */
export function createSeries(
  sqlite: BetterSqlite3.Database,
  input: { fields: ContentFields; timing: ContentTiming; rule: Recurrence; status: ContentStatus },
  now: number,
): ContentSeriesRow {
  checkSeriesStatus(input.status);
  const id = insertSeries(
    sqlite,
    {
      fields: input.fields,
      status: input.status,
      startLocal: input.timing.start,
      durationMin: input.timing.durationMin,
      allDay: input.timing.allDay,
      rule: input.rule,
    },
    now,
  );
  return readSeries(sqlite, id) as ContentSeriesRow;
}

function checkSeriesStatus(status: ContentStatus): void {
  if (!SERIES_STATUSES.includes(status)) {
    throw new HearthError('invalid_argument', `A series' occurrences cannot start as ${status}`, { field: 'status' });
  }
}

/**
 * Edits the whole series (see the module comment for what happens to changed occurrences).
 *
 * @example
 * updateSeries(sqlite, clock, { id: 2, fields: { owner: 'Mia' } }, now)
 */
export function updateSeries(
  sqlite: BetterSqlite3.Database,
  clock: LocalClock,
  input: {
    id: number;
    fields?: Partial<ContentFields> | undefined;
    timing?: ContentTiming | undefined;
    rule?: Recurrence | undefined;
  },
  now: number,
): ContentSeriesRow {
  return sqlite.transaction(() => {
    const old = readSeries(sqlite, input.id);
    if (!old) throw new HearthError('not_found', `No series ${input.id}`, { seriesId: input.id });
    const patch = Object.fromEntries(
      Object.entries(input.fields ?? {}).filter(([, v]) => v !== undefined),
    ) as Partial<ContentFields>;
    const next: ContentSeriesRow = {
      ...old,
      fields: { ...old.fields, ...patch },
      startLocal: input.timing?.start ?? old.startLocal,
      durationMin: input.timing?.durationMin ?? old.durationMin,
      allDay: input.timing?.allDay ?? old.allDay,
      rule: input.rule ?? old.rule,
    };
    writeSeries(sqlite, next, now);
    const ruleChanged = JSON.stringify([old.startLocal, old.rule]) !== JSON.stringify([next.startLocal, next.rule]);
    const timingChanged = ruleChanged || old.durationMin !== next.durationMin || old.allDay !== next.allDay;

    for (const row of listSeriesItems(sqlite, old.id)) {
      if (row.occurrence === null) continue;
      const editable = row.status !== 'published' && row.status !== 'cancelled';
      // Fields the occurrence still shares with the old series follow the edit.
      const fields = { ...row.fields };
      if (editable) {
        for (const key of Object.keys(patch) as (keyof ContentFields)[]) {
          if (JSON.stringify(row.fields[key]) === JSON.stringify(old.fields[key]))
            Object.assign(fields, { [key]: next.fields[key] });
        }
      }
      let item = { ...row, fields };
      if (fields.title !== row.fields.title || fields.body !== row.fields.body) {
        item = { ...item, ...resetOnEdit({ status: row.status, reviewStep: row.reviewStep }) };
      }
      if (timingChanged) {
        const date = row.occurrence.slice(0, 10);
        const key = expandOccurrences(next.startLocal, next.rule, date, date)[0];
        const unmoved = row.scheduledAt === clock.toUtc(row.occurrence);
        if (key === undefined) {
          if (row.status === 'cancelled') {
            deleteItem(sqlite, row.id); // only marked a skipped occurrence that no longer exists
            continue;
          }
          item = { ...item, seriesId: null, occurrence: null };
        } else {
          item = { ...item, occurrence: key };
          if (unmoved && editable)
            item = { ...item, scheduledAt: clock.toUtc(key), durationMin: next.durationMin, allDay: next.allDay };
        }
      }
      writeItem(sqlite, item, now);
    }
    return readSeries(sqlite, old.id) as ContentSeriesRow;
  })();
}

/**
 * Deletes a series and its planned occurrences; published ones stay as standalone records.
 *
 * @example
 * removeSeries(sqlite, 2)
 */
export function removeSeries(sqlite: BetterSqlite3.Database, id: number, now: number): void {
  sqlite.transaction(() => {
    if (!readSeries(sqlite, id)) throw new HearthError('not_found', `No series ${id}`, { seriesId: id });
    for (const row of listSeriesItems(sqlite, id)) {
      if (row.status === 'published') writeItem(sqlite, { ...row, seriesId: null, occurrence: null }, now);
      else deleteItem(sqlite, row.id);
    }
    deleteSeries(sqlite, id);
  })();
}
