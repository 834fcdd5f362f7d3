import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../db/open';
import { beginBatch, finishBatch, undoBatch } from '../../db/queries/batches';
import { ImportWriter } from '../../db/queries/import-writer';
import { mergeMembers, rejectMerge, suggestMerges, unmergeMembers } from '../../db/queries/merge';
import type { ImportRecord } from '../../shared/import';
import { dayResolver } from '../../shared/time';
import { rollupsFromScratch, storedRollups, tempWorkspace } from '../support/workspace';

const T0 = Date.UTC(2026, 0, 5, 12);
const HOUR = 3_600_000;
let ws: Workspace | undefined;
afterEach(async () => {
  await ws?.close();
  ws = undefined;
});

const wang = { source: 'wechat', externalId: 'wx_1', displayName: '王小明', handle: 'xiaoming' };
const emma = { source: 'discord', externalId: '42', displayName: 'Emma Chen', handle: 'emma', email: 'Emma@Example.com' };
const bot = { source: 'discord', externalId: '99', displayName: 'MEE6', isBot: true };

function records(): ImportRecord[] {
  return [
    { type: 'member', line: 1, identity: wang, joinedAt: T0 - 24 * HOUR },
    { type: 'activity', line: 2, source: 'wechat', externalId: 'm1', kind: 'message', ts: T0, channel: '咖啡1群', text: '早上好', author: wang },
    { type: 'activity', line: 3, source: 'wechat', externalId: 'm2', kind: 'reply', ts: T0 + HOUR, channel: '咖啡1群', text: '☕', author: wang, replyTo: 'm1' },
    { type: 'activity', line: 4, source: 'discord', externalId: 'd1', kind: 'message', ts: T0 + 12 * HOUR, channel: '#general', text: 'hi', author: emma, value: 3 },
    { type: 'activity', line: 5, source: 'discord', externalId: 'd2', kind: 'message', ts: T0, channel: '#general', text: 'beep', author: bot },
    { type: 'order', line: 6, source: 'shop', externalId: 'o1', member: { source: 'shop', externalId: 'c1', email: 'emma@example.com', displayName: 'Emma C.' }, ts: T0, amount: 88, quantity: 2, status: 'paid' },
    { type: 'survey', line: 7, source: 'survey', externalId: 's1', member: wang, ts: T0, score: 9, answers: { why: '好喝' } },
    { type: 'problem', line: 8, field: 'date', value: 'yesterday', message: 'not a date' },
  ];
}

type Limits = ConstructorParameters<typeof ImportWriter>[4];

function importBatch(target: Workspace, batch: ImportRecord[], limits?: Limits) {
  const sqlite = target.sqlite;
  sqlite.exec('BEGIN IMMEDIATE');
  const id = beginBatch(sqlite, { file: 'x.json', format: 'discord-json', startedAt: T0, options: {} });
  const writer = new ImportWriter(sqlite, id, dayResolver('Asia/Shanghai'), T0, limits);
  // In parts, as parsers hand them over.
  for (let at = 0; at < batch.length; at += 7) writer.write(batch.slice(at, at + 7));
  const counts = writer.finish();
  finishBatch(sqlite, id, { sha256: 'abc', finishedAt: T0, counts });
  sqlite.exec('COMMIT');
  return { id, counts };
}

