/**
 * Bulk writes for generated workspaces (the demo, benchmarks): prepared statements the caller
 * drives inside one synchronous transaction, plus the helpers that make millions of rows cheap
 * (indexes rebuilt once, member_daily counted by one GROUP BY, a bigger page cache). Rows go in
 * complete (first/last seen set, days resolved), so nothing here reads back what it wrote.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { markPointsCurrent } from './member-points';
import { withTotalsRebuilt } from './member-totals';
import { readMemberRules } from './member-rules';
import { insertMemberDailyFromActivity } from './rollups';
import { sortKey } from '../../shared/sort-key';
import type { ContentItemTable, IncidentTable } from '../schema';

export interface ContentItemRow {
  title: string;
  body: string | null;
  channel: string | null;
  owner: string | null;
  campaign: string | null;
  pillar: ContentItemTable['pillar'];
  format: ContentItemTable['format'];
  origin: ContentItemTable['origin'];
  status: ContentItemTable['status'];
  scheduledAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface IncidentRow {
  title: string;
  scenario: string | null;
  colour: IncidentTable['colour'];
  level: number;
  status: IncidentTable['status'];
  startedAt: number;
  closedAt: number | null;
  summary: string | null;
}

/**
 * Prepared inserts for every table a generated workspace fills. Call the methods inside an open
 * transaction (`sqlite.transaction(fn)`); never await in between.
 *
 * @example
 * const writer = new DemoWriter(sqlite);
 * sqlite.transaction(() => {
 *   const id = writer.member('王子涵', t0, t1, '[]', now);
 *   writer.identity(id, 'wechat', 'wxid_abc', 'zihan_wang', '王子涵', null, null);
 *   writer.activity(id, 'wechat', 'join', t0, day0, '咖啡爱好者1群', 'wx_msg_0000000001', null, null);
 *   const said = writer.activity(id, 'wechat', 'message', t1, day1, '咖啡爱好者1群', 'wx_msg_0000000002', '@阿岚 早', 0);
 *   writer.mention(said, 'externalId', 'wxid_0a1b2c3'); // 阿岚's identity
 *   writer.activityDaily(day0, 'wechat', '咖啡爱好者1群', 'join', 1);
 *   fillMemberDaily(sqlite);
 * })();
 */
export class DemoWriter {
  private readonly insertMember: BetterSqlite3.Statement<[string, string, number | null, number | null, number]>;
  private readonly insertIdentity: BetterSqlite3.Statement<
    [number, string, string, string | null, string | null, string | null, string | null]
  >;
  private readonly insertActivity: BetterSqlite3.Statement<
    [number, string, string, number, number, string | null, string, string | null, number | null]
  >;
  private readonly insertMention: BetterSqlite3.Statement<[number, 0 | 1, string]>;
  private readonly insertOrder: BetterSqlite3.Statement<
    [number, string, string, number, number, number, number | null, string]
  >;
  private readonly insertSurvey: BetterSqlite3.Statement<
    [number, string, string, number, number, number | null, string]
  >;
  private readonly insertActivityDaily: BetterSqlite3.Statement<[number, string, string, string, number]>;
  private readonly insertContentItem: BetterSqlite3.Statement<
    [
      string,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
      string,
      number | null,
      number,
      number,
    ]
  >;
  private readonly insertIncident: BetterSqlite3.Statement<
    [string, string | null, string, number, string, number, number | null, string | null]
  >;
  private readonly insertIncidentEvent: BetterSqlite3.Statement<[number, number, string, string]>;

  private readonly insertTag: BetterSqlite3.Statement<[number, string]>;
  private readonly touch: BetterSqlite3.Statement<[number, number, number]>;

