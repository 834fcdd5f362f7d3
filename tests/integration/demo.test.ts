import crypto from 'node:crypto';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceFile, type Workspace } from '../../db/open';
import { pointsAreCurrent } from '../../db/queries/member-points';
import { readMemberRules } from '../../db/queries/member-rules';
import { countRows, readSettings } from '../../db/queries/workspace';
import { activityKinds } from '../../shared/import';
import { pointsForDay } from '../../shared/members/points';
import { type DemoSummary, demoSettings, generateDemo, writeDemoSettings } from '../../electron/services/demo';
import { HearthError } from '../../shared/errors';
import { dayResolver } from '../../shared/time';
import { tempDir } from '../support/tmp';
import { rollupsFromScratch, storedRollups } from '../support/workspace';

const NOW = Date.UTC(2026, 10, 1, 4);
const MEMBERS = 300;

let open: Workspace[] = [];
afterEach(async () => {
  await Promise.all(open.map((ws) => ws.close()));
  open = [];
});

async function demo(seed: number, members = MEMBERS): Promise<{ ws: Workspace; summary: DemoSummary }> {
  const ws = createWorkspaceFile(path.join(tempDir(), 'demo.hearth'));
  open.push(ws);
  await writeDemoSettings(ws);
  const summary = generateDemo(ws, { members, seed, now: NOW });
  return { ws, summary };
}

/** A digest of a table's full contents in id order. */
function tableHash(sqlite: BetterSqlite3.Database, table: string, order = 'id'): string {
  const hash = crypto.createHash('sha256');
  for (const row of sqlite.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).iterate())
    hash.update(JSON.stringify(row));
  return hash.digest('hex');
}

const tables: readonly (readonly [string, string])[] = [
  ['member', 'id'],
  ['identity', 'id'],
  ['activity', 'id'],
  ['activity_mention', 'activity_id, by_handle, target'],
  ['order', 'id'],
  ['survey_response', 'id'],
  ['content_item', 'id'],
  ['incident', 'id'],
  ['incident_event', 'id'],
  ['member_daily', 'day, member_id'],
  ['activity_daily', 'day, source, channel, kind'],
];

