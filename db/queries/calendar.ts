/**
 * The content calendar's tables (migration 0010): stored items, recurring series, the review log,
 * the calendar settings and the sensitive-word list. Instants are UTC ms; a series keeps its start
 * as local wall-clock text. The services turn rows into the contract's local-time items.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  calendarSettingsSchema,
  defaultCalendarSettings,
  recurrenceSchema,
  type CalendarSettings,
  type ContentFields,
  type ContentPerformance,
  type ContentStatus,
  type Recurrence,
  type ReviewAction,
  type SensitiveWord,
} from '../../shared/calendar';

/** A stored item, times as UTC instants. */
export interface ContentItemRow {
  id: number;
  fields: ContentFields;
  status: ContentStatus;
  /** Null for an idea in the backlog. */
  scheduledAt: number | null;
  durationMin: number;
  allDay: boolean;
  seriesId: number | null;
  occurrence: string | null;
  reviewStep: number;
  performance: ContentPerformance;
  importKey: string | null;
  updatedAt: number;
}

/** A recurring series: its template fields, local start and rule. */
export interface ContentSeriesRow {
  id: number;
  fields: ContentFields;
  status: ContentStatus;
  startLocal: string;
  durationMin: number;
  allDay: boolean;
  rule: Recurrence;
}

interface FieldSql {
  title: string;
  body: string | null;
  channel: string | null;
  owner: string | null;
  campaign: string | null;
  pillar: ContentFields['pillar'];
  format: ContentFields['format'];
  origin: ContentFields['source'];
  high_value: number;
  attachments: string;
}

interface ItemSql extends FieldSql {
  id: number;
  status: ContentStatus;
  scheduled_at: number | null;
  duration_min: number;
  all_day: number;
  series_id: number | null;
  occurrence: string | null;
  review_step: number;
  reach: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  conversions: number | null;
  participants: number | null;
  import_key: string | null;
  updated_at: number;
}

interface SeriesSql extends FieldSql {
  id: number;
  status: ContentStatus;
  start_local: string;
  duration_min: number;
  all_day: number;
  rule: string;
}

const FIELD_COLUMNS = 'title, body, channel, owner, campaign, pillar, format, origin, high_value, attachments';
const ITEM_COLUMNS = `id, ${FIELD_COLUMNS}, status, scheduled_at, duration_min, all_day, series_id, occurrence, review_step,
  reach, likes, comments, shares, conversions, participants, import_key, updated_at`;
const SERIES_COLUMNS = `id, ${FIELD_COLUMNS}, status, start_local, duration_min, all_day, rule`;

