/**
 * The hot path of every import: normalised records into the workspace with prepared statements,
 * synchronously, inside the caller's transaction. Duplicates are recognised by the
 * (source, external_id) unique keys, so re-importing a file adds nothing.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { pointsForDay } from '../../shared/members/points';
import type { MemberRules } from '../../shared/members/rules';
import { sortKey } from '../../shared/sort-key';
import { activityIndexes, DROP_ACTIVITY_INDEXES_FROM, type ActivityIndexes } from './activity-indexes';
import { countsOfRow } from './member-points';
import { refreshMemberLabels } from './member-labels';
import { suspendTotals } from './member-totals';
import { readMemberRules } from './member-rules';
import { MemberDailyTally, upsertMemberDaily } from './rollups';
import { rowsWriter, type RowsWriter } from './rows-writer';
import {
  mentionHandle,
  type ActivityRecord,
  type IdentityRef,
  type ImportRecord,
  type MentionRef,
  type OrderRecord,
  type SurveyRecord,
} from '../../shared/import';

export interface WriterCounts {
  membersAdded: number;
  membersMatched: number;
  activitiesAdded: number;
  activitiesDuplicates: number;
  ordersAdded: number;
  ordersDuplicates: number;
  surveysAdded: number;
  surveysDuplicates: number;
  botsSkipped: number;
}

/**
 * Identities whose member is kept at hand (the oldest let go first). Up to this many authors an
 * import never looks an identity up twice; beyond it, memory stops growing with authors and an
 * identity that left the cache costs one indexed lookup again (~2.5x slower when most are misses).
 */
const IDENTITY_CACHE = 500_000;

/** Daily rollup cells gathered in memory before they are written (~100 bytes each). */
const ROLLUP_CELLS = 20_000;

/**
 * A string of its own for a key kept across the import. Parsers hand out slices of the text they
 * read (V8 keeps a slice of 13+ characters as a view on its whole parent), so caching an id as is
 * would keep a chunk of the file alive for each author; a JSON round trip copies it flat (~0.2 µs,
 * paid once per author).
 */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

