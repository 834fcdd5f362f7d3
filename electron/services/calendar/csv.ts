/**
 * Calendar CSV: export (UTF-8 with a BOM for Excel, formula-escaped cells, headers in the chosen
 * language) and import of items and of performance figures. Imports accept English or Chinese
 * headers and values (pillar 基础/进阶/共创, format 视频/音频/图文/活动…), check every row before
 * writing anything, name the file, line and field of the first problem, and write in one
 * transaction. Re-importing the same file adds nothing: new rows carry a key made from their
 * content, rows exported with an id (or a series occurrence) update that item only if they differ.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { insertItem, itemIdByImportKey, writeItem } from '../../../db/queries/calendar';
import {
  contentFormats,
  contentPillars,
  contentSources,
  contentStatuses,
  emptyPerformance,
  type ContentFields,
  type ContentItem,
  type ContentPerformance,
  type ContentRef,
} from '../../../shared/calendar';
import { HearthError } from '../../../shared/errors';
import type { Locale } from '../../../shared/workspace';
import { detectEncoding } from '../import/parsers/text-input';
import type { LocalClock } from './clock';
import { materialize, resolveRef } from './items';
import { planBetween } from './model';

/** Calendar CSVs are hand-made tables; a file beyond this is not one. */
const MAX_BYTES = 50 * 1024 * 1024;

const columns = [
  'id',
  'series_id',
  'occurrence',
  'title',
  'date',
  'time',
  'duration_min',
  'all_day',
  'channel',
  'owner',
  'campaign',
  'pillar',
  'format',
  'source',
  'status',
  'high_value',
  'reach',
  'likes',
  'comments',
  'shares',
  'conversions',
  'participants',
  'body',
] as const;
type Column = (typeof columns)[number];

const zhHeaders: Record<Column, string> = {
  id: '编号',
  series_id: '系列编号',
  occurrence: '系列场次',
  title: '标题',
  date: '日期',
  time: '时间',
  duration_min: '时长（分钟）',
  all_day: '全天',
  channel: '渠道',
  owner: '负责人',
  campaign: '主题活动',
  pillar: '内容支柱',
  format: '形式',
  source: '来源',
  status: '状态',
  high_value: '高价值内容事件',
  reach: '曝光',
  likes: '点赞',
  comments: '评论',
  shares: '分享',
  conversions: '转化',
  participants: '参与人数',
  body: '正文',
};

const zhValues: Record<string, string> = {
  basic: '基础',
  advanced: '进阶',
  cocreation: '共创',
  video: '视频',
  audio: '音频',
  text: '图文',
  activity: '活动',
  ugc: 'UGC',
  pgc: 'PGC',
  idea: '创意',
  draft: '草稿',
  in_review: '审核中',
  approved: '已通过',
  scheduled: '已排期',
  published: '已发布',
  cancelled: '已取消',
};

/** Header text (either language, any case, spaces or underscores) → column. */
const headerAliases = new Map<string, Column>();
for (const c of columns) {
  headerAliases.set(c, c);
  headerAliases.set(c.replace(/_/g, ' '), c);
  headerAliases.set(zhHeaders[c], c);
}
for (const [alias, c] of [
  ['时长', 'duration_min'],
  ['duration', 'duration_min'],
  ['活动', 'campaign'],
  ['支柱', 'pillar'],
  ['scheduled', 'date'],
  ['notes', 'body'],
  ['备注', 'body'],
  ['高价值', 'high_value'],
] as const) {
  headerAliases.set(alias, c);
}

const valueAliases = new Map<string, string>(Object.entries(zhValues).map(([code, zh]) => [zh.toLowerCase(), code]));
for (const [alias, code] of [
  ['图文', 'text'],
  ['文字', 'text'],
  ['直播', 'activity'],
  ['待审核', 'in_review'],
  ['review', 'in_review'],
  ['in review', 'in_review'],
  ['co-creation', 'cocreation'],
  ['想法', 'idea'],
] as const) {
  valueAliases.set(alias, code);
}