function parseAttachments(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const toFields = (r: FieldSql): ContentFields => ({
  title: r.title,
  body: r.body ?? '',
  channel: r.channel,
  owner: r.owner,
  campaign: r.campaign,
  pillar: r.pillar,
  format: r.format,
  source: r.origin,
  highValue: r.high_value === 1,
  attachments: parseAttachments(r.attachments),
});

const toItem = (r: ItemSql): ContentItemRow => ({
  id: r.id,
  fields: toFields(r),
  status: r.status,
  scheduledAt: r.scheduled_at,
  durationMin: r.duration_min,
  allDay: r.all_day === 1,
  seriesId: r.series_id,
  occurrence: r.occurrence,
  reviewStep: r.review_step,
  performance: {
    reach: r.reach,
    likes: r.likes,
    comments: r.comments,
    shares: r.shares,
    conversions: r.conversions,
    participants: r.participants,
  },
  importKey: r.import_key,
  updatedAt: r.updated_at,
});

const toSeries = (r: SeriesSql): ContentSeriesRow => ({
  id: r.id,
  fields: toFields(r),
  status: r.status,
  startLocal: r.start_local,
  durationMin: r.duration_min,
  allDay: r.all_day === 1,
  rule: recurrenceSchema.parse(JSON.parse(r.rule)),
});

const fieldParams = (f: ContentFields) => [
  f.title,
  f.body,
  f.channel,
  f.owner,
  f.campaign,
  f.pillar,
  f.format,
  f.source,
  f.highValue ? 1 : 0,
  JSON.stringify(f.attachments),
];

/**
 * Stored items scheduled in [fromUtc, toUtc).
 *
 * @example
 * listItemsBetween(sqlite, Date.UTC(2026, 10, 1), Date.UTC(2026, 11, 1)) // [{ id: 3, fields: { title: '周二主题日', … }, … }]
 */
export function listItemsBetween(sqlite: BetterSqlite3.Database, fromUtc: number, toUtc: number): ContentItemRow[] {
  return sqlite
    .prepare<[number, number], ItemSql>(
      `SELECT ${ITEM_COLUMNS} FROM content_item WHERE scheduled_at >= ? AND scheduled_at < ? ORDER BY scheduled_at, id`,
    )
    .all(fromUtc, toUtc)
    .map(toItem);
}

/**
 * Every stored item (exports); backlog ideas last.
 *
 * @example
 * listAllItems(sqlite).length // 42
 */
export function listAllItems(sqlite: BetterSqlite3.Database): ContentItemRow[] {
  return sqlite
    .prepare<[], ItemSql>(`SELECT ${ITEM_COLUMNS} FROM content_item ORDER BY scheduled_at IS NULL, scheduled_at, id`)
    .all()
    .map(toItem);
}

/**
 * Undated items that are not cancelled: the ideas backlog.
 *
 * @example
 * listBacklog(sqlite) // [{ id: 9, scheduledAt: null, status: 'idea', … }]
 */
export function listBacklog(sqlite: BetterSqlite3.Database): ContentItemRow[] {
  return sqlite
    .prepare<[], ItemSql>(
      `SELECT ${ITEM_COLUMNS} FROM content_item WHERE scheduled_at IS NULL AND status <> 'cancelled' ORDER BY id`,
    )
    .all()
    .map(toItem);
}

/**
 * Stored occurrences of series whose ORIGINAL local start lies in [fromLocal, toLocal): they
 * replace the occurrences the rule would generate, wherever they have since been moved.
 *
 * @example
 * listStoredOccurrences(sqlite, '2026-11-01T00:00', '2026-12-01T00:00') // [{ id: 5, seriesId: 2, occurrence: '2026-11-03T09:00', … }]
 */
export function listStoredOccurrences(
  sqlite: BetterSqlite3.Database,
  fromLocal: string,
  toLocal: string,
): ContentItemRow[] {
  return sqlite
    .prepare<[string, string], ItemSql>(
      `SELECT ${ITEM_COLUMNS} FROM content_item WHERE series_id IS NOT NULL AND occurrence >= ? AND occurrence < ?`,
    )
    .all(fromLocal, toLocal)
    .map(toItem);
}

/**
 * Every stored occurrence of one series.
 *
 * @example
 * listSeriesItems(sqlite, 2).map((i) => i.occurrence) // ['2026-11-03T09:00']
 */
export function listSeriesItems(sqlite: BetterSqlite3.Database, seriesId: number): ContentItemRow[] {
  return sqlite
    .prepare<[number], ItemSql>(`SELECT ${ITEM_COLUMNS} FROM content_item WHERE series_id = ? ORDER BY occurrence`)
    .all(seriesId)
    .map(toItem);
}

/**
 * One stored item, or undefined.
 *
 * @example
 * readItem(sqlite, 3)?.fields.title // '周二主题日'
 */
export function readItem(sqlite: BetterSqlite3.Database, id: number): ContentItemRow | undefined {
  const row = sqlite.prepare<[number], ItemSql>(`SELECT ${ITEM_COLUMNS} FROM content_item WHERE id = ?`).get(id);
  return row && toItem(row);
}

/**
 * The stored occurrence of a series at its original local start, or undefined.
 *
 * @example
 * readOccurrence(sqlite, 2, '2026-11-03T09:00')?.id // 5
 */
export function readOccurrence(
  sqlite: BetterSqlite3.Database,
  seriesId: number,
  occurrence: string,
): ContentItemRow | undefined {
  const row = sqlite
    .prepare<[number, string], ItemSql>(
      `SELECT ${ITEM_COLUMNS} FROM content_item WHERE series_id = ? AND occurrence = ?`,
    )
    .get(seriesId, occurrence);
  return row && toItem(row);
}

/** What a new stored item holds. */
export interface NewContentItem {
  fields: ContentFields;
  status: ContentStatus;
  scheduledAt: number | null;
  durationMin: number;
  allDay: boolean;
  seriesId?: number | null;
  occurrence?: string | null;
  performance?: ContentPerformance;
  importKey?: string | null;
}

/**
 * Inserts an item and returns its id.
 *
 * @example
 * insertItem(sqlite, { fields, status: 'draft', scheduledAt: Date.UTC(2026, 10, 24, 1), durationMin: 60, allDay: false }, now) // 12
 */
export function insertItem(sqlite: BetterSqlite3.Database, item: NewContentItem, now: number): number {
  const p = item.performance;
  const result = sqlite
    .prepare(
      `INSERT INTO content_item (${FIELD_COLUMNS}, status, scheduled_at, duration_min, all_day, series_id, occurrence,
         reach, likes, comments, shares, conversions, participants, import_key, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      ...fieldParams(item.fields),
      item.status,
      item.scheduledAt,
      item.durationMin,
      item.allDay ? 1 : 0,
      item.seriesId ?? null,
      item.occurrence ?? null,
      p?.reach ?? null,
      p?.likes ?? null,
      p?.comments ?? null,
      p?.shares ?? null,
      p?.conversions ?? null,
      p?.participants ?? null,
      item.importKey ?? null,
      now,
      now,
    );
  return Number(result.lastInsertRowid);
}

/**
 * Rewrites a stored item's fields, status, timing, review step, series link and performance.
 *
 * @example
 * writeItem(sqlite, { ...row, status: 'in_review', reviewStep: 1 }, now);
 */
export function writeItem(sqlite: BetterSqlite3.Database, item: ContentItemRow, now: number): void {
  const p = item.performance;
  sqlite
    .prepare(
      `UPDATE content_item SET title = ?, body = ?, channel = ?, owner = ?, campaign = ?, pillar = ?, format = ?, origin = ?,
         high_value = ?, attachments = ?, status = ?, scheduled_at = ?, duration_min = ?, all_day = ?, series_id = ?,
         occurrence = ?, review_step = ?, reach = ?, likes = ?, comments = ?, shares = ?, conversions = ?, participants = ?,
         updated_at = ?
       WHERE id = ?`,
    )
    .run(
      ...fieldParams(item.fields),
      item.status,
      item.scheduledAt,
      item.durationMin,
      item.allDay ? 1 : 0,
      item.seriesId,
      item.occurrence,
      item.reviewStep,
      p.reach,
      p.likes,
      p.comments,
      p.shares,
      p.conversions,
      p.participants,
      now,
      item.id,
    );
}

/**
 * Deletes a stored item and its review log.
 *
 * @example
 * deleteItem(sqlite, 12);
 */
export function deleteItem(sqlite: BetterSqlite3.Database, id: number): void {
  sqlite.prepare('DELETE FROM content_item WHERE id = ?').run(id);
}

/**
 * The id of the item a CSV row already created, by its import key.
 *
 * @example
 * itemIdByImportKey(sqlite, 'items:9f2c…') // 14
 */
export function itemIdByImportKey(sqlite: BetterSqlite3.Database, key: string): number | undefined {
  return sqlite.prepare<[string], { id: number }>('SELECT id FROM content_item WHERE import_key = ?').get(key)?.id;
}

/**
 * Every series.
 *
 * @example
 * listSeries(sqlite).map((s) => s.rule.freq) // ['daily', 'weekly']
 */
export function listSeries(sqlite: BetterSqlite3.Database): ContentSeriesRow[] {
  return sqlite.prepare<[], SeriesSql>(`SELECT ${SERIES_COLUMNS} FROM content_series ORDER BY id`).all().map(toSeries);
}

/**
 * One series, or undefined.
 *
 * @example
 * readSeries(sqlite, 2)?.startLocal // '2026-11-03T09:00'
 */
export function readSeries(sqlite: BetterSqlite3.Database, id: number): ContentSeriesRow | undefined {
  const row = sqlite.prepare<[number], SeriesSql>(`SELECT ${SERIES_COLUMNS} FROM content_series WHERE id = ?`).get(id);
  return row && toSeries(row);
}

/**
 * Inserts a series and returns its id.
 *
 * @example
 * insertSeries(sqlite, { fields, status: 'draft', startLocal: '2026-11-03T09:00', durationMin: 60, allDay: false, rule }, now) // 2
 */
export function insertSeries(
  sqlite: BetterSqlite3.Database,
  series: Omit<ContentSeriesRow, 'id'>,
  now: number,
): number {
  const result = sqlite
    .prepare(
      `INSERT INTO content_series (${FIELD_COLUMNS}, status, start_local, duration_min, all_day, rule, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      ...fieldParams(series.fields),
      series.status,
      series.startLocal,
      series.durationMin,
      series.allDay ? 1 : 0,
      JSON.stringify(series.rule),
      now,
      now,
    );
  return Number(result.lastInsertRowid);
}

/**
 * Rewrites a series.
 *
 * @example
 * writeSeries(sqlite, { ...series, fields: { ...series.fields, owner: 'Mia' } }, now);
 */
export function writeSeries(sqlite: BetterSqlite3.Database, series: ContentSeriesRow, now: number): void {
  sqlite
    .prepare(
      `UPDATE content_series SET title = ?, body = ?, channel = ?, owner = ?, campaign = ?, pillar = ?, format = ?, origin = ?,
         high_value = ?, attachments = ?, status = ?, start_local = ?, duration_min = ?, all_day = ?, rule = ?, updated_at = ?
       WHERE id = ?`,
    )
    .run(
      ...fieldParams(series.fields),
      series.status,
      series.startLocal,
      series.durationMin,
      series.allDay ? 1 : 0,
      JSON.stringify(series.rule),
      now,
      series.id,
    );
}

/**
 * Deletes a series (stored occurrences are handled by the caller first).
 *
 * @example
 * deleteSeries(sqlite, 2);
 */
export function deleteSeries(sqlite: BetterSqlite3.Database, id: number): void {
  sqlite.prepare('DELETE FROM content_series WHERE id = ?').run(id);
}

/** A review event as stored. */
export interface ReviewRow {
  id: number;
  action: ReviewAction;
  step: number;
  stepName: string | null;
  reviewer: string;
  comment: string;
  acknowledged: string[];
  at: number;
}

/**
 * An item's review log, oldest first.
 *
 * @example
 * listReviews(sqlite, 12).map((r) => r.action) // ['submit', 'approve']
 */
export function listReviews(sqlite: BetterSqlite3.Database, itemId: number): ReviewRow[] {
  return sqlite
    .prepare<
      [number],
      {
        id: number;
        action: ReviewAction;
        step: number;
        step_name: string | null;
        reviewer: string;
        comment: string;
        acknowledged: string;
        at: number;
      }
    >(
      'SELECT id, action, step, step_name, reviewer, comment, acknowledged, at FROM content_review WHERE item_id = ? ORDER BY at, id',
    )
    .all(itemId)
    .map((r) => ({
      id: r.id,
      action: r.action,
      step: r.step,
      stepName: r.step_name,
      reviewer: r.reviewer,
      comment: r.comment,
      acknowledged: parseAttachments(r.acknowledged),
      at: r.at,
    }));
}

/**
 * Records one review action.
 *
 * @example
 * insertReview(sqlite, 12, { action: 'approve', step: 1, stepName: '社群管理员', reviewer: '王芳', comment: '', acknowledged: [], at: now });
 */
export function insertReview(sqlite: BetterSqlite3.Database, itemId: number, review: Omit<ReviewRow, 'id'>): void {
  sqlite
    .prepare(
      'INSERT INTO content_review (item_id, action, step, step_name, reviewer, comment, acknowledged, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      itemId,
      review.action,
      review.step,
      review.stepName,
      review.reviewer,
      review.comment,
      JSON.stringify(review.acknowledged),
      review.at,
    );
}

const SETTINGS_KEY = 'calendarSettings';

/**
 * The calendar settings stored in the workspace, or the seeds' defaults (also when a hand-edited
 * value no longer parses, so the calendar keeps working).
 *
 * @example
 * readCalendarSettings(sqlite).mixTargets.pillar // { basic: 50, advanced: 30, cocreation: 20 }
 */
export function readCalendarSettings(sqlite: BetterSqlite3.Database): CalendarSettings {
  const row = sqlite.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?').get(SETTINGS_KEY);
  if (!row) return defaultCalendarSettings;
  const parsed = calendarSettingsSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : defaultCalendarSettings;
}

/**
 * Stores the calendar settings (already validated by the contract).
 *
 * @example
 * writeCalendarSettings(sqlite, { ...settings, driftPoints: 8 });
 */
export function writeCalendarSettings(sqlite: BetterSqlite3.Database, settings: CalendarSettings): void {
  sqlite
    .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(SETTINGS_KEY, JSON.stringify(settings));
}

/**
 * The workspace's sensitive words, in the order they were added.
 *
 * @example
 * readSensitiveWords(sqlite) // [{ word: '内幕', category: 'rumour' }]
 */
export function readSensitiveWords(sqlite: BetterSqlite3.Database): SensitiveWord[] {
  return sqlite.prepare<[], SensitiveWord>('SELECT word, category FROM sensitive_word ORDER BY id').all();
}

/**
 * Replaces the sensitive-word list (one transaction; later duplicates of a word are dropped).
 *
 * @example
 * replaceSensitiveWords(sqlite, [{ word: '内幕', category: 'rumour' }]);
 */
export function replaceSensitiveWords(sqlite: BetterSqlite3.Database, words: readonly SensitiveWord[]): void {
  const insert = sqlite.prepare(
    'INSERT INTO sensitive_word (word, category) VALUES (?, ?) ON CONFLICT (word) DO NOTHING',
  );
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM sensitive_word').run();
    for (const w of words) insert.run(w.word, w.category);
  })();
}

/**
 * Channel, owner and campaign names in use by items and series, for the filter menus.
 *
 * @example
 * calendarOptions(sqlite).channels // ['Discord', '公众号']
 */
export function calendarOptions(sqlite: BetterSqlite3.Database): {
  channels: string[];
  owners: string[];
  campaigns: string[];
} {
  const distinct = (column: 'channel' | 'owner' | 'campaign'): string[] =>
    sqlite
      .prepare<[], { v: string }>(
        `SELECT ${column} AS v FROM content_item WHERE ${column} IS NOT NULL
         UNION SELECT ${column} FROM content_series WHERE ${column} IS NOT NULL ORDER BY 1`,
      )
      .all()
      .map((r) => r.v);
  return { channels: distinct('channel'), owners: distinct('owner'), campaigns: distinct('campaign') };
}
