import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createWorkspaceFile, HEARTH_APPLICATION_ID, openWorkspaceFile } from '../../db/open';
import { latestSchemaVersion, migrations } from '../../db/migrations';
import { tierHistory } from '../../db/queries/member-ledger';
import { HearthError } from '../../shared/errors';
import { tempDir } from '../support/tmp';

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(HearthError);
    expect((error as HearthError).code).toBe(code);
    return;
  }
  throw new Error(`expected a ${code} error`);
}

describe('migrations', () => {
  it('is a gapless list starting at 1', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestSchemaVersion).toBe(migrations.length);
  });

  it('opens a workspace made at schema 1 and migrates it with its data intact', async () => {
    const file = path.join(tempDir(), 'old.hearth');
    const v1 = createWorkspaceFile(file, { targetVersion: 1 });
    expect(v1.sqlite.pragma('user_version', { simple: true })).toBe(1);
    v1.sqlite.exec(`
      INSERT INTO member (id, display_name, created_at) VALUES (1, '王小明', 0), (2, 'Emma Chen', 0);
      INSERT INTO activity (member_id, source, kind, ts, day, channel, external_id)
      VALUES (1, 'wechat', 'message', 1000, 20000, '咖啡1群', 'a1'),
             (1, 'wechat', 'message', 2000, 20000, '咖啡1群', 'a2'),
             (2, 'discord', 'reply', 3000, 20001, NULL, 'a3');
    `);
    await v1.close();

    const ws = openWorkspaceFile(file);
    expect(ws.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM member').get()).toEqual({ n: 2 });
    expect(ws.sqlite.prepare('SELECT day, member_id, events FROM member_daily ORDER BY day, member_id').all()).toEqual([
      { day: 20000, member_id: 1, events: 2 },
      { day: 20001, member_id: 2, events: 1 },
    ]);
    expect(ws.sqlite.prepare('SELECT channel, events FROM activity_daily ORDER BY day').all()).toEqual([
      { channel: '咖啡1群', events: 2 },
      { channel: '', events: 1 },
    ]);
    expect(ws.sqlite.pragma('foreign_key_check')).toEqual([]);
    await ws.close();
  });

  it('migrates a schema 3 workspace: per-kind daily counts, tags to their own table, merge log kept', async () => {
    const file = path.join(tempDir(), 'v3.hearth');
    const v3 = createWorkspaceFile(file, { targetVersion: 3 });
    v3.sqlite.exec(`
      INSERT INTO member (id, display_name, created_at, tags) VALUES (1, '李雷', 0, '["咖啡","  ", "VIP"]'), (2, 'Ann', 0, 'not json'), (3, 'Bo', 0, '[]');
      INSERT INTO activity (member_id, source, kind, ts, day, external_id, value)
      VALUES (1, 'discord', 'message', 1, 20000, 'm1', 3), (1, 'discord', 'reply', 2, 20000, 'm2', NULL),
             (1, 'discord', 'checkin', 3, 20000, 'm3', 5), (2, 'discord', 'message', 4, 20001, 'm4', 0);
      INSERT INTO member_merge (id, into_member_id, from_member_id, reason, merged_at) VALUES (1, 1, 3, 'email', 0);
      INSERT INTO member_merge_row (merge_id, tbl, row_id) VALUES (1, 'activity', 2);
      UPDATE member SET merged_into = 1 WHERE id = 3;
    `);
    await v3.close();

    const ws = openWorkspaceFile(file);
    expect(
      ws.sqlite.prepare('SELECT day, member_id, events, k_message, k_reply, k_checkin, k_join, reactions_received FROM member_daily ORDER BY day').all(),
    ).toEqual([
      { day: 20000, member_id: 1, events: 3, k_message: 1, k_reply: 1, k_checkin: 1, k_join: 0, reactions_received: 3 },
      { day: 20001, member_id: 2, events: 1, k_message: 1, k_reply: 0, k_checkin: 0, k_join: 0, reactions_received: 0 },
    ]);
    expect(ws.sqlite.prepare('SELECT member_id, tag FROM member_tag ORDER BY member_id, tag').all()).toEqual([
      { member_id: 1, tag: 'VIP' },
      { member_id: 1, tag: '咖啡' },
    ]);
    expect(ws.sqlite.prepare('SELECT * FROM member_merge_row').all()).toEqual([{ merge_id: 1, tbl: 'activity', row_id: 2 }]);
    // Labels for the live members only (3 was merged away), with identity counts and search text.
    expect(ws.sqlite.prepare('SELECT member_id, name, identities, search FROM member_label ORDER BY member_id').all()).toEqual([
      { member_id: 1, name: '李雷', identities: 0, search: '李雷\u001f' },
      { member_id: 2, name: 'Ann', identities: 0, search: 'ann\u001f' },
    ]);
    const memberColumns = ws.sqlite.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('member')").all().map((c) => c.name);
    expect(memberColumns).not.toContain('tags');
    expect(ws.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(ws.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await ws.close();
  });

  it('migrates a schema 4 workspace: empty KPI cache tables, a covering survey index, data intact', async () => {
    const file = path.join(tempDir(), 'v4.hearth');
    const v4 = createWorkspaceFile(file, { targetVersion: 4 });
    v4.sqlite.exec(`
      INSERT INTO member (id, display_name, created_at, first_seen, last_seen) VALUES (1, 'Ann', 0, 86400000, 172800000);
      INSERT INTO activity (member_id, source, kind, ts, day, external_id) VALUES (1, 'table', 'message', 86400000, 1, 'a1'), (1, 'table', 'message', 172800000, 2, 'a2');
      INSERT INTO member_daily (day, member_id, events, k_message) VALUES (1, 1, 1, 1), (2, 1, 1, 1);
      INSERT INTO survey_response (member_id, source, external_id, ts, day, score) VALUES (1, 'survey', 's1', 86400000, 1, 9);
    `);
    await v4.close();

    const ws = openWorkspaceFile(file);
    expect(ws.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    const tables = ws.sqlite.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'kpi_%' ORDER BY name").all();
    expect(tables.map((t) => t.name)).toEqual([
      'kpi_cache',
      'kpi_day',
      'kpi_goal',
      'kpi_month_active',
      'kpi_order_day',
      'kpi_retention',
      'kpi_score_snapshot',
      'kpi_source_day',
      'kpi_spell_return',
      'kpi_survey_day',
      'kpi_tier_cache',
      'kpi_tier_day',
      'kpi_window_day',
    ]);
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM kpi_cache').get()).toEqual({ n: 0 });
    const indexes = ws.sqlite.prepare<[], { name: string }>("SELECT name FROM pragma_index_list('survey_response') ORDER BY name").all().map((i) => i.name);
    expect(indexes).toContain('survey_response_ts_score');
    expect(indexes).not.toContain('survey_response_ts');
    expect(ws.sqlite.prepare('SELECT member_id, score FROM survey_response').all()).toEqual([{ member_id: 1, score: 9 }]);
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM member_daily').get()).toEqual({ n: 2 });
    expect(ws.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await ws.close();
  });

  it('migrates a schema 6 workspace: an empty goal table, settings and data intact', async () => {
    const file = path.join(tempDir(), 'v6.hearth');
    const v6 = createWorkspaceFile(file, { targetVersion: 6 });
    v6.sqlite.exec(`
      INSERT INTO member (id, display_name, created_at, first_seen, last_seen) VALUES (1, 'Ann', 0, 86400000, 86400000);
      INSERT INTO member_daily (day, member_id, events, k_message) VALUES (1, 1, 1, 1);
      INSERT INTO setting (key, value) VALUES ('memberRules', '{"x":1}');
    `);
    expect(v6.sqlite.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'kpi_goal'").get()).toEqual({ n: 0 });
    await v6.close();

    const ws = openWorkspaceFile(file);
    expect(ws.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    const columns = ws.sqlite.prepare<[], { name: string; type: string; notnull: number }>("SELECT name, type, \"notnull\" FROM pragma_table_info('kpi_goal')").all();
    expect(columns.map((c) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}`)).toEqual([
      'id INTEGER',
      'metric TEXT NOT NULL',
      'target REAL NOT NULL',
      'due_day INTEGER NOT NULL',
      'horizon TEXT NOT NULL',
      'baseline REAL',
      'baseline_day INTEGER NOT NULL',
      'created_at INTEGER NOT NULL',
    ]);
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM kpi_goal').get()).toEqual({ n: 0 });
    ws.sqlite.prepare("INSERT INTO kpi_goal (metric, target, due_day, horizon, baseline, baseline_day, created_at) VALUES ('mau', 500, 20900, 'short', NULL, 20700, 0)").run();
    expect(() => ws.sqlite.prepare("INSERT INTO kpi_goal (metric, target, due_day, horizon, baseline_day, created_at) VALUES ('mau', 1, 1, 'forever', 1, 0)").run()).toThrow(/CHECK/);
    expect(ws.sqlite.prepare('SELECT value FROM setting WHERE key = ?').get('memberRules')).toEqual({ value: '{"x":1}' });
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM member_daily').get()).toEqual({ n: 1 });
    expect(ws.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await ws.close();
  });

  it('migrates a schema 7 workspace: per-member KPI tables replaced by day rollups, the cache marked stale, data intact', async () => {
    const file = path.join(tempDir(), 'v7.hearth');
    const v7 = createWorkspaceFile(file, { targetVersion: 7 });
    v7.sqlite.exec(`
      INSERT INTO member (id, display_name, created_at, first_seen, last_seen) VALUES (1, 'Ann', 0, 86400000, 86400000);
      INSERT INTO member_daily (day, member_id, events, k_message) VALUES (1, 1, 1, 1);
      INSERT INTO kpi_member (join_day, member_id, r1) VALUES (1, 1, NULL);
      INSERT INTO kpi_day (day, joins) VALUES (1, 1);
      INSERT INTO kpi_cache (id, stamp, built_at) VALUES (1, 'UTC|old', 0);
      INSERT INTO kpi_goal (metric, target, due_day, horizon, baseline, baseline_day, created_at) VALUES ('mau', 500, 20900, 'short', NULL, 20700, 0);
    `);
    await v7.close();

    const ws = openWorkspaceFile(file);
    expect(ws.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    const names = ws.sqlite.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE name LIKE 'kpi_%' ORDER BY name").all().map((t) => t.name);
    expect(names).not.toContain('kpi_member');
    expect(names).not.toContain('kpi_spell');
    expect(names).not.toContain('kpi_spell_end');
    const pk = (table: string): string[] =>
      ws.sqlite
        .prepare<[string], { name: string; pk: number }>('SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk')
        .all(table)
        .map((c) => c.name);
    expect(pk('kpi_retention')).toEqual(['join_month', 'horizon', 'reached_day']);
    expect(pk('kpi_spell_return')).toEqual(['end_day', 'next_start']);
    expect(pk('kpi_window_day')).toEqual(['window_days', 'day']);
    expect(pk('kpi_order_day')).toEqual(['day']);
    expect(pk('kpi_survey_day')).toEqual(['ts_day', 'day', 'score']);
    // The stamp is gone, so the next dashboard rebuilds the cache into the new tables.
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM kpi_cache').get()).toEqual({ n: 0 });
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM kpi_goal').get()).toEqual({ n: 1 });
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM member_daily').get()).toEqual({ n: 1 });
    expect(ws.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await ws.close();
  });

  it('migrates a schema 8 workspace: empty tier-move and source rollups, the cache marked stale, data intact', async () => {
    const file = path.join(tempDir(), 'v8.hearth');
    const v8 = createWorkspaceFile(file, { targetVersion: 8 });
    v8.sqlite.exec(`
      INSERT INTO member (id, display_name, created_at, first_seen, last_seen) VALUES (1, 'Ann', 0, 86400000, 86400000);
      INSERT INTO identity (member_id, source, external_id) VALUES (1, 'wecom', 'ann');
      INSERT INTO member_tier_history (member_id, day, from_tier, to_tier, change, explanation) VALUES (1, 1, NULL, 'newcomer', 'initial', '{}');
      INSERT INTO kpi_day (day, joins) VALUES (1, 1);
      INSERT INTO kpi_cache (id, stamp, built_at) VALUES (1, 'UTC|old', 0);
    `);
    await v8.close();

    const ws = openWorkspaceFile(file);
    expect(ws.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    const pk = (table: string): string[] =>
      ws.sqlite
        .prepare<[string], { name: string; pk: number }>('SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk')
        .all(table)
        .map((c) => c.name);
    expect(pk('kpi_tier_day')).toEqual(['day']);
    expect(pk('kpi_tier_cache')).toEqual(['id']);
    expect(pk('kpi_source_day')).toEqual(['day', 'source']);
    for (const table of ['kpi_tier_day', 'kpi_tier_cache', 'kpi_source_day', 'kpi_cache']) {
      expect(ws.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM member_tier_history').get()).toEqual({ n: 1 });
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM identity').get()).toEqual({ n: 1 });
    expect(ws.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await ws.close();
  });

  it('migrates a schema 9 workspace: content items keep their fields and gain calendar defaults', async () => {
    const file = path.join(tempDir(), 'v9.hearth');
    const v9 = createWorkspaceFile(file, { targetVersion: 9 });
    v9.sqlite.exec(`
      INSERT INTO content_item (id, title, body, channel, owner, pillar, format, origin, status, scheduled_at, created_at, updated_at)
      VALUES (1, '周三主题日', 'body', '公众号', 'Mia', 'advanced', 'text', 'pgc', 'scheduled', 1795000000000, 1, 2);
    `);
    await v9.close();

    const ws = openWorkspaceFile(file);
    expect(ws.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(
      ws.sqlite
        .prepare('SELECT title, channel, pillar, origin, status, scheduled_at, duration_min, all_day, series_id, review_step, high_value, attachments, reach FROM content_item')
        .all(),
    ).toEqual([
      {
        title: '周三主题日',
        channel: '公众号',
        pillar: 'advanced',
        origin: 'pgc',
        status: 'scheduled',
        scheduled_at: 1795000000000,
        duration_min: 60,
        all_day: 0,
        series_id: null,
        review_step: 0,
        high_value: 0,
        attachments: '[]',
        reach: null,
      },
    ]);
    for (const table of ['content_series', 'content_review', 'sensitive_word']) {
      expect(ws.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    expect(ws.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(ws.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await ws.close();
  });

  it('migrates a schema 16 workspace: tier history keeps the numbers of each explanation, and the drawer reads the same explanation', async () => {
    const file = path.join(tempDir(), 'v16.hearth');
    const v16 = createWorkspaceFile(file, { targetVersion: 16 });
    const promoted = { key: 'tier.promoted', params: { tier: 'core', sinceDay: 20500, earned: 640, window: 90, threshold: 500 } };
    const demoted = {
      key: 'tier.demoted',
      params: { tier: 'active', fromTier: 'core', reviewDay: 20545, earned: 60, window: 90, threshold: 200, floor: 180, hysteresis: 10 },
    };
    const insert = v16.sqlite.prepare('INSERT INTO member_tier_history (member_id, day, from_tier, to_tier, change, explanation) VALUES (1, ?, ?, ?, ?, ?)');
    v16.sqlite.exec("INSERT INTO member (id, display_name, created_at) VALUES (1, '王小明', 0)");
    insert.run(20400, null, 'active', 'initial', JSON.stringify({ key: 'tier.initial', params: { tier: 'active', earned: 55, window: 90, threshold: 50 } }));
    insert.run(20500, 'active', 'core', 'promoted', JSON.stringify(promoted));
    insert.run(20545, 'core', 'active', 'demoted', JSON.stringify(demoted));
    insert.run(20546, 'active', 'newcomer', 'demoted', 'not json');
    await v16.close();

    const ws = openWorkspaceFile(file);
    expect(ws.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(ws.sqlite.prepare('SELECT id, day, earned, window_days, threshold, floor, hysteresis FROM member_tier_history ORDER BY id').all()).toEqual([
      { id: 1, day: 20400, earned: 55, window_days: 90, threshold: 50, floor: null, hysteresis: null },
      { id: 2, day: 20500, earned: 640, window_days: 90, threshold: 500, floor: null, hysteresis: null },
      { id: 3, day: 20545, earned: 60, window_days: 90, threshold: 200, floor: 180, hysteresis: 10 },
      { id: 4, day: 20546, earned: 0, window_days: 0, threshold: 0, floor: null, hysteresis: null },
    ]);
    const history = tierHistory(ws.sqlite, 1);
    expect(history.map((h) => h.explanation).slice(1)).toEqual([demoted, promoted, { key: 'tier.initial', params: { tier: 'active', earned: 55, window: 90, threshold: 50 } }]);
    const indexes = ws.sqlite
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'member_tier_history' AND sql IS NOT NULL ORDER BY name")
      .all()
      .map((i) => i.name);
    expect(indexes).toEqual(['member_tier_history_day', 'member_tier_history_member']);
    expect(ws.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(ws.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await ws.close();
  });

  it('migrates a schema 17 workspace: an empty mention table that goes with its activity, handles indexed case-blind', async () => {
    const file = path.join(tempDir(), 'v17.hearth');
    const v17 = createWorkspaceFile(file, { targetVersion: 17 });
    v17.sqlite.exec(`
      INSERT INTO member (id, display_name, created_at) VALUES (1, 'Ann', 0), (2, 'Bo', 0);
      INSERT INTO identity (member_id, source, external_id, handle) VALUES (1, 'discourse', '11', 'Ann_Lee'), (2, 'discourse', '12', NULL);
      INSERT INTO activity (id, member_id, source, kind, ts, day, external_id) VALUES (1, 2, 'discourse', 'reply', 0, 0, 'post:1'), (2, 2, 'discourse', 'reply', 0, 0, 'post:2');
    `);
    await v17.close();

    const ws = openWorkspaceFile(file);
    expect(ws.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM activity_mention').get()).toEqual({ n: 0 });
    ws.sqlite.exec("INSERT INTO activity_mention (activity_id, by_handle, target) VALUES (1, 1, 'ann_lee'), (1, 0, '11'), (2, 1, 'ann_lee')");
    expect(() => ws.sqlite.exec("INSERT INTO activity_mention (activity_id, by_handle, target) VALUES (9, 0, '11')")).toThrow(/FOREIGN KEY/);
    expect(() => ws.sqlite.exec("INSERT INTO activity_mention (activity_id, by_handle, target) VALUES (1, 2, '11')")).toThrow(/CHECK/);
    const byHandle = "SELECT member_id FROM identity WHERE source = 'discourse' AND lower(handle) = 'ann_lee' AND handle IS NOT NULL";
    expect(ws.sqlite.prepare(byHandle).all()).toEqual([{ member_id: 1 }]);
    const plan = ws.sqlite.prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${byHandle}`).all();
    expect(plan.map((p) => p.detail).join(' | ')).toContain('USING INDEX identity_handle');
    // Deleting an activity (undoing its import) takes its mentions along.
    ws.sqlite.exec('DELETE FROM activity WHERE id = 1');
    expect(ws.sqlite.prepare('SELECT activity_id, by_handle, target FROM activity_mention').all()).toEqual([{ activity_id: 2, by_handle: 1, target: 'ann_lee' }]);
    expect(ws.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(ws.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await ws.close();
  });

  it('migrates a schema 10 workspace: incidents keep their timeline and gain empty crisis fields', async () => {
    const file = path.join(tempDir(), 'v10.hearth');
    const v10 = createWorkspaceFile(file, { targetVersion: 10 });
    v10.sqlite.exec(`
      INSERT INTO incident (id, title, colour, level, status, started_at, closed_at, summary)
      VALUES (1, '配送延迟投诉激增', 'orange', 3, 'closed', 1, 2, '复盘');
      INSERT INTO incident_event (incident_id, ts, kind, text) VALUES (1, 1, 'detected', '投诉激增');
    `);
    await v10.close();

    const ws = openWorkspaceFile(file);
    expect(ws.sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(
      ws.sqlite.prepare('SELECT title, status, summary, playbook_id, alert_id, assignees, templates, postmortem FROM incident').all(),
    ).toEqual([
      { title: '配送延迟投诉激增', status: 'closed', summary: '复盘', playbook_id: null, alert_id: null, assignees: '{}', templates: '[]', postmortem: null },
    ]);
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM incident_event').get()).toEqual({ n: 1 });
    for (const table of ['playbook', 'incident_action', 'alert_rule', 'alert', 'crisis_sentiment_day', 'crisis_risk_day']) {
      expect(ws.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    expect(ws.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(ws.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await ws.close();
  });

  it('sets WAL, foreign keys and the Hearth application id', async () => {
    const ws = createWorkspaceFile(path.join(tempDir(), 'a.hearth'));
    expect(ws.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.sqlite.pragma('application_id', { simple: true })).toBe(HEARTH_APPLICATION_ID);
    expect(() => ws.sqlite.exec("INSERT INTO identity (member_id, source, external_id) VALUES (999, 'x', 'y')")).toThrow(/FOREIGN KEY/);
    await ws.close();
  });

  it('refuses a workspace from a newer Hearth and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'future.hearth');
    const ws = createWorkspaceFile(file);
    ws.sqlite.pragma(`user_version = ${latestSchemaVersion + 1}`);
    await ws.close();
    const before = sha(file);
    expectCode(() => openWorkspaceFile(file), 'workspace_too_new');
    expect(sha(file)).toBe(before);
  });

  it('refuses files that are not Hearth workspaces without touching them', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.hearth');
    fs.writeFileSync(text, 'member,name\n1,王小明\n');
    const empty = path.join(dir, 'empty.hearth');
    fs.writeFileSync(empty, '');
    const other = path.join(dir, 'other.sqlite');
    const db = new BetterSqlite3(other);
    db.exec('CREATE TABLE t (x)');
    db.close();

    for (const file of [text, empty, other]) {
      const before = sha(file);
      expectCode(() => openWorkspaceFile(file), 'not_a_workspace');
      expect(sha(file)).toBe(before);
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
    }
    expectCode(() => openWorkspaceFile(path.join(dir, 'missing.hearth')), 'not_found');
  });

  it('refuses a damaged workspace without touching it', async () => {
    const file = path.join(tempDir(), 'broken.hearth');
    const ws = createWorkspaceFile(file);
    ws.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await ws.close();
    const bytes = fs.readFileSync(file);
    // Keep the header, wreck the rest of page 1 (the schema) and beyond.
    bytes.fill(0xa5, 100, Math.min(bytes.length, 8192));
    fs.writeFileSync(file, bytes);
    const before = sha(file);
    expectCode(() => openWorkspaceFile(file), 'workspace_corrupt');
    expect(sha(file)).toBe(before);
  });

  it('refuses to create over an existing file', () => {
    const file = path.join(tempDir(), 'x.hearth');
    fs.writeFileSync(file, 'keep me');
    expectCode(() => createWorkspaceFile(file), 'workspace_exists');
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });
});