describe('import writer', () => {
  it('adds members, activity, orders and surveys, skipping bots, with exact rollups', () => {
    ws = tempWorkspace();
    const { counts } = importBatch(ws, records());
    expect(counts).toEqual({
      membersAdded: 3,
      membersMatched: 0,
      activitiesAdded: 3,
      activitiesDuplicates: 0,
      ordersAdded: 1,
      ordersDuplicates: 0,
      surveysAdded: 1,
      surveysDuplicates: 0,
      botsSkipped: 1,
    });
    expect(storedRollups(ws.sqlite)).toEqual(rollupsFromScratch(ws.sqlite));
    const member = ws.sqlite.prepare("SELECT m.first_seen, m.last_seen FROM member m JOIN identity i ON i.member_id = m.id WHERE i.external_id = 'wx_1'").get();
    expect(member).toEqual({ first_seen: T0 - 24 * HOUR, last_seen: T0 + HOUR });
    expect(ws.sqlite.prepare("SELECT reply_to FROM activity WHERE external_id = 'm2'").get()).toEqual({ reply_to: 'm1' });
    // 20:00 Shanghai on 5 Jan vs 12:00 UTC + 12 h = 08:00 Shanghai on 6 Jan.
    expect(ws.sqlite.prepare('SELECT count(DISTINCT day) AS n FROM activity').get()).toEqual({ n: 2 });
  });

  it('adds nothing when the same records come again', () => {
    ws = tempWorkspace();
    importBatch(ws, records());
    const { counts } = importBatch(ws, records());
    expect(counts).toMatchObject({ membersAdded: 0, membersMatched: 3, activitiesAdded: 0, activitiesDuplicates: 3, ordersDuplicates: 1, surveysDuplicates: 1 });
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM activity').get()).toEqual({ n: 3 });
    expect(storedRollups(ws.sqlite)).toEqual(rollupsFromScratch(ws.sqlite));
  });

  it('writes the same rows, rollups and counts with identities leaving its cache and rollups written in parts', async () => {
    // Six authors taking turns, a cache of two: every author is looked up again many times; daily
    // cells written every three.
    // Of two sources, so the cache lets go of one source's identities for the other's.
    const authors = Array.from({ length: 6 }, (_, i) => ({ source: i % 2 ? 'discord' : 'slack', externalId: `a${i}`, displayName: `成员${i}`, handle: `m${i}` }));
    const many: ImportRecord[] = Array.from({ length: 60 }, (_, i) => ({
      type: 'activity',
      line: i + 1,
      source: 'discord',
      externalId: `x${i}`,
      kind: i % 3 === 0 ? 'reply' : 'message',
      ts: T0 + ((i * 7) % 60) * HOUR,
      channel: '#general',
      text: `消息 ${i}`,
      author: authors[(i * 5) % 6]!,
    }));
    const snapshot = (target: Workspace): unknown[] =>
      target.sqlite
        .prepare(
          `SELECT m.id, m.display_name, m.first_seen, m.last_seen, l.search, l.identities FROM member m
           JOIN member_label l ON l.member_id = m.id ORDER BY m.id`,
        )
        .all();
    ws = tempWorkspace();
    const tiny = { identityCache: 2, rollupCells: 3, dropIndexesFrom: 50_000 };
    const small = importBatch(ws, [...records(), ...many], tiny);
    const smallRollups = storedRollups(ws.sqlite);
    const again = importBatch(ws, [...records(), ...many], tiny);
    const smallRows = snapshot(ws);
    expect(storedRollups(ws.sqlite)).toEqual(rollupsFromScratch(ws.sqlite));
    await ws.close();

    ws = tempWorkspace();
    const large = importBatch(ws, [...records(), ...many]);
    expect(small.counts).toEqual(large.counts);
    expect(small.counts).toMatchObject({ membersAdded: 9, membersMatched: 0, activitiesAdded: 63 });
    expect(again.counts).toMatchObject({ membersAdded: 0, membersMatched: 9, activitiesAdded: 0, activitiesDuplicates: 63 });
    expect(smallRows).toEqual(snapshot(ws));
    expect(smallRollups).toEqual(storedRollups(ws.sqlite));
  });

  it("drops activity's indexes during a big import and builds them again, exactly as they were", () => {
    ws = tempWorkspace();
    const sqlite = ws.sqlite;
    const indexes = (): unknown[] =>
      sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activity' ORDER BY name").all();
    const before = indexes();
    expect(before.length).toBeGreaterThanOrEqual(5);
    const many: ImportRecord[] = Array.from({ length: 40 }, (_, i) => ({
      type: 'activity',
      line: i + 1,
      source: 'wechat',
      externalId: `w${i}`,
      kind: i % 4 === 0 ? 'reply' : 'message',
      ts: T0 + i * HOUR,
      channel: '咖啡1群',
      text: `第${i}条`,
      author: i % 2 ? wang : emma,
      ...(i % 4 === 0 && i > 0 ? { replyTo: `w${i - 1}` } : {}),
    }));
    const limits = { identityCache: 100, rollupCells: 100, dropIndexesFrom: 10 };

    // Cancelled half way, with the indexes dropped: the rollback puts them back.
    sqlite.exec('BEGIN IMMEDIATE');
    const cancelled = new ImportWriter(sqlite, beginBatch(sqlite, { file: 'x.json', format: 'discord-json', startedAt: T0, options: {} }), dayResolver('Asia/Shanghai'), T0, limits);
    cancelled.write(many.slice(0, 20));
    expect(indexes().length).toBe(1); // the unique key alone
    sqlite.exec('ROLLBACK');
    expect(indexes()).toEqual(before);

    sqlite.exec('BEGIN IMMEDIATE');
    const id = beginBatch(sqlite, { file: 'x.json', format: 'discord-json', startedAt: T0, options: {} });
    const writer = new ImportWriter(sqlite, id, dayResolver('Asia/Shanghai'), T0, limits);
    writer.write(many.slice(0, 8));
    expect(indexes()).toEqual(before); // 8 rows: not yet worth it
    writer.write(many.slice(8));
    expect(indexes().length).toBe(1);
    const counts = writer.finish();
    finishBatch(sqlite, id, { sha256: 'abc', finishedAt: T0, counts });
    sqlite.exec('COMMIT');
    expect(counts.activitiesAdded).toBe(40);
    expect(indexes()).toEqual(before);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // Each index lists what a scan lists.
    for (const [index, columns, where] of [
      ['activity_batch', 'batch_id', ''],
      ['activity_member_ts', 'member_id, ts', ''],
      ['activity_ts', 'ts', ''],
      ['activity_replies', 'source, reply_to, member_id, day', 'WHERE reply_to IS NOT NULL'],
    ]) {
      const list = (how: string): unknown[] =>
        sqlite.prepare(`SELECT ${columns}, id FROM activity ${how} ${where} ORDER BY ${columns}, id`).raw().all();
      expect(list(`INDEXED BY ${index}`), index).toEqual(list('NOT INDEXED'));
    }
    // Duplicates are still recognised, and a smaller import into the now fuller table keeps the indexes.
    const again = importBatch(ws, many.slice(0, 30), limits);
    expect(again.counts).toMatchObject({ activitiesAdded: 0, activitiesDuplicates: 30 });
    const more = many.map((r, i) => ({ ...r, externalId: `v${i}` }) as ImportRecord).slice(0, 30);
    sqlite.exec('BEGIN IMMEDIATE');
    const small = new ImportWriter(sqlite, beginBatch(sqlite, { file: 'y.json', format: 'discord-json', startedAt: T0, options: {} }), dayResolver('Asia/Shanghai'), T0, limits);
    small.write(more);
    expect(indexes()).toEqual(before); // 30 rows against 40 already there
    small.finish();
    sqlite.exec('COMMIT');
    expect(storedRollups(sqlite)).toEqual(rollupsFromScratch(sqlite));
  });

  it('undo removes exactly a batch and keeps members other batches still use', () => {
    ws = tempWorkspace();
    const first = importBatch(ws, records());
    const later: ImportRecord[] = [
      { type: 'activity', line: 1, source: 'wechat', externalId: 'm9', kind: 'message', ts: T0 + 48 * HOUR, channel: '咖啡2群', text: '新群', author: wang },
    ];
    importBatch(ws, later);
    expect(undoBatch(ws.sqlite, first.id)).toEqual({ activities: 3, orders: 1, surveys: 1, members: 2, identities: 2 });
    expect(ws.sqlite.prepare('SELECT display_name, first_seen, last_seen FROM member').all()).toEqual([
      { display_name: '王小明', first_seen: T0 + 48 * HOUR, last_seen: T0 + 48 * HOUR },
    ]);
    expect(storedRollups(ws.sqlite)).toEqual(rollupsFromScratch(ws.sqlite));
    expect(ws.sqlite.prepare('SELECT status FROM import_batch ORDER BY id').all()).toEqual([{ status: 'undone' }, { status: 'done' }]);
    expect(ws.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('identity merge', () => {
  function memberOf(target: Workspace, source: string, externalId: string): number {
    const row = target.sqlite.prepare<[string, string], { member_id: number }>('SELECT member_id FROM identity WHERE source = ? AND external_id = ?').get(source, externalId);
    if (!row) throw new Error('no identity');
    return row.member_id;
  }

  it('suggests by e-mail across platforms and by a CJK name written differently', () => {
    ws = tempWorkspace();
    importBatch(ws, [
      ...records(),
      { type: 'member', line: 9, identity: { source: 'discord', externalId: '7', displayName: '王 小明 ☕' } },
      { type: 'member', line: 10, identity: { source: 'wechat', externalId: 'wx_2', displayName: 'Bob' } },
      { type: 'member', line: 11, identity: { source: 'discord', externalId: '8', displayName: 'Bob' } },
    ]);
    const suggestions = suggestMerges(ws.sqlite, 10);
    const pairs = suggestions.map((s) => [s.reason, [s.a, s.b].sort()]);
    expect(pairs).toContainEqual(['email', [memberOf(ws, 'discord', '42'), memberOf(ws, 'shop', 'c1')].sort()]);
    expect(pairs).toContainEqual(['name', [memberOf(ws, 'wechat', 'wx_1'), memberOf(ws, 'discord', '7')].sort()]);
    // "Bob" is too common a name to suggest on.
    expect(suggestions.some((s) => s.detail === 'Bob')).toBe(false);

    const emmaId = memberOf(ws, 'discord', '42');
    const shopId = memberOf(ws, 'shop', 'c1');
    rejectMerge(ws.sqlite, shopId, emmaId, T0);
    expect(suggestMerges(ws.sqlite, 10).some((s) => s.reason === 'email')).toBe(false);
  });

  it('merges and unmerges exactly, keeping rollups right', () => {
    ws = tempWorkspace();
    importBatch(ws, records());
    const wechat = memberOf(ws, 'wechat', 'wx_1');
    const discord = memberOf(ws, 'discord', '42');
    const before = ws.sqlite.prepare('SELECT id, member_id FROM activity ORDER BY id').all();
    const mergeId = mergeMembers(ws.sqlite, wechat, discord, 'same person', T0);
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM activity WHERE member_id = ?').get(wechat)).toEqual({ n: 3 });
    expect(ws.sqlite.prepare('SELECT merged_into FROM member WHERE id = ?').get(discord)).toEqual({ merged_into: wechat });
    expect(memberOf(ws, 'discord', '42')).toBe(wechat);
    expect(storedRollups(ws.sqlite)).toEqual(rollupsFromScratch(ws.sqlite));
    expect(() => mergeMembers(ws!.sqlite, wechat, discord, 'again', T0)).toThrow(/already merged/);

    unmergeMembers(ws.sqlite, mergeId, T0 + 1);
    expect(ws.sqlite.prepare('SELECT id, member_id FROM activity ORDER BY id').all()).toEqual(before);
    expect(ws.sqlite.prepare('SELECT merged_into FROM member WHERE id = ?').get(discord)).toEqual({ merged_into: null });
    expect(storedRollups(ws.sqlite)).toEqual(rollupsFromScratch(ws.sqlite));
    expect(() => unmergeMembers(ws!.sqlite, mergeId, T0 + 2)).toThrow(/already undone/);
  });
});
