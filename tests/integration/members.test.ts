import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pointsExpression } from '../../db/queries/rollups';
import type { Services } from '../../electron/services';
import { activityKinds, type ActivityKind } from '../../shared/import';
import { pointsForDay } from '../../shared/members/points';
import { defaultMemberRules, type MemberRules } from '../../shared/members/rules';
import { sortKey } from '../../shared/sort-key';
import { call, testServices } from '../support/services';

// The clock: 2026-11-24 16:00 in Shanghai.
let services: Services & { dir: string };
beforeEach(() => {
  services = testServices(Date.UTC(2026, 10, 24, 8));
});
afterEach(async () => {
  await services.dispose();
});

function rows(member: string, name: string, kind: ActivityKind, dates: string[]): string[] {
  return dates.map((date, i) => `${member},${name},${date} 10:${String(i % 60).padStart(2, '0')},${kind},${kind} ${i}`);
}

/** A small community with known points under the default rules. */
async function community(): Promise<void> {
  await call(services, 'workspace/create', { name: 'Points', timeZone: 'Asia/Shanghai' });
  const lines = [
    'user_id,name,date,kind,text',
    // 25 messages in one day earn the message cap (20); 3 replies 6; two check-ins the check-in cap (1): 27.
    ...rows('u1', '王小明', 'message', Array.from({ length: 25 }, () => '2026-11-20')),
    ...rows('u1', '王小明', 'reply', ['2026-11-21', '2026-11-21', '2026-11-21']),
    ...rows('u1', '王小明', 'checkin', ['2026-11-22', '2026-11-22']),
    // Ten UGC posts on ten days: 50, the "active" threshold.
    ...rows('u2', 'Emma Chen', 'ugc_post', Array.from({ length: 10 }, (_, i) => `2026-11-${String(10 + i).padStart(2, '0')}`)),
    // One message 18 months ago: expired after 12 months without activity.
    ...rows('u3', '=HYPERLINK("x")', 'message', ['2025-05-01']),
    // A referral: 20.
    ...rows('u4', '李雷', 'referral', ['2026-10-01']),
  ];
  const file = path.join(services.dir, 'community.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const result = await call(services, 'import/run', {
    path: file,
    format: 'csv',
    map: { member: 'user_id', name: 'name', date: 'date', kind: 'kind', text: 'text' },
  });
  expect(result.activities.added).toBe(lines.length - 1);
}

async function byName(): Promise<Map<string, Awaited<ReturnType<typeof call<'members/grid'>>>['rows'][number]>> {
  const { rows: all } = await call(services, 'members/grid', { start: 0, limit: 100 });
  return new Map(all.map((r) => [r.name, r]));
}