function clean(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

/**
 * Writes one import batch. Create it inside an open transaction, call `write` for each batch of
 * records and `finish` once; never await between them and the transaction's commit.
 *
 * @example
 * sqlite.exec('BEGIN IMMEDIATE');
 * const writer = new ImportWriter(sqlite, batchId, dayOf, Date.now());
 * writer.write(records);
 * const counts = writer.finish();
 * sqlite.exec('COMMIT');
 */
export class ImportWriter {
  private readonly counts: WriterCounts = {
    membersAdded: 0,
    membersMatched: 0,
    activitiesAdded: 0,
    activitiesDuplicates: 0,
    ordersAdded: 0,
    ordersDuplicates: 0,
    surveysAdded: 0,
    surveysDuplicates: 0,
    botsSkipped: 0,
  };
  /**
   * source → external id → member id, at most IDENTITY_CACHE in all, oldest first. Keyed by the
   * parser's own id strings: a joined "source + id" key cost ~80 more bytes per author (~45 MB
   * of a 1 GB export's 460,000).
   */
  private readonly identities = new Map<string, Map<string, number>>();
  private cachedIdentities = 0;
  /**
   * Every member this import resolved, new or matched → their slot in `seenRange` (first and last
   * instant of their added rows, side by side), or -1 while they have none. One map for both: a
   * second collection per member cost ~10 MB of a 1 GB export's 460,000 authors.
   */
  private readonly touched = new Map<number, number>();
  private readonly seenRange: number[] = [];
  private readonly memberDaily = new MemberDailyTally();
  private readonly activityDaily = new Map<string, number>();

  private readonly findIdentity: BetterSqlite3.Statement<
    [string, string],
    {
      member_id: number;
      merged_into: number | null;
      batch_id: number | null;
      handle: string | null;
      display_name: string | null;
      email: string | null;
      phone: string | null;
    }
  >;
  private readonly insertMember: BetterSqlite3.Statement<[string, string, number, number]>;
  private readonly insertIdentity: BetterSqlite3.Statement<
    [number, string, string, string | null, string | null, string | null, string | null, number]
  >;
  private readonly fillIdentity: BetterSqlite3.Statement<[string | null, string | null, string | null, string | null, string, string]>;
  private readonly insertActivity: BetterSqlite3.Statement<
    [number, string, string, number, number, string | null, string, string | null, number | null, number, string | null]
  >;
  private readonly insertMention: BetterSqlite3.Statement<[number, 0 | 1, string]>;
  private readonly insertOrder: BetterSqlite3.Statement<[number, string, string, number, number, number, number | null, string, number]>;
  private readonly insertSurvey: BetterSqlite3.Statement<[number, string, string, number, number, number | null, string, number]>;
  private readonly insertTag: BetterSqlite3.Statement<[number, string]>;
  /** Rollup cells, a hundred per statement call. */
  private readonly upsertMemberDaily: RowsWriter;
  private readonly upsertActivityDaily: RowsWriter;
  private readonly pointsRules: MemberRules['points'];
  private readonly updateSeen: BetterSqlite3.Statement<[{ first: number; last: number; id: number }]>;
  /** member_total is recounted for the touched members at the end instead of per row. */
  private readonly totals: { restore(members: Iterable<number>): void };
  /** activity's indexes, dropped and built again at the end when the import is big (activity-indexes.ts). */
  private readonly indexes: ActivityIndexes;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly batchId: number,
    private readonly dayOf: (ts: number) => number,
    private readonly now: number,
    /**
     * Tests make these tiny: members found again after leaving the cache, rollups written in
     * parts, indexes dropped on a small import.
     */
    private readonly limits: { identityCache: number; rollupCells: number; dropIndexesFrom: number } = {
      identityCache: IDENTITY_CACHE,
      rollupCells: ROLLUP_CELLS,
      dropIndexesFrom: DROP_ACTIVITY_INDEXES_FROM,
    },
  ) {
    this.totals = suspendTotals(sqlite);
    this.indexes = activityIndexes(sqlite, limits.dropIndexesFrom);
    this.findIdentity = sqlite.prepare(
      `SELECT i.member_id, m.merged_into, m.batch_id, i.handle, i.display_name, i.email, i.phone
       FROM identity i JOIN member m ON m.id = i.member_id
       WHERE i.source = ? AND i.external_id = ?`,
    );
    this.insertMember = sqlite.prepare('INSERT INTO member (display_name, sort_key, created_at, batch_id) VALUES (?, ?, ?, ?)');
    this.insertIdentity = sqlite.prepare(
      `INSERT INTO identity (member_id, source, external_id, handle, display_name, email, phone, batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.fillIdentity = sqlite.prepare(
      `UPDATE identity SET handle = coalesce(handle, ?), display_name = coalesce(display_name, ?),
         email = coalesce(email, ?), phone = coalesce(phone, ?)
       WHERE source = ? AND external_id = ?`,
    );
    this.insertActivity = sqlite.prepare(
      `INSERT OR IGNORE INTO activity (member_id, source, kind, ts, day, channel, external_id, text, value, batch_id, reply_to)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertMention = sqlite.prepare('INSERT OR IGNORE INTO activity_mention (activity_id, by_handle, target) VALUES (?, ?, ?)');
    this.insertOrder = sqlite.prepare(
      `INSERT OR IGNORE INTO "order" (member_id, source, external_id, ts, day, amount, quantity, status, batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertSurvey = sqlite.prepare(
      `INSERT OR IGNORE INTO survey_response (member_id, source, external_id, ts, day, score, answers, batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.pointsRules = readMemberRules(sqlite).points;
    this.insertTag = sqlite.prepare('INSERT OR IGNORE INTO member_tag (member_id, tag) VALUES (?, ?)');
    const memberDaily = upsertMemberDaily(this.pointsRules);
    this.upsertMemberDaily = rowsWriter(sqlite, memberDaily.head, memberDaily.width, memberDaily.tail);
    this.upsertActivityDaily = rowsWriter(
      sqlite,
      'INSERT INTO activity_daily (day, source, channel, kind, events)',
      5,
      'ON CONFLICT (day, source, channel, kind) DO UPDATE SET events = events + excluded.events',
    );
    this.updateSeen = sqlite.prepare(
      `UPDATE member SET
         first_seen = CASE WHEN first_seen IS NULL OR @first < first_seen THEN @first ELSE first_seen END,
         last_seen = CASE WHEN last_seen IS NULL OR @last > last_seen THEN @last ELSE last_seen END
       WHERE id = @id`,
    );
  }

  /** The member behind an identity, creating member and identity when new. */
  memberFor(identity: IdentityRef): number {
    let ofSource = this.identities.get(identity.source);
    const cached = ofSource?.get(identity.externalId);
    if (cached !== undefined) return cached;
    const handle = clean(identity.handle);
    const displayName = clean(identity.displayName);
    const email = clean(identity.email)?.toLowerCase() ?? null;
    const phone = clean(identity.phone);
    const found = this.findIdentity.get(identity.source, identity.externalId);
    let memberId: number;
    if (found) {
      memberId = found.merged_into ?? found.member_id;
      // Only when this record knows something the identity lacks: an author found again after
      // leaving the cache would otherwise rewrite their identity row for every message.
      const fills = (mine: string | null, stored: string | null): boolean => mine !== null && stored === null;
      if (fills(handle, found.handle) || fills(displayName, found.display_name) || fills(email, found.email) || fills(phone, found.phone)) {
        this.fillIdentity.run(handle, displayName, email, phone, identity.source, identity.externalId);
      }
      // Found again after leaving the cache: a member this import added is no match.
      if (!this.touched.has(memberId) && found.batch_id !== this.batchId) this.counts.membersMatched += 1;
    } else {
      const name = displayName ?? handle ?? identity.externalId;
      memberId = Number(this.insertMember.run(name, sortKey(name), this.now, this.batchId).lastInsertRowid);
      this.insertIdentity.run(memberId, identity.source, identity.externalId, handle, displayName, email, phone, this.batchId);
      this.counts.membersAdded += 1;
    }
    if (!this.touched.has(memberId)) this.touched.set(memberId, -1);
    if (!ofSource) {
      ofSource = new Map();
      this.identities.set(identity.source, ofSource);
    }
    ofSource.set(ownCopy(identity.externalId), memberId);
    this.cachedIdentities += 1;
    if (this.cachedIdentities > this.limits.identityCache) this.forgetOldestIdentity(ofSource);
    return memberId;
  }

  /** Lets the oldest cached identity go: another source's first, while one is still cached. */
  private forgetOldestIdentity(current: Map<string, number>): void {
    let from = current;
    for (const [source, map] of this.identities) {
      if (map === current) continue;
      if (map.size === 0) this.identities.delete(source);
      else {
        from = map;
        break;
      }
    }
    const oldest = from.keys().next();
    if (oldest.done) return;
    from.delete(oldest.value);
    this.cachedIdentities -= 1;
  }

  private touch(memberId: number, ts: number): void {
    const slot = this.touched.get(memberId) ?? -1;
    if (slot < 0) {
      this.touched.set(memberId, this.seenRange.length);
      this.seenRange.push(ts, ts);
      return;
    }
    if (ts < (this.seenRange[slot] ?? ts)) this.seenRange[slot] = ts;
    if (ts > (this.seenRange[slot + 1] ?? ts)) this.seenRange[slot + 1] = ts;
  }

  private activity(record: ActivityRecord): void {
    if (record.author.isBot) {
      this.counts.botsSkipped += 1;
      return;
    }
    const memberId = this.memberFor(record.author);
    const day = this.dayOf(record.ts);
    const result = this.insertActivity.run(
      memberId,
      record.source,
      record.kind,
      record.ts,
      day,
      record.channel,
      record.externalId,
      record.text,
      record.value ?? null,
      this.batchId,
      record.replyTo ?? null,
    );
    if (result.changes === 0) {
      this.counts.activitiesDuplicates += 1;
      return;
    }
    this.counts.activitiesAdded += 1;
    // Only with the activity itself: a duplicate's mentions are already there.
    if (record.mentions) this.mentions(Number(result.lastInsertRowid), record.mentions);
    this.touch(memberId, record.ts);
    this.memberDaily.add(day, memberId, record.kind, record.value);
    const ad = `${day}\u0000${record.source}\u0000${record.channel ?? ''}\u0000${record.kind}`;
    this.activityDaily.set(ad, (this.activityDaily.get(ad) ?? 0) + 1);
  }

  /** Stores what an added activity mentions; self-mentions too (the scores leave them out). */
  private mentions(activityId: number, mentions: readonly MentionRef[]): void {
    for (const mention of mentions) {
      if ('handle' in mention) {
        const handle = mentionHandle(mention.handle);
        if (handle !== null) this.insertMention.run(activityId, 1, handle);
      } else if (mention.externalId !== '') this.insertMention.run(activityId, 0, mention.externalId);
    }
  }

  private order(record: OrderRecord): void {
    const memberId = this.memberFor(record.member);
    const result = this.insertOrder.run(
      memberId,
      record.source,
      record.externalId,
      record.ts,
      this.dayOf(record.ts),
      record.amount,
      record.quantity,
      record.status,
      this.batchId,
    );
    this.tally(result.changes, 'orders', memberId, record.ts);
  }

  private survey(record: SurveyRecord): void {
    const memberId = this.memberFor(record.member);
    const result = this.insertSurvey.run(
      memberId,
      record.source,
      record.externalId,
      record.ts,
      this.dayOf(record.ts),
      record.score,
      JSON.stringify(record.answers),
      this.batchId,
    );
    this.tally(result.changes, 'surveys', memberId, record.ts);
  }

  /** Counts an insert-or-ignore: a duplicate, or a new row that moves the member's first/last seen. */
  private tally(changes: number, what: 'orders' | 'surveys', memberId: number, ts: number): void {
    if (changes === 0) {
      this.counts[`${what}Duplicates`] += 1;
      return;
    }
    this.counts[`${what}Added`] += 1;
    this.touch(memberId, ts);
  }

  /** Writes a batch of records; problem records are the caller's business and are ignored here. */
  write(records: readonly ImportRecord[]): void {
    for (const record of records) {
      switch (record.type) {
        case 'member': {
          if (record.identity.isBot) break;
          const memberId = this.memberFor(record.identity);
          if (typeof record.joinedAt === 'number') this.touch(memberId, record.joinedAt);
          for (const tag of record.tags ?? []) if (tag.trim()) this.insertTag.run(memberId, tag.trim());
          break;
        }
        case 'activity':
          this.activity(record);
          break;
        case 'order':
          this.order(record);
          break;
        case 'survey':
          this.survey(record);
          break;
        case 'problem':
          break;
      }
    }
    // Daily cells gather across batches: a member's messages of one day usually span several,
    // and each cell costs an upsert.
    if (this.memberDaily.size >= this.limits.rollupCells) this.flushRollups();
    this.indexes.added(this.counts.activitiesAdded);
  }

  private flushRollups(): void {
    for (const row of this.memberDaily.drain()) this.upsertMemberDaily.add(...row, pointsForDay(countsOfRow(row.slice(2)), this.pointsRules));
    this.upsertMemberDaily.finish();
    for (const [key, events] of this.activityDaily) {
      const [day, source, channel, kind] = key.split('\u0000') as [string, string, string, string];
      this.upsertActivityDaily.add(Number(day), source, channel, kind, events);
    }
    this.upsertActivityDaily.finish();
    this.activityDaily.clear();
  }

  /** Applies first/last seen and labels to every touched member and returns the counts. */
  finish(): WriterCounts {
    this.flushRollups();
    this.indexes.restore();
    // In id order: each update then lands next to the last one in member's table.
    const seen = Float64Array.from(this.seenMembers()).sort();
    for (const memberId of seen) {
      const slot = this.touched.get(memberId) ?? 0;
      this.updateSeen.run({ first: this.seenRange[slot] ?? 0, last: this.seenRange[slot + 1] ?? 0, id: memberId });
    }
    // Every member_daily row written belongs to a member with an added row, so in `seen`.
    this.totals.restore(seen);
    this.seenRange.length = 0;
    // New members and matched ones (whose identities may have gained a handle or e-mail).
    refreshMemberLabels(this.sqlite, this.touched.keys());
    return { ...this.counts };
  }

  /** Members with added rows. */
  private *seenMembers(): Generator<number> {
    for (const [memberId, slot] of this.touched) if (slot >= 0) yield memberId;
  }

  /** True when this batch added anything at all. */
  get addedAnything(): boolean {
    const c = this.counts;
    return c.membersAdded + c.activitiesAdded + c.ordersAdded + c.surveysAdded > 0;
  }
}