function headerOf(text: string): Column | undefined {
  return headerAliases.get(text.trim().toLowerCase().replace(/\s+/g, ' '));
}

function cellOf(item: ContentItem, column: Column, language: Locale): string | number {
  const words = (code: string | null): string =>
    code === null ? '' : language === 'zh-CN' ? (zhValues[code] ?? code) : code;
  switch (column) {
    case 'id':
      return item.id ?? '';
    case 'series_id':
      return item.seriesId ?? '';
    case 'occurrence':
      return item.occurrence ?? '';
    case 'date':
      return item.start?.slice(0, 10) ?? '';
    case 'time':
      return item.start === null || item.allDay ? '' : item.start.slice(11, 16);
    case 'duration_min':
      return item.durationMin;
    case 'all_day':
      return item.allDay ? 'yes' : '';
    case 'pillar':
    case 'format':
    case 'source':
    case 'status':
      return words(item[column]);
    case 'high_value':
      return item.highValue ? 'yes' : '';
    case 'reach':
    case 'likes':
    case 'comments':
    case 'shares':
    case 'conversions':
    case 'participants':
      return item.performance[column] ?? '';
    default:
      return item[column] ?? '';
  }
}

/**
 * The CSV text for items (a BOM, headers in `language`, formula-escaped cells).
 *
 * @example
 * calendarCsv(items, 'zh-CN').startsWith('\uFEFF编号,') // true
 */
export function calendarCsv(items: readonly ContentItem[], language: Locale): string {
  const header = columns.map((c) => (language === 'zh-CN' ? zhHeaders[c] : c));
  const rows = items.map((item) => columns.map((c) => cellOf(item, c, language)));
  return `\uFEFF${Papa.unparse([header, ...rows], { escapeFormulae: true, newline: '\r\n' })}\r\n`;
}

/**
 * Items for an export: everything planned in [from, to] (series occurrences included), then the
 * ideas backlog; without a range, every stored item plus the series' occurrences of the coming
 * year.
 *
 * @example
 * exportItems(sqlite, clock, '2026-11-01', '2026-11-30', backlog).length // 40
 */
export function exportItems(
  sqlite: BetterSqlite3.Database,
  clock: LocalClock,
  from: string,
  to: string,
  backlog: readonly ContentItem[],
): ContentItem[] {
  return [...planBetween(sqlite, clock, from, to).items, ...backlog];
}

/** One parsed CSV row, with the line it came from. */
interface Row {
  line: number;
  get(column: Column): string;
  has(column: Column): boolean;
}

function readRows(file: string): Row[] {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new HearthError('not_found', `No file at ${file}`, { file: name });
  }
  if (stat.size > MAX_BYTES) {
    throw new HearthError(
      'import_invalid',
      `${name} is ${Math.round(stat.size / 1048576)} MB; a calendar CSV can be at most 50 MB`,
      { file: name },
    );
  }
  const bytes = fs.readFileSync(file);
  const encoding = detectEncoding(bytes.subarray(0, 65_536));
  const text = iconv.decode(bytes.subarray(encoding.bomLength), encoding.encoding);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const [header, ...body] = parsed.data;
  if (!header) throw new HearthError('import_invalid', `${name} is empty`, { file: name, line: 1 });
  const index = new Map<Column, number>();
  header.forEach((h, i) => {
    const c = headerOf(h);
    if (c && !index.has(c)) index.set(c, i);
  });
  if (index.size === 0) {
    throw new HearthError(
      'import_invalid',
      `${name} has none of the calendar's columns (title, date, time, channel…) in its first line`,
      {
        file: name,
        line: 1,
        field: 'header',
      },
    );
  }
  // Papa's rows do not carry line numbers; count the physical lines each row spans.
  let line = 2;
  const lineOf: number[] = [];
  const rawRows = Papa.parse<string[]>(text, { skipEmptyLines: false }).data.slice(1);
  for (const raw of rawRows) {
    const span = raw.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    if (raw.some((cell) => cell.trim() !== '')) lineOf.push(line);
    line += 1 + span;
  }
  return body.map((cells, i) => ({
    line: lineOf[i] ?? i + 2,
    get: (column) => unescapeFormula((cells[index.get(column) ?? -1] ?? '').trim()),
    has: (column) => index.has(column),
  }));
}

