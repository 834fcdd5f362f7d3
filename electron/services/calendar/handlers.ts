/** Content calendar handlers: the view, items, series, review, performance, settings, lexicon, CSV and ICS. */
import path from 'node:path';
import {
  listBacklog,
  readCalendarSettings,
  readSensitiveWords,
  replaceSensitiveWords,
  writeCalendarSettings,
} from '../../../db/queries/calendar';
import { HearthError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { exportFileName, writeFileAtomic } from '../exports';
import type { Handlers } from '../router';
import { addDays, localClock, type LocalClock } from './clock';
import { calendarCsv, exportItems, importItemsCsv, importPerformanceCsv } from './csv';
import { calendarIcs } from './ics';
import { createItem, removeItem, setPerformance, updateItem } from './items';
import { toContentItem, toContentSeries } from './model';
import { contentDetail, reviewItem } from './review';
import { createSeries, removeSeries, updateSeries } from './series';
import { calendarView, MAX_RANGE_DAYS } from './view';

function clockOf(ctx: ServiceContext): LocalClock {
  const summary = ctx.session.summary();
  if (!summary) throw new HearthError('workspace_not_open', 'No workspace is open');
  return localClock(summary.timeZone);
}

function changed(ctx: ServiceContext): void {
  ctx.events.emit({ type: 'data/changed', path: ctx.session.workspace.file });
}

function checkRange(from: string, to: string): void {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (!(days >= 0 && days <= MAX_RANGE_DAYS)) {
    throw new HearthError(
      'invalid_argument',
      `A calendar range runs forward and spans at most ${MAX_RANGE_DAYS} days (${from} – ${to})`,
      {
        field: 'to',
        from,
        to,
      },
    );
  }
}

/** The range an export covers: as asked, else from a month ago to a year ahead. */
function exportRange(
  ctx: ServiceContext,
  clock: LocalClock,
  from: string | undefined,
  to: string | undefined,
): { from: string; to: string } {
  const today = clock.toLocal(ctx.now()).slice(0, 10);
  const range = { from: from ?? addDays(to ?? today, -30), to: to ?? addDays(from ?? today, 365) };
  checkRange(range.from, range.to);
  return range;
}

export const calendarHandlers: Handlers = {
  'calendar/range': async (input, ctx) => {
    checkRange(input.from, input.to);
    return calendarView(ctx.session.workspace.sqlite, clockOf(ctx), input);
  },

  'calendar/detail': async (input, ctx) => contentDetail(ctx.session.workspace.sqlite, clockOf(ctx), input.ref),

  'calendar/item/create': async (input, ctx) => {
    const clock = clockOf(ctx);
    const row = createItem(ctx.session.workspace.sqlite, clock, input, ctx.now());
    changed(ctx);
    return toContentItem(row, clock);
  },

  'calendar/item/update': async (input, ctx) => {
    const clock = clockOf(ctx);
    const row = updateItem(ctx.session.workspace.sqlite, clock, input, ctx.now());
    changed(ctx);
    return toContentItem(row, clock);
  },

  'calendar/item/delete': async (input, ctx) => {
    removeItem(ctx.session.workspace.sqlite, clockOf(ctx), input.ref, ctx.now());
    changed(ctx);
    return { ok: true as const };
  },

  'calendar/performance/set': async (input, ctx) => {
    const clock = clockOf(ctx);
    const row = setPerformance(ctx.session.workspace.sqlite, clock, input.ref, input.performance, ctx.now());
    changed(ctx);
    return toContentItem(row, clock);
  },

  'calendar/review': async (input, ctx) => {
    const detail = reviewItem(ctx.session.workspace.sqlite, clockOf(ctx), input, ctx.now());
    changed(ctx);
    return detail;
  },

  'calendar/series/create': async (input, ctx) => {
    const series = createSeries(ctx.session.workspace.sqlite, input, ctx.now());
    changed(ctx);
    return toContentSeries(series);
  },

  'calendar/series/update': async (input, ctx) => {
    const series = updateSeries(ctx.session.workspace.sqlite, clockOf(ctx), input, ctx.now());
    changed(ctx);
    return toContentSeries(series);
  },

  'calendar/series/delete': async (input, ctx) => {
    removeSeries(ctx.session.workspace.sqlite, input.id, ctx.now());
    changed(ctx);
    return { ok: true as const };
  },

  'calendar/settings/get': async (_input, ctx) => readCalendarSettings(ctx.session.workspace.sqlite),

  'calendar/settings/set': async (input, ctx) => {
    writeCalendarSettings(ctx.session.workspace.sqlite, input);
    changed(ctx);
    return readCalendarSettings(ctx.session.workspace.sqlite);
  },

  'calendar/import': async (input, ctx) => {
    const sqlite = ctx.session.workspace.sqlite;
    const clock = clockOf(ctx);
    const file = path.resolve(input.path);
    const result =
      input.kind === 'items'
        ? importItemsCsv(sqlite, clock, file, ctx.now())
        : importPerformanceCsv(sqlite, clock, file, ctx.now());
    if (result.added + result.updated > 0) changed(ctx);
    return result;
  },

  'calendar/export': async (input, ctx) => {
    const sqlite = ctx.session.workspace.sqlite;
    const clock = clockOf(ctx);
    const summary = ctx.session.summary();
    const name = summary?.name ?? 'workspace';
    const { from, to } = exportRange(ctx, clock, input.from, input.to);
    const file = input.path
      ? path.resolve(input.path)
      : path.join(ctx.workspacesDir, 'Exports', exportFileName(name, 'calendar', input.format, new Date(ctx.now())));
    if (input.format === 'ics') {
      const { text, items } = calendarIcs(sqlite, clock, { name, from, to, now: ctx.now() });
      writeFileAtomic(file, text);
      return { path: file, items };
    }
    const items = exportItems(
      sqlite,
      clock,
      from,
      to,
      listBacklog(sqlite).map((row) => toContentItem(row, clock)),
    );
    writeFileAtomic(file, calendarCsv(items, input.language));
    return { path: file, items: items.length };
  },

  'lexicon/get': async (_input, ctx) => readSensitiveWords(ctx.session.workspace.sqlite),

  'lexicon/set': async (input, ctx) => {
    replaceSensitiveWords(ctx.session.workspace.sqlite, input.words);
    changed(ctx);
    return readSensitiveWords(ctx.session.workspace.sqlite);
  },
};