  constructor(sqlite: BetterSqlite3.Database) {
    this.insertTag = sqlite.prepare('INSERT OR IGNORE INTO member_tag (member_id, tag) VALUES (?, ?)');
    this.touch = sqlite.prepare('UPDATE member SET last_seen = ? WHERE id = ? AND (last_seen IS NULL OR last_seen < ?)');
    this.insertMember = sqlite.prepare(
      'INSERT INTO member (display_name, sort_key, first_seen, last_seen, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertIdentity = sqlite.prepare(
      `INSERT INTO identity (member_id, source, external_id, handle, display_name, email, phone)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertActivity = sqlite.prepare(
      `INSERT INTO activity (member_id, source, kind, ts, day, channel, external_id, text, value)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertMention = sqlite.prepare('INSERT INTO activity_mention (activity_id, by_handle, target) VALUES (?, ?, ?)');
    this.insertOrder = sqlite.prepare(
      `INSERT INTO "order" (member_id, source, external_id, ts, day, amount, quantity, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertSurvey = sqlite.prepare(
      `INSERT INTO survey_response (member_id, source, external_id, ts, day, score, answers)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertActivityDaily = sqlite.prepare(
      'INSERT INTO activity_daily (day, source, channel, kind, events) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertContentItem = sqlite.prepare(
      `INSERT INTO content_item (title, body, channel, owner, campaign, pillar, format, origin, status, scheduled_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertIncident = sqlite.prepare(
      `INSERT INTO incident (title, scenario, colour, level, status, started_at, closed_at, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertIncidentEvent = sqlite.prepare(
      'INSERT INTO incident_event (incident_id, ts, kind, text) VALUES (?, ?, ?, ?)',
    );
  }

  /** Adds a member with its tags and returns its id. */
  member(
    displayName: string,
    firstSeen: number | null,
    lastSeen: number | null,
    tags: readonly string[],
    createdAt: number,
  ): number {
    const id = Number(this.insertMember.run(displayName, sortKey(displayName), firstSeen, lastSeen, createdAt).lastInsertRowid);
    for (const tag of tags) this.insertTag.run(id, tag);
    return id;
  }

  /** Moves a member's last_seen forward to `ts` (an activity written after the member). */
  touchMember(memberId: number, ts: number): void {
    this.touch.run(ts, memberId, ts);
  }

  identity(
    memberId: number,
    source: string,
    externalId: string,
    handle: string | null,
    displayName: string | null,
    email: string | null,
    phone: string | null,
  ): void {
    this.insertIdentity.run(memberId, source, externalId, handle, displayName, email, phone);
  }

  /** Adds an activity and returns its id. */
  activity(
    memberId: number,
    source: string,
    kind: string,
    ts: number,
    day: number,
    channel: string | null,
    externalId: string,
    text: string | null,
    value: number | null,
  ): number {
    return Number(this.insertActivity.run(memberId, source, kind, ts, day, channel, externalId, text, value).lastInsertRowid);
  }

  /** Records that an activity mentions someone of its source, by external id or (lower-case) handle. */
  mention(activityId: number, by: 'externalId' | 'handle', target: string): void {
    this.insertMention.run(activityId, by === 'handle' ? 1 : 0, target);
  }

  order(
    memberId: number,
    source: string,
    externalId: string,
    ts: number,
    day: number,
    amount: number,
    quantity: number | null,
    status: 'paid' | 'cancelled',
  ): void {
    this.insertOrder.run(memberId, source, externalId, ts, day, amount, quantity, status);
  }

  /** Adds a survey response; `answers` is JSON object text. */
  survey(
    memberId: number,
    source: string,
    externalId: string,
    ts: number,
    day: number,
    score: number | null,
    answers: string,
  ): void {
    this.insertSurvey.run(memberId, source, externalId, ts, day, score, answers);
  }

  /** One activity_daily row; `channel` is '' for activity without a channel. */
  activityDaily(day: number, source: string, channel: string, kind: string, events: number): void {
    this.insertActivityDaily.run(day, source, channel, kind, events);
  }

  contentItem(row: ContentItemRow): number {
    const result = this.insertContentItem.run(
      row.title,
      row.body,
      row.channel,
      row.owner,
      row.campaign,
      row.pillar,
      row.format,
      row.origin,
      row.status,
      row.scheduledAt,
      row.createdAt,
      row.updatedAt,
    );
    return Number(result.lastInsertRowid);
  }

  incident(row: IncidentRow): number {
    const result = this.insertIncident.run(
      row.title,
      row.scenario,
      row.colour,
      row.level,
      row.status,
      row.startedAt,
      row.closedAt,
      row.summary,
    );
    return Number(result.lastInsertRowid);
  }

  incidentEvent(incidentId: number, ts: number, kind: string, text: string): void {
    this.insertIncidentEvent.run(incidentId, ts, kind, text);
  }
}

/**
 * Counts member_daily (with each day's points) from activity in one statement, for a bulk load
 * that wrote activity without keeping member_daily current. Expects member_daily to be empty. Returns rows added.
 *
 * @example
 * fillMemberDaily(sqlite) // about 9 million rows for the 1M-member demo
 */
export function fillMemberDaily(sqlite: BetterSqlite3.Database): number {
  const rules = readMemberRules(sqlite).points;
  const added = withTotalsRebuilt(sqlite, () => sqlite.prepare(insertMemberDailyFromActivity('1', rules)).run().changes);
  markPointsCurrent(sqlite, rules);
  return added;
}

/**
 * True when the workspace holds no members, activity, orders, surveys, content or incidents:
 * generated data must not mix with real data.
 *
 * @example
 * isWorkspaceEmpty(ws.sqlite) // true for a new workspace
 */
export function isWorkspaceEmpty(sqlite: BetterSqlite3.Database): boolean {
  const row = sqlite
    .prepare<[], { found: number }>(
      `SELECT EXISTS (SELECT 1 FROM member) OR EXISTS (SELECT 1 FROM activity) OR EXISTS (SELECT 1 FROM "order")
         OR EXISTS (SELECT 1 FROM survey_response) OR EXISTS (SELECT 1 FROM content_item)
         OR EXISTS (SELECT 1 FROM incident) AS found`,
    )
    .get();
  return row?.found === 0;
}

/**
 * The workspace's stored time zone setting, or null when none is stored (or it is not a string).
 *
 * @example
 * storedTimeZone(ws.sqlite) // 'Asia/Shanghai'
 */
export function storedTimeZone(sqlite: BetterSqlite3.Database): string | null {
  const row = sqlite.prepare<[], { value: string }>("SELECT value FROM setting WHERE key = 'timeZone'").get();
  if (!row) return null;
  const value: unknown = JSON.parse(row.value);
  return typeof value === 'string' ? value : null;
}

/**
 * Drops the secondary indexes of `tables` (those created with CREATE INDEX; UNIQUE and primary
 * keys stay, they are constraints), runs `load`, and creates the indexes again from their stored
 * SQL. Building an index once by sorting beats updating it row by row when the rows arrive in an
 * order unrelated to the index (activity by member, index by time). Call inside a transaction:
 * DDL is transactional in SQLite, so a failure restores the indexes too.
 *
 * @example
 * sqlite.transaction(() => {
 *   withIndexesRebuilt(sqlite, ['activity', 'member_daily'], () => insertMillionsOfRows());
 * })();
 */
export function withIndexesRebuilt<T>(sqlite: BetterSqlite3.Database, tables: readonly string[], load: () => T): T {
  if (!sqlite.inTransaction) throw new Error('withIndexesRebuilt must run inside a transaction');
  const indexes = sqlite.prepare<[string], { name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
  );
  const dropped = tables.flatMap((table) => indexes.all(table));
  for (const index of dropped) sqlite.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
  const result = load();
  for (const index of dropped) sqlite.exec(index.sql);
  return result;
}

/**
 * Raises the page cache for a bulk write and returns a function that restores it. A big cache
 * keeps the B-tree pages of randomly ordered index keys (activity.ts) in memory, which is most
 * of what separates a bulk insert from a random-I/O crawl.
 *
 * @example
 * const restore = enlargeCache(sqlite, 512);
 * try { bulkWork(); } finally { restore(); }
 */
export function enlargeCache(sqlite: BetterSqlite3.Database, mebibytes: number): () => void {
  const previous = sqlite.pragma('cache_size', { simple: true });
  sqlite.pragma(`cache_size = ${-Math.round(mebibytes * 1024)}`);
  return () => {
    sqlite.pragma(`cache_size = ${typeof previous === 'number' ? previous : -2000}`);
  };
}