describe('demo workspace generator', () => {
  it('fills a workspace with a believable community in sane proportions', async () => {
    const { ws, summary } = await demo(42);
    const { seconds, ...counts } = summary;
    expect(seconds).toBeGreaterThan(0);
    expect(counts).toEqual(await countRows(ws.db));
    expect(counts.member).toBe(MEMBERS);
    expect(counts.activity).toBeGreaterThan(MEMBERS * 6);
    expect(counts.activity).toBeLessThan(MEMBERS * 16);
    expect(counts.identity).toBeGreaterThanOrEqual(MEMBERS);
    expect(counts.identity).toBeLessThanOrEqual(MEMBERS * 3);
    expect(counts.order).toBeGreaterThan(0);
    expect(counts.survey_response).toBeGreaterThan(0);
    expect(counts.content_item).toBeGreaterThanOrEqual(15);
    expect(counts.incident).toBe(1);

    const sqlite = ws.sqlite;
    const one = <T>(sql: string): T => {
      const row = sqlite.prepare<[], T>(sql).get();
      if (row === undefined) throw new Error(`no row from ${sql}`);
      return row;
    };
    // Every member has 1–3 identities, at least one of them social; ids unique per source.
    expect(
      one<{ n: number }>(
        'SELECT count(*) AS n FROM (SELECT member_id, count(*) AS c FROM identity GROUP BY member_id HAVING c NOT BETWEEN 1 AND 3)',
      ).n,
    ).toBe(0);
    expect(
      one<{ n: number }>(
        "SELECT count(*) AS n FROM member m WHERE NOT EXISTS (SELECT 1 FROM identity i WHERE i.member_id = m.id AND i.source <> 'shop')",
      ).n,
    ).toBe(0);
    // Everything happens within 18 months before now; activity starts with the join.
    expect(one<{ lo: number; hi: number }>('SELECT min(ts) AS lo, max(ts) AS hi FROM activity').hi).toBeLessThanOrEqual(
      NOW,
    );
    expect(one<{ lo: number }>('SELECT min(ts) AS lo FROM activity').lo).toBeGreaterThan(NOW - 550 * 86_400_000);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM "order" WHERE ts > ' + NOW).n).toBe(0);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM activity WHERE kind = 'join'").n).toBe(MEMBERS);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM activity WHERE kind = 'survey'").n).toBe(
      counts.survey_response,
    );
    // Orders in CNY 25–300, some cancelled; NPS scores 0–10 with a comment.
    const orders = one<{ lo: number; hi: number }>('SELECT min(amount) AS lo, max(amount) AS hi FROM "order"');
    expect(orders.lo).toBeGreaterThanOrEqual(25);
    expect(orders.hi).toBeLessThanOrEqual(300);
    expect(
      one<{ n: number }>(
        "SELECT count(*) AS n FROM survey_response WHERE score NOT BETWEEN 0 AND 10 OR json_extract(answers, '$.comment') IS NULL",
      ).n,
    ).toBe(0);
    // One closed orange level-3 incident with 4–6 timeline events.
    expect(
      one<{ colour: string; level: number; status: string }>('SELECT colour, level, status FROM incident'),
    ).toEqual({ colour: 'orange', level: 3, status: 'closed' });
    const events = one<{ n: number }>('SELECT count(*) AS n FROM incident_event').n;
    expect(events).toBeGreaterThanOrEqual(4);
    expect(events).toBeLessThanOrEqual(6);
    // Names: mostly Chinese, some Latin.
    const han = one<{ n: number }>(
      "SELECT count(*) AS n FROM identity WHERE source = 'shop' OR display_name GLOB '*[一-龥]*'",
    ).n;
    expect(han / counts.identity).toBeGreaterThan(0.4);
    expect(
      one<{ n: number }>("SELECT count(*) AS n FROM member WHERE display_name GLOB '[A-Z][a-z]* [A-Z]*'").n,
    ).toBeGreaterThan(0);

    // About 5% of messages and replies mention someone else on the same platform, by an id
    // that resolves to an identity there; the text says whom.
    const talk = one<{ n: number }>("SELECT count(*) AS n FROM activity WHERE kind IN ('message', 'reply')").n;
    const mentions = sqlite
      .prepare<[], { kind: string; text: string; author: number; mentioned: number | null; name: string | null; byHandle: number }>(
        `SELECT a.kind, a.text, a.member_id AS author, i.member_id AS mentioned, i.display_name AS name, m.by_handle AS byHandle
         FROM activity_mention m JOIN activity a ON a.id = m.activity_id
         LEFT JOIN identity i ON i.source = a.source AND i.external_id = m.target`,
      )
      .all();
    expect(mentions.length / talk).toBeGreaterThan(0.03);
    expect(mentions.length / talk).toBeLessThan(0.07);
    for (const mention of mentions) {
      expect(['message', 'reply']).toContain(mention.kind);
      expect(mention.byHandle).toBe(0);
      expect(mention.mentioned).not.toBeNull();
      expect(mention.mentioned).not.toBe(mention.author);
      expect(mention.text.startsWith(`@${mention.name ?? ''} `)).toBe(true);
    }
    expect(new Set(mentions.map((m) => m.mentioned)).size).toBeGreaterThan(10);

    expect(await readSettings(ws.db)).toEqual(demoSettings);
  });

  it('gives identical rows for the same seed and different rows for another seed', async () => {
    const a = await demo(7);
    const b = await demo(7);
    const c = await demo(8);
    for (const [table, order] of tables) {
      expect(tableHash(b.ws.sqlite, table, order), table).toBe(tableHash(a.ws.sqlite, table, order));
    }
    expect(tableHash(c.ws.sqlite, 'activity')).not.toBe(tableHash(a.ws.sqlite, 'activity'));
    expect(tableHash(c.ws.sqlite, 'identity')).not.toBe(tableHash(a.ws.sqlite, 'identity'));
  });

  it('keeps rollups, first/last seen, local days and foreign keys consistent', async () => {
    const { ws } = await demo(3);
    const sqlite = ws.sqlite;
    expect(storedRollups(sqlite)).toEqual(rollupsFromScratch(sqlite));
    // Each day's points are filled with the load, under the workspace's rules.
    const rules = readMemberRules(sqlite).points;
    expect(pointsAreCurrent(sqlite, rules)).toBe(true);
    for (const day of sqlite.prepare<[], Record<string, number>>('SELECT * FROM member_daily').all()) {
      expect(day.points).toBe(pointsForDay(Object.fromEntries(activityKinds.map((k) => [k, day[`k_${k}`] ?? 0])), rules));
    }

    const seen = sqlite
      .prepare(
        `SELECT m.id FROM member m JOIN (SELECT member_id, min(ts) AS lo, max(ts) AS hi FROM activity GROUP BY member_id) a ON a.member_id = m.id
         WHERE m.first_seen IS NOT a.lo OR m.last_seen IS NOT a.hi`,
      )
      .all();
    expect(seen).toEqual([]);
    expect(sqlite.prepare('SELECT id FROM member WHERE id NOT IN (SELECT member_id FROM activity)').all()).toEqual([]);

    const dayOf = dayResolver('Asia/Shanghai');
    for (const table of ['activity', 'order', 'survey_response']) {
      const rows = sqlite.prepare<[], { ts: number; day: number }>(`SELECT ts, day FROM "${table}"`).all();
      expect(
        rows.filter((r) => dayOf(r.ts) !== r.day),
        table,
      ).toEqual([]);
    }

    // Orders and surveys fall inside the member's seen range, as an import would also count them.
    expect(
      sqlite
        .prepare(
          `SELECT o.id FROM "order" o JOIN member m ON m.id = o.member_id WHERE o.ts < m.first_seen OR o.ts > m.last_seen
           UNION ALL SELECT s.id FROM survey_response s JOIN member m ON m.id = s.member_id WHERE s.ts < m.first_seen OR s.ts > m.last_seen`,
        )
        .all(),
    ).toEqual([]);

    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // The indexes dropped for the bulk load are all back.
    const indexes = sqlite
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL")
      .all();
    expect(indexes.map((i) => i.name)).toEqual(
      expect.arrayContaining(['activity_ts', 'activity_member_ts', 'member_daily_day', 'identity_member']),
    );
  });

  it('reports progress up to the total', async () => {
    const ws = createWorkspaceFile(path.join(tempDir(), 'progress.hearth'));
    open.push(ws);
    const calls: [number, number][] = [];
    generateDemo(ws, { members: 1200, seed: 1, now: NOW, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.at(-1)).toEqual([1200, 1200]);
    expect(calls.every(([done, total], i) => total === 1200 && done >= (calls[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('refuses a workspace that already has data, and bad options, leaving the workspace unchanged', async () => {
    const { ws } = await demo(5, 20);
    const before = tableHash(ws.sqlite, 'activity');
    expect(() => generateDemo(ws, { members: 20, seed: 5, now: NOW })).toThrow(HearthError);
    expect(tableHash(ws.sqlite, 'activity')).toBe(before);

    const empty = createWorkspaceFile(path.join(tempDir(), 'empty.hearth'));
    open.push(empty);
    for (const bad of [{ members: -1 }, { members: 1.5 }, { seed: Number.NaN }, { now: 0 }]) {
      expect(() => generateDemo(empty, { members: 10, seed: 1, now: NOW, ...bad })).toThrow(HearthError);
    }
    expect((await countRows(empty.db)).member).toBe(0);
  });

  it('generates zero members: just the content plan and the incident', async () => {
    const { summary } = await demo(1, 0);
    expect(summary).toMatchObject({ member: 0, activity: 0, order: 0, incident: 1 });
    expect(summary.content_item).toBeGreaterThan(0);
  });
});