/** Undoes the export's formula escaping ('=x → =x), so an exported file reads back as it was written. */
function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function problem(file: string, line: number, field: string, message: string): HearthError {
  return new HearthError('import_invalid', `${path.basename(file)}, line ${line}, ${field}: ${message}`, {
    file: path.basename(file),
    line,
    field,
  });
}

function enumValue<T extends string>(file: string, row: Row, column: Column, allowed: readonly T[]): T | null {
  const text = row.get(column);
  if (text === '') return null;
  const lower = text.toLowerCase();
  const code = allowed.includes(lower as T) ? lower : valueAliases.get(lower);
  if (code === undefined || !allowed.includes(code as T)) {
    throw problem(file, row.line, column, `"${text}" is not one of ${allowed.join(', ')}`);
  }
  return code as T;
}

function countValue(file: string, row: Row, column: Column): number | null {
  const text = row.get(column).replace(/[,，\s]/g, '');
  if (text === '') return null;
  if (!/^\d{1,13}$/.test(text)) throw problem(file, row.line, column, `"${row.get(column)}" is not a whole number`);
  return Number(text);
}

function flagValue(file: string, row: Row, column: Column): boolean {
  const text = row.get(column).toLowerCase();
  if (['', 'no', 'false', '0', '否'].includes(text)) return false;
  if (['yes', 'true', '1', '是', 'y', '✓'].includes(text)) return true;
  throw problem(file, row.line, column, `"${row.get(column)}" is neither yes nor no`);
}

function dateValue(file: string, row: Row): string | null {
  const text = row.get('date');
  if (text === '') return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  const date = m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : '';
  if (
    !m ||
    Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
    new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
  ) {
    throw problem(file, row.line, 'date', `"${text}" is not a date such as 2026-11-24`);
  }
  return date;
}

function timeValue(file: string, row: Row): string | null {
  const text = row.get('time');
  if (text === '') return null;
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59)
    throw problem(file, row.line, 'time', `"${text}" is not a time such as 09:30`);
  return `${m[1]?.padStart(2, '0')}:${m[2]}`;
}

function idValue(file: string, row: Row, column: 'id' | 'series_id'): number | null {
  const text = row.get(column);
  if (text === '') return null;
  if (!/^\d{1,15}$/.test(text)) throw problem(file, row.line, column, `"${text}" is not an item number`);
  return Number(text);
}

/** A checked item row, ready to write. */
interface ItemPlan {
  line: number;
  ref: ContentRef | null;
  fields: ContentFields;
  status: ContentItem['status'];
  start: string | null;
  durationMin: number;
  allDay: boolean;
  performance: ContentPerformance;
}