describe('members: points, tiers and the grid', () => {
  it('scores after an import: points with daily caps, tiers, expiry, and a ledger that sums to the balance', async () => {
    await community();
    const members = await byName();
    expect(members.get('王小明')).toMatchObject({ points: 27, pointsWindow: 27, tier: 'newcomer' });
    expect(members.get('Emma Chen')).toMatchObject({ points: 50, tier: 'active' });
    expect(members.get('李雷')).toMatchObject({ points: 20, tier: 'newcomer' });
    expect(members.get('=HYPERLINK("x")')).toMatchObject({ points: 0, pointsWindow: 0, lifecycle: 'dormant' });

    for (const row of members.values()) {
      const detail = await call(services, 'members/detail', { id: row.id });
      expect(detail.ledger.balance).toBe(row.points);
      expect(detail.ledger.entries.reduce((sum, e) => sum + e.points, 0)).toBe(row.points);
    }
    const old = await call(services, 'members/detail', { id: members.get('=HYPERLINK("x")')!.id });
    expect(old.ledger.entries.map((e) => [e.kind, e.points])).toEqual([
      ['expire', -1],
      ['earned', 1],
    ]);
    const wang = await call(services, 'members/detail', { id: members.get('王小明')!.id });
    expect(wang.ledger.entries.find((e) => e.kind === 'earned' && e.points === 20)?.counts).toEqual({ message: 25 });
  });

  it('grants points, promotes at once with a history entry, and explains the new tier', async () => {
    await community();
    const wang = (await byName()).get('王小明')!;
    const result = await call(services, 'members/points/adjust', { target: { ids: [wang.id] }, kind: 'grant', points: 30, reason: '活动志愿者' });
    expect(result).toEqual({ members: 1, promoted: 1 });
    const after = (await byName()).get('王小明')!;
    expect(after).toMatchObject({ points: 57, pointsWindow: 57, tier: 'active' });
    const detail = await call(services, 'members/detail', { id: wang.id });
    expect(detail.tierHistory[0]).toMatchObject({ from: 'newcomer', to: 'active', change: 'promoted' });
    expect(detail.explanations[0]).toMatchObject({ key: 'tier.kept', params: { tier: 'active', earned: 57, threshold: 50 } });
    expect(detail.ledger.entries[0]).toMatchObject({ kind: 'grant', points: 30, reason: '活动志愿者' });

    // Redeeming spends the balance but not what was earned: the tier stays.
    await call(services, 'members/points/adjust', { target: { ids: [wang.id] }, kind: 'redeem', points: 40, reason: '兑换咖啡豆' });
    expect((await byName()).get('王小明')).toMatchObject({ points: 17, pointsWindow: 57, tier: 'active' });
  });

  it('shows a grant made the day after the last recompute in the ledger', async () => {
    // Scores computed on the 24th; the next morning (Shanghai) a grant before any recompute.
    await services.dispose();
    let clock = Date.UTC(2026, 10, 24, 8);
    services = testServices(() => clock);
    await community();
    clock = Date.UTC(2026, 10, 25, 1);
    const wang = (await byName()).get('王小明')!;
    await call(services, 'members/points/adjust', { target: { ids: [wang.id] }, kind: 'grant', points: 30, reason: '次日补发' });
    const detail = await call(services, 'members/detail', { id: wang.id });
    expect(detail.ledger.entries[0]).toMatchObject({ kind: 'grant', points: 30, reason: '次日补发' });
    expect(detail.ledger.balance).toBe((await byName()).get('王小明')!.points);
  });

  it('sorts and filters by last seen, as member keeps it (current without a recompute), in pages that never overlap', async () => {
    await community();
    // A later import moves 李雷's last seen; the grid shows it before any recompute.
    const later = path.join(services.dir, 'later.csv');
    fs.writeFileSync(later, 'user_id,name,date,kind,text\nu4,李雷,2026-11-23 09:00,message,hi\n');
    await call(services, 'import/run', { path: later, format: 'csv', map: { member: 'user_id', name: 'name', date: 'date', kind: 'kind', text: 'text' }, score: false });
    const sort = [{ colId: 'lastSeen' as const, sort: 'desc' as const }];
    const { rows: all } = await call(services, 'members/grid', { sort, start: 0, limit: 100 });
    expect(all.map((r) => r.name)).toEqual(['李雷', '王小明', 'Emma Chen', '=HYPERLINK("x")']);
    expect(all[0]?.lastSeen).toBe(Date.UTC(2026, 10, 23, 1));
    const paged = [];
    for (let start = 0; start < all.length; start += 1) paged.push(...(await call(services, 'members/grid', { sort, start, limit: 1 })).rows);
    expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));

    // Filters on a score and on last seen, with the same sort and ascending.
    const filter = { tiers: ['newcomer'], lastSeenFrom: Date.UTC(2026, 9, 1) };
    const { rows: newcomers } = await call(services, 'members/grid', { filter, sort: [{ colId: 'lastSeen', sort: 'asc' }], start: 0, limit: 100 });
    expect(newcomers.map((r) => r.name)).toEqual(['王小明', '李雷']);
    expect(await call(services, 'members/count', { filter })).toMatchObject({ count: 2 });
  });

  it('rescores a points change in place exactly as a full recompute would', async () => {
    await community();
    const members = await byName();
    const ids = ['王小明', 'Emma Chen', '=HYPERLINK("x")'].map((name) => members.get(name)!.id);
    await call(services, 'members/points/adjust', { target: { ids }, kind: 'grant', points: 30, reason: 'x' });
    await call(services, 'members/points/adjust', { target: { ids: [ids[1]!] }, kind: 'deduct', points: 45, reason: 'spam' });
    const inPlace = await byName();
    // Rows rescored in place lose their signature, so the next recompute rewrites them.
    const unsigned = services.ctx.session.workspace.sqlite.prepare('SELECT member_id FROM member_score WHERE sig IS NULL ORDER BY member_id').pluck().all();
    expect(unsigned).toEqual([...ids].sort((x, y) => x - y));
    const ledgers = await Promise.all(ids.map((id) => call(services, 'members/detail', { id })));
    await call(services, 'members/recompute', {});
    const full = await byName();
    for (const [name, row] of full) expect(inPlace.get(name), name).toEqual(row);
    expect(full.get('王小明')).toMatchObject({ points: 57, tier: 'active' });
    // Emma: 50 earned + 30 − 45 = 35 in the window, below active (50) but demotion waits for the review.
    expect(full.get('Emma Chen')).toMatchObject({ points: 35, pointsWindow: 35, tier: 'active' });
    for (const detail of ledgers) expect(detail.ledger.entries.reduce((sum, e) => sum + e.points, 0)).toBe(detail.ledger.balance);
  });

  it('sorts, filters and searches in SQLite, Chinese and Latin alike', async () => {
    await community();
    const page = await call(services, 'members/grid', { start: 0, limit: 10, sort: [{ colId: 'points', sort: 'desc' }] });
    expect(page.rows.map((r) => r.points)).toEqual([50, 27, 20, 0]);
    const byNameAsc = await call(services, 'members/grid', { start: 0, limit: 10, sort: [{ colId: 'name', sort: 'asc' }] });
    // Pinyin order: Emma, 李雷 (li), 王小明 (wang); the formula-looking name sorts first.
    expect(byNameAsc.rows.map((r) => r.name)).toEqual(['=HYPERLINK("x")', 'Emma Chen', '李雷', '王小明']);
    const quick = async (q: string): Promise<string[]> =>
      (await call(services, 'members/grid', { start: 0, limit: 10, filter: { quick: q } })).rows.map((r) => r.name);
    expect(await quick('小明')).toEqual(['王小明']);
    expect(await quick('EMMA')).toEqual(['Emma Chen']);
    expect(await quick('%')).toEqual([]);
    expect((await call(services, 'members/count', { filter: { tiers: ['newcomer'] } })).count).toBe(3);
    expect((await call(services, 'members/count', { filter: { numbers: [{ column: 'points', op: 'between', value: 20, to: 30 }] } })).count).toBe(2);
    const second = await call(services, 'members/grid', { start: 2, limit: 2, sort: [{ colId: 'points', sort: 'desc' }] });
    expect(second.rows.map((r) => r.points)).toEqual([20, 0]);

    const overview = await call(services, 'members/overview', {});
    expect(overview.tiers.map((t) => [t.id, t.count])).toEqual([
      ['newcomer', 3],
      ['active', 1],
      ['core', 0],
      ['ambassador', 0],
    ]);
    expect(overview.members).toBe(4);
    expect(overview.computedAt).toBe(Date.UTC(2026, 10, 24, 8));
  });

  it('tags in bulk over a filter and exports CSV with a BOM and formulas escaped', async () => {
    await community();
    const tagged = await call(services, 'members/tags/update', { target: { filter: { tiers: ['newcomer'] } }, tag: '种子用户', action: 'add' });
    expect(tagged.members).toBe(3);
    expect((await call(services, 'members/count', { filter: { tag: '种子用户' } })).count).toBe(3);
    const exported = await call(services, 'members/export', {
      filter: { tag: '种子用户' },
      sort: [{ colId: 'points', sort: 'desc' }],
      columns: ['name', 'tier', 'points', 'tags'],
      language: 'zh-CN',
    });
    expect(exported.rows).toBe(3);
    expect(path.dirname(exported.path)).toBe(path.join(services.dir, 'workspaces', 'Exports'));
    const text = fs.readFileSync(exported.path, 'utf8');
    expect(text.startsWith('\uFEFF姓名,等级,积分,标签\r\n')).toBe(true);
    expect(text).toContain('王小明,新手,27,种子用户');
    expect(text).toContain(`"'=HYPERLINK(""x"")",新手,0,种子用户`);
    expect(fs.existsSync(`${exported.path}.partial`)).toBe(false);
  });

  it('keeps a merged member’s points with the person, and gives them back on unmerge', async () => {
    await community();
    const members = await byName();
    const into = members.get('李雷')!.id;
    const from = members.get('王小明')!.id;
    await call(services, 'members/points/adjust', { target: { ids: [from] }, kind: 'grant', points: 5, reason: 'x' });
    const { mergeId } = await call(services, 'members/merge', { intoId: into, fromId: from });
    await call(services, 'members/recompute', {});
    expect((await byName()).get('李雷')).toMatchObject({ points: 20 + 27 + 5 });
    expect((await byName()).has('王小明')).toBe(false);
    await call(services, 'members/unmerge', { mergeId });
    await call(services, 'members/recompute', {});
    expect((await byName()).get('王小明')).toMatchObject({ points: 32 });
    expect((await byName()).get('李雷')).toMatchObject({ points: 20 });
  });

  it('can import without rescoring (bulk runs), leaving scores to one recompute', async () => {
    await call(services, 'workspace/create', { name: 'Bulk', timeZone: 'Asia/Shanghai' });
    const file = path.join(services.dir, 'bulk.csv');
    fs.writeFileSync(file, ['user_id,name,date,kind,text', ...rows('u1', '王小明', 'message', ['2026-11-20', '2026-11-21'])].join('\n'));
    await call(services, 'import/run', { path: file, format: 'csv', map: { member: 'user_id', name: 'name', date: 'date', kind: 'kind', text: 'text' }, score: false });
    expect((await call(services, 'members/overview', {})).computedAt).toBeNull();
    expect((await call(services, 'members/count', {})).count).toBe(0);
    // Sort keys come with the member (a million of them took a first recompute 12 s); one
    // missing (a member from an older version) is filled by the recompute.
    const sqlite = services.ctx.session.workspace.sqlite;
    const keys = (): unknown[] => sqlite.prepare('SELECT m.sort_key AS member, l.sort_key AS label FROM member m JOIN member_label l ON l.member_id = m.id').all();
    expect(keys()).toEqual([{ member: sortKey('王小明'), label: sortKey('王小明') }]);
    sqlite.exec('UPDATE member SET sort_key = NULL; UPDATE member_label SET sort_key = NULL');
    await call(services, 'members/recompute', {});
    expect(keys()).toEqual([{ member: sortKey('王小明'), label: sortKey('王小明') }]);
    expect((await byName()).get('王小明')).toMatchObject({ points: 2 });
  });

  it('keeps names searchable through import and undo without a recompute of labels', async () => {
    await community();
    const [batch] = await call(services, 'import/batches', {});
    expect((await call(services, 'members/count', { filter: { quick: '李' } })).count).toBe(1);
    await call(services, 'import/undo', { batchId: batch!.id });
    expect((await call(services, 'members/count', { filter: {} })).count).toBe(0);
    const sqlite = services.ctx.session.workspace.sqlite;
    expect(sqlite.prepare('SELECT count(*) AS n FROM member_label').get()).toEqual({ n: 0 });
  });

  it('refuses points for unknown members and rules that do not parse', async () => {
    await community();
    await expect(call(services, 'members/points/adjust', { target: { ids: [999] }, kind: 'grant', points: 5, reason: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const rules = await call(services, 'members/rules/get', {});
    await expect(
      call(services, 'members/rules/set', { ...rules, tiers: { ...rules.tiers, ladder: [...rules.tiers.ladder].reverse() } }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

describe('points in SQL match the reference', () => {
  it('agrees with pointsForDay on every member-day, under the defaults and under other rules', async () => {
    await community();
    const sqlite = services.ctx.session.workspace.sqlite;
    const other: MemberRules['points'] = {
      rules: [
        { kind: 'message', points: 3, dailyCap: 7 },
        { kind: 'reply', points: 2, dailyCap: null },
        { kind: 'ugc_post', points: 11, dailyCap: 15 },
      ],
      dailyCap: 12,
      expiry: { mode: 'none' },
    };
    // Stored points (kept at import, on days that already had activity too) match the reference.
    const more = path.join(services.dir, 'more.csv');
    fs.writeFileSync(more, ['user_id,name,date,kind,text', ...rows('u1', '王小明', 'reply', Array.from({ length: 12 }, () => '2026-11-20'))].join('\n'));
    await call(services, 'import/run', { path: more, format: 'csv', map: { member: 'user_id', name: 'name', date: 'date', kind: 'kind', text: 'text' } });
    for (const day of sqlite.prepare<[], Record<string, number>>('SELECT * FROM member_daily').all()) {
      const counts = Object.fromEntries(activityKinds.map((k) => [k, day[`k_${k}`] ?? 0]));
      expect(day.points).toBe(pointsForDay(counts, defaultMemberRules.points));
    }
    // 25 messages (cap 20) + 12 replies (24, cap 20) on one day: 40, under the daily cap of 100.
    expect((await byName()).get('王小明')?.points).toBe(27 + 20);

    for (const rules of [defaultMemberRules.points, other]) {
      const days = sqlite.prepare<[], Record<string, number>>(`SELECT *, ${pointsExpression(rules)} AS sql_points FROM member_daily`).all();
      expect(days.length).toBeGreaterThan(5);
      for (const day of days) {
        const counts = Object.fromEntries(activityKinds.map((k) => [k, day[`k_${k}`] ?? 0]));
        expect(day.sql_points).toBe(pointsForDay(counts, rules));
      }
    }
  });
});
