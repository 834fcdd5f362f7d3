/**
 * Fault: an old workspace meets a new Hearth. A file from every earlier schema version, holding a
 * row in each core table, migrates to the latest schema with every row and value intact.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceFile, openWorkspaceFile } from '../../db/open';
import { latestSchemaVersion } from '../../db/migrations';
import { tempDir } from '../support/tmp';

type Row = Record<string, string | number | null>;

/**
 * One representative row per core table, using only columns every schema version from `since`
 * on has (core tables date from schema 1).
 */
const rows: readonly { table: string; row: Row; since?: number }[] = [
  {
    table: 'import_batch',
    row: {
      id: 1,
      file: '群聊.csv',
      format: 'csv',
      sha256: 'ab12',
      started_at: 1_000,
      finished_at: 2_000,
      status: 'done',
      counts: '{"activitiesAdded":1}',
    },
  },
  {
    table: 'member',
    row: {
      id: 1,
      display_name: '王小明',
      first_seen: 1_700_000_000_000,
      last_seen: 1_700_000_100_000,
      created_at: 5,
      batch_id: 1,
    },
  },
  {
    table: 'member',
    row: { id: 2, display_name: 'Emma Chen', first_seen: null, last_seen: null, created_at: 6, batch_id: null },
  },
  {
    table: 'identity',
    row: {
      id: 1,
      member_id: 1,
      source: 'wechat',
      external_id: 'wx-1',
      handle: 'xiaoming',
      display_name: '小明',
      email: 'xm@example.com',
      phone: '+86 138 0000 0000',
      batch_id: 1,
    },
  },
  {
    table: 'activity',
    row: {
      id: 1,
      member_id: 1,
      source: 'wechat',
      kind: 'message',
      ts: 1_700_000_000_000,
      day: 19_675,
      channel: '咖啡1群',
      external_id: 'a1',
      text: '今天的拿铁很好喝',
      value: 3,
      batch_id: 1,
    },
  },
  {
    table: 'activity',
    row: {
      id: 2,
      member_id: 2,
      source: 'discord',
      kind: 'reply',
      ts: 1_700_000_100_000,
      day: 19_676,
      channel: null,
      external_id: 'a2',
      text: null,
      value: null,
      batch_id: null,
    },
  },
  {
    table: 'order',
    row: {
      id: 1,
      member_id: 1,
      source: 'youzan',
      external_id: 'o1',
      ts: 1_700_000_050_000,
      day: 19_675,
      amount: 38.5,
      quantity: 2,
      status: 'paid',
      batch_id: 1,
    },
  },
  {
    table: 'survey_response',
    row: {
      id: 1,
      member_id: 2,
      source: 'wjx',
      external_id: 's1',
      ts: 1_700_000_060_000,
      day: 19_675,
      score: 9,
      answers: '{"q1":"很满意"}',
      batch_id: null,
    },
  },
  {
    table: 'content_item',
    row: {
      id: 1,
      title: '手冲课',
      body: '周六下午',
      channel: '公众号',
      owner: '阿岚',
      campaign: '秋季',
      pillar: 'advanced',
      format: 'activity',
      origin: 'pgc',
      status: 'scheduled',
      scheduled_at: 1_700_100_000_000,
      created_at: 7,
      updated_at: 8,
    },
  },
  {
    table: 'incident',
    row: {
      id: 1,
      title: '差评扩散',
      scenario: 'quality',
      colour: 'orange',
      level: 3,
      status: 'closed',
      is_drill: 0,
      started_at: 1_700_000_000_000,
      closed_at: 1_700_000_900_000,
      summary: '已道歉并补偿',
    },
  },
  { table: 'incident_event', row: { id: 1, incident_id: 1, ts: 1_700_000_100_000, kind: 'note', text: '联系了客户' } },
  {
    table: 'member_merge',
    since: 3,
    row: { id: 1, into_member_id: 1, from_member_id: 2, reason: 'same phone', merged_at: 9, undone_at: 10 },
  },
  {
    table: 'points_entry',
    since: 4,
    row: { id: 1, member_id: 1, day: 19_675, ts: 1_700_000_000_000, kind: 'grant', points: 50, reason: '活动奖励' },
  },
  {
    table: 'kpi_goal',
    since: 7,
    row: {
      id: 1,
      metric: 'mau',
      target: 300,
      due_day: 19_800,
      horizon: 'mid',
      baseline: 120,
      baseline_day: 19_600,
      created_at: 11,
    },
  },
  {
    table: 'content_series',
    since: 10,
    row: {
      id: 1,
      title: '每周直播',
      body: '',
      channel: '视频号',
      owner: '阿岚',
      campaign: null,
      pillar: 'basic',
      format: 'video',
      origin: 'pgc',
      high_value: 1,
      attachments: '[]',
      status: 'scheduled',
      start_local: '2026-01-05T20:00',
      duration_min: 90,
      all_day: 0,
      rule: 'FREQ=WEEKLY;BYDAY=MO',
      created_at: 12,
      updated_at: 13,
    },
  },
];