function planItemRow(file: string, row: Row): ItemPlan {
  const title = row.get('title');
  if (title === '') throw problem(file, row.line, 'title', 'every item needs a title');
  if (title.length > 200) throw problem(file, row.line, 'title', 'longer than 200 characters');
  const date = dateValue(file, row);
  const time = timeValue(file, row);
  const allDay = flagValue(file, row, 'all_day') || (date !== null && time === null);
  const duration = countValue(file, row, 'duration_min') ?? (allDay ? 1440 : 60);
  if (duration < 5 || duration > 60 * 24 * 31)
    throw problem(file, row.line, 'duration_min', `${duration} minutes is outside 5 minutes – 31 days`);
  const label = (column: 'channel' | 'owner' | 'campaign'): string | null => {
    const text = row.get(column);
    if (text.length > 64) throw problem(file, row.line, column, 'longer than 64 characters');
    return text === '' ? null : text;
  };
  const seriesId = idValue(file, row, 'series_id');
  const occurrence = row.get('occurrence');
  if (seriesId !== null && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(occurrence)) {
    throw problem(file, row.line, 'occurrence', `"${occurrence}" is not a series occurrence such as 2026-11-24T09:00`);
  }
  const id = idValue(file, row, 'id');
  const body = row.get('body');
  if (body.length > 20_000) throw problem(file, row.line, 'body', 'longer than 20,000 characters');
  return {
    line: row.line,
    ref: id !== null ? { id } : seriesId !== null ? { seriesId, occurrence } : null,
    fields: {
      title,
      body,
      channel: label('channel'),
      owner: label('owner'),
      campaign: label('campaign'),
      pillar: enumValue(file, row, 'pillar', contentPillars),
      format: enumValue(file, row, 'format', contentFormats),
      source: enumValue(file, row, 'source', contentSources),
      highValue: flagValue(file, row, 'high_value'),
      attachments: [],
    },
    status: enumValue(file, row, 'status', contentStatuses) ?? (date === null ? 'idea' : 'draft'),
    start: date === null ? null : `${date}T${time ?? '00:00'}`,
    durationMin: duration,
    allDay: date !== null && allDay,
    performance: {
      reach: countValue(file, row, 'reach'),
      likes: countValue(file, row, 'likes'),
      comments: countValue(file, row, 'comments'),
      shares: countValue(file, row, 'shares'),
      conversions: countValue(file, row, 'conversions'),
      participants: countValue(file, row, 'participants'),
    },
  };
}