const quote = (name: string): string => `"${name}"`;

describe('faults: every earlier schema migrates with its data intact', () => {
  const versions = Array.from({ length: latestSchemaVersion - 1 }, (_, i) => i + 1);

  it.each(versions)('schema %i → latest', async (version) => {
    const file = path.join(tempDir(), `v${version}.hearth`);
    const old = createWorkspaceFile(file, { targetVersion: version });
    expect(old.sqlite.pragma('user_version', { simple: true })).toBe(version);
    const present = rows.filter((r) => (r.since ?? 1) <= version);
    const hasTags = (old.sqlite.pragma('table_info(member)') as { name: string }[]).some((c) => c.name === 'tags');
    old.sqlite.transaction(() => {
      for (const { table, row } of present) {
        const columns = Object.keys(row);
        old.sqlite
          .prepare(
            `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          )
          .run(...Object.values(row));
      }
      // Before schema 4 tags were a JSON column on member; 4 moves them to member_tag.
      if (hasTags) old.sqlite.prepare(`UPDATE member SET tags = '["VIP"," 咖啡师 "]' WHERE id = 1`).run();
      // member_daily (per-kind columns since schema 4) is keyed by member and day, not id.
      if (version >= 4) {
        old.sqlite.exec(`INSERT INTO member_daily (day, member_id, events, k_message, k_referral, reactions_received)
          VALUES (19675, 1, 3, 3, 0, 4), (19680, 1, 1, 0, 1, 0)`);
      }
    })();
    await old.close();

    const ws = openWorkspaceFile(file);
    try {
      const sqlite = ws.sqlite;
      expect(sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      for (const { table, row } of present) {
        const columns = Object.keys(row);
        const stored = sqlite
          .prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} WHERE id = ?`)
          .get(row.id);
        expect(stored, `${table} ${String(row.id)}`).toEqual(row);
      }
      for (const table of new Set(present.map((r) => r.table))) {
        const expected = present.filter((r) => r.table === table).length;
        expect(sqlite.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get(), table).toEqual({ n: expected });
      }
      // Schema 6 derives the member list's labels from members and identities.
      if (version < 6) {
        expect(sqlite.prepare('SELECT member_id, name, identities FROM member_label ORDER BY member_id').all()).toEqual(
          [
            { member_id: 1, name: '王小明', identities: 1 },
            { member_id: 2, name: 'Emma Chen', identities: 0 },
          ],
        );
      }
      // Schema 12 sums each member's member_daily rows into member_total.
      if (version >= 4) {
        expect(sqlite.prepare('SELECT member_id, active_days, first_day, last_day, reactions_received, referrals FROM member_total').all()).toEqual([
          { member_id: 1, active_days: 2, first_day: 19675, last_day: 19680, reactions_received: 4, referrals: 1 },
        ]);
      }
      // Schema 18 adds mentions: none yet, and the old activity rows can take them.
      expect(sqlite.prepare('SELECT count(*) AS n FROM activity_mention').get()).toEqual({ n: 0 });
      sqlite.prepare(`INSERT INTO activity_mention (activity_id, by_handle, target) VALUES (2, 1, 'xiaoming')`).run();
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      if (hasTags) {
        expect(sqlite.prepare('SELECT member_id, tag FROM member_tag ORDER BY tag').all()).toEqual([
          { member_id: 1, tag: 'VIP' },
          { member_id: 1, tag: '咖啡师' },
        ]);
      }
    } finally {
      await ws.close();
    }
  });
});