export interface CalendarImportResult {
  file: string;
  added: number;
  updated: number;
  unchanged: number;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Imports calendar items from a CSV, all or nothing.
 *
 * @example
 * importItemsCsv(sqlite, clock, '/data/plan.csv', now) // { file: 'plan.csv', added: 12, updated: 0, unchanged: 0 }
 */
export function importItemsCsv(
  sqlite: BetterSqlite3.Database,
  clock: LocalClock,
  file: string,
  now: number,
): CalendarImportResult {
  const plans = readRows(file).map((row) => planItemRow(file, row));
  const result: CalendarImportResult = { file: path.basename(file), added: 0, updated: 0, unchanged: 0 };
  sqlite.transaction(() => {
    for (const plan of plans) {
      const scheduledAt = plan.start === null ? null : clock.toUtc(plan.start);
      if (plan.ref === null) {
        const key = `items:${crypto
          .createHash('sha256')
          .update(
            JSON.stringify([plan.fields, plan.status, plan.start, plan.durationMin, plan.allDay, plan.performance]),
          )
          .digest('hex')}`;
        if (itemIdByImportKey(sqlite, key) !== undefined) {
          result.unchanged += 1;
          continue;
        }
        insertItem(
          sqlite,
          {
            fields: plan.fields,
            status: plan.status,
            scheduledAt,
            durationMin: plan.durationMin,
            allDay: plan.allDay,
            performance: plan.performance,
            importKey: key,
          },
          now,
        );
        result.added += 1;
        continue;
      }
      let resolved;
      try {
        resolved = resolveRef(sqlite, plan.ref);
      } catch (error) {
        if (error instanceof HearthError && error.code === 'not_found')
          throw problem(file, plan.line, 'id' in plan.ref ? 'id' : 'occurrence', error.message);
        throw error;
      }
      const current = resolved.row ?? {
        fields: resolved.series.fields,
        status: resolved.series.status,
        scheduledAt: clock.toUtc(resolved.occurrence),
        durationMin: resolved.series.durationMin,
        allDay: resolved.series.allDay,
        performance: emptyPerformance,
      };
      const fields = { ...plan.fields, attachments: current.fields.attachments };
      const wanted = [fields, plan.status, scheduledAt, plan.durationMin, plan.allDay, plan.performance];
      if (
        same(
          [
            current.fields,
            current.status,
            current.scheduledAt,
            current.durationMin,
            current.allDay,
            current.performance,
          ],
          wanted,
        )
      ) {
        result.unchanged += 1;
        continue;
      }
      const row = resolved.row ?? materialize(sqlite, clock, plan.ref, now);
      const reviewStep = plan.status === row.status ? row.reviewStep : plan.status === 'in_review' ? 1 : 0;
      writeItem(
        sqlite,
        {
          ...row,
          fields,
          status: plan.status,
          scheduledAt,
          durationMin: plan.durationMin,
          allDay: plan.allDay,
          performance: plan.performance,
          reviewStep,
        },
        now,
      );
      result.updated += 1;
    }
  })();
  return result;
}

const performanceColumns = ['reach', 'likes', 'comments', 'shares', 'conversions', 'participants'] as const;

/**
 * Imports performance figures for published items from a CSV, all or nothing. Rows name their
 * item by id, by series and occurrence, or by title and date; blank figures leave a value alone.
 *
 * @example
 * importPerformanceCsv(sqlite, clock, '/data/perf.csv', now) // { file: 'perf.csv', added: 0, updated: 8, unchanged: 1 }
 */
export function importPerformanceCsv(
  sqlite: BetterSqlite3.Database,
  clock: LocalClock,
  file: string,
  now: number,
): CalendarImportResult {
  const rows = readRows(file);
  const first = rows[0];
  if (first && !performanceColumns.some((c) => first.has(c))) {
    throw problem(
      file,
      1,
      'header',
      'no performance column (reach, likes, comments, shares, conversions, participants)',
    );
  }
  const plans = rows.map((row) => {
    const figures = Object.fromEntries(
      performanceColumns.flatMap((c) => {
        const v = countValue(file, row, c);
        return v === null ? [] : [[c, v]];
      }),
    ) as Partial<ContentPerformance>;
    const id = idValue(file, row, 'id');
    const seriesId = idValue(file, row, 'series_id');
    if (id !== null) return { row, ref: { id } as ContentRef, figures };
    if (seriesId !== null) return { row, ref: { seriesId, occurrence: row.get('occurrence') } as ContentRef, figures };
    const title = row.get('title');
    const date = dateValue(file, row);
    if (title === '' || date === null)
      throw problem(file, row.line, title === '' ? 'title' : 'date', 'name the item by id, or by title and date');
    const matches = planBetween(sqlite, clock, date, date).items.filter(
      (i) => i.title === title && i.status !== 'cancelled',
    );
    if (matches.length !== 1) {
      throw problem(
        file,
        row.line,
        'title',
        matches.length === 0
          ? `no item "${title}" on ${date}`
          : `${matches.length} items "${title}" on ${date}; give the id`,
      );
    }
    const match = matches[0] as ContentItem;
    const ref: ContentRef =
      match.id !== null
        ? { id: match.id }
        : { seriesId: match.seriesId as number, occurrence: match.occurrence as string };
    return { row, ref, figures };
  });
  const result: CalendarImportResult = { file: path.basename(file), added: 0, updated: 0, unchanged: 0 };
  sqlite.transaction(() => {
    for (const plan of plans) {
      let item;
      try {
        item = materialize(sqlite, clock, plan.ref, now);
      } catch (error) {
        if (error instanceof HearthError && error.code === 'not_found')
          throw problem(file, plan.row.line, 'id', error.message);
        throw error;
      }
      const performance = { ...item.performance, ...plan.figures };
      if (same(performance, item.performance)) result.unchanged += 1;
      else {
        writeItem(sqlite, { ...item, performance }, now);
        result.updated += 1;
      }
    }
  })();
  return result;
}
