import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/services';
import type { KpiDashboard, MetricId } from '../../shared/kpi';
import { fitLine } from '../../shared/kpi/goals';
import { isoToDay } from '../../shared/kpi/period';
import { defaultKpiSettings } from '../../shared/kpi/settings';
import { call, testServices } from '../support/services';

// The clock: 2026-11-24 16:00 in Shanghai. Periods are given explicitly below.
let services: Services & { dir: string };
beforeEach(() => {
  services = testServices(Date.UTC(2026, 10, 24, 8));
});
afterEach(async () => {
  await services.dispose();
});

function write(name: string, lines: string[]): string {
  const file = path.join(services.dir, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * Five members in Shanghai. Times are local unless they carry an offset.
 * - a: joins 06-01, active 09-15, 10-05 (message), 10-06 (reply); paid orders 09-10 and 10-07.
 * - c: joins 07-01, last active 08-05: 60 days silent on 10-04, so churned in October.
 * - b: joins 10-02 (message), 10-10 (UGC post + reaction), 10-28 (reply); two paid orders on 10-03.
 * - d: joins 10-20 (a brand post), 10-21 (referral); a cancelled order.
 * - e: one message at 23:30 UTC on 30 September, which is 1 October in Shanghai.
 */
async function community(): Promise<void> {
  await call(services, 'workspace/create', { name: 'KPI', timeZone: 'Asia/Shanghai' });
  const activity = write('activity.csv', [
    'user_id,name,date,kind,text',
    'a,Ann,2026-06-01 10:00,message,hi',
    'a,Ann,2026-09-15 10:00,message,back',
    'a,Ann,2026-10-05 10:00,message,coffee',
    'a,Ann,2026-10-06 10:00,reply,yes',
    'c,Cai,2026-07-01 10:00,message,hello',
    'c,Cai,2026-08-05 10:00,message,bye',
    'b,Bo,2026-10-02 10:00,message,new here',
    'b,Bo,2026-10-10 10:00,ugc_post,my latte art',
    'b,Bo,2026-10-10 11:00,reaction,',
    'b,Bo,2026-10-28 10:00,reply,thanks',
    'd,Dan,2026-10-20 10:00,post,new beans',
    'd,Dan,2026-10-21 10:00,referral,',
    'e,Eve,2026-09-30T23:30:00+00:00,message,late night',
  ]);
  const map = { member: 'user_id', name: 'name', date: 'date', kind: 'kind', text: 'text' };
  // One source for every file, so the same user_id is the same member across files.
  expect((await call(services, 'import/run', { path: activity, format: 'csv', map, source: 'table' })).activities.added).toBe(13);
  const orders = write('orders.csv', [
    'order_id,user_id,date,amount,status',
    'o1,a,2026-09-10 12:00,100,paid',
    'o2,a,2026-10-07 12:00,200,paid',
    'o3,b,2026-10-03 12:00,50,paid',
    'o4,b,2026-10-03 15:00,70,paid',
    'o5,d,2026-10-22 12:00,80,cancelled',
  ]);
  const orderMap = { order: 'order_id', member: 'user_id', date: 'date', amount: 'amount', status: 'status' };
  expect((await call(services, 'import/run', { path: orders, format: 'orders-csv', map: orderMap, source: 'table' })).orders.added).toBe(5);
  const surveys = write('survey.csv', [
    'user_id,date,score',
    'a,2026-10-08 09:00,10',
    'b,2026-10-12 09:00,9',
    'd,2026-10-25 09:00,3',
    'e,2026-09-30T23:30:00+00:00,0',
  ]);
  const surveyMap = { member: 'user_id', date: 'date', score: 'score' };
  expect((await call(services, 'import/run', { path: surveys, format: 'survey-csv', map: surveyMap, source: 'table' })).surveys.added).toBe(4);
  expect((await call(services, 'workspace/info', {})).counts.member).toBe(5);
}

function byId(dashboard: KpiDashboard): Map<MetricId, KpiDashboard['metrics'][number]> {
  return new Map(dashboard.metrics.map((m) => [m.id, m]));
}

describe('kpi/dashboard', () => {
  it('computes every metric as defined, against a hand count', async () => {
    await community();
    const dashboard = await call(services, 'kpi/dashboard', { from: '2026-10-01', to: '2026-10-30' });
    expect(dashboard.period).toEqual({ from: '2026-10-01', to: '2026-10-30' });
    expect(dashboard.previousPeriod).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    const m = byId(dashboard);
    const value = (id: MetricId): number | null => m.get(id)?.value ?? null;
    const previous = (id: MetricId): number | null => m.get(id)?.previous ?? null;

    // Scale: a and c before October; b, d and e join in it; c crosses 60 silent days on 10-04.
    expect([value('members_total'), value('members_new'), value('members_churned'), value('net_growth')]).toEqual([5, 3, 1, 2]);
    expect(value('growth_rate')).toBe(1);
    expect([previous('members_total'), previous('members_new'), previous('members_churned'), previous('growth_rate')]).toEqual([2, 0, 0, 0]);

    // Activity: 8 member-days in October (a 2, b 3, d 2, e 1); MAU a, b, d, e; WAU b (10-28).
    expect(value('dau')).toBeCloseTo(8 / 30, 10);
    expect(value('wau')).toBe(1);
    expect(value('mau')).toBe(4);
    expect(value('stickiness')).toBeCloseTo(8 / 30 / 4, 10);
    expect(value('active_ratio')).toBe(0.8);
    expect(m.get('active_ratio')?.status).toBe('yellow'); // exactly 10 points outside: not orange
    expect([previous('dau'), previous('mau')]).toEqual([1 / 30, 1]);
    expect(m.get('dau')?.delta).toBeCloseTo(7 / 30, 10);

    // Per active member (4): messages 3 + post 1 + UGC 1; replies 2; reactions 1; referral 1.
    expect(value('posts_per_active')).toBe(5 / 4);
    expect(value('replies_per_active')).toBe(2 / 4);
    expect(value('reactions_per_active')).toBe(1 / 4);
    expect(value('member_initiated_share')).toBeCloseTo(5 / 7, 10);
    expect(value('ugc_share')).toBe(0.5);
    expect(value('k_factor')).toBe(0.25);
    expect(m.get('k_factor')?.status).toBe('yellow');

    // Retention as of 10-30 (see the cohorts below): D1 4/5, D7 3/5, D30 2/2, D90 1/2.
    expect([value('retention_d1'), value('retention_d7'), value('retention_d30'), value('retention_d90')]).toEqual([0.8, 0.6, 1, 0.5]);
    expect([previous('retention_d1'), previous('retention_d30'), previous('retention_d90')]).toEqual([1, 1, 0.5]);
    expect(dashboard.series.cohorts.filter((c) => c.size > 0)).toEqual([
      { cohort: '2026-06', size: 1, d1: 1, d7: 1, d30: 1, d90: 1 },
      { cohort: '2026-07', size: 1, d1: 1, d7: 1, d30: 1, d90: 0 },
      { cohort: '2026-10', size: 3, d1: 2 / 3, d7: 1 / 3, d30: null, d90: null },
    ]);
    expect(dashboard.series.cohorts).toHaveLength(12);

    // Value: buyers a and b, a on two days; October's paid orders 200 + 50 + 70.
    expect(value('repeat_purchase_rate')).toBe(0.5);
    expect(value('buyer_conversion')).toBe(0.4);
    expect(value('aov')).toBeCloseTo(320 / 3, 10);
    expect([previous('repeat_purchase_rate'), previous('buyer_conversion'), previous('aov')]).toEqual([0, 0.5, 100]);
    // NPS: 10, 9, 3 and e's 0 (answered on 1 October local time): (2 − 2) / 4.
    expect(value('nps')).toBe(0);
    expect(m.get('nps')?.status).toBe('green');
    expect(m.get('nps')?.missing).toBeNull();
    expect(previous('nps')).toBeNull();

    // Current member scores: no comparison.
    const sqlite = services.ctx.session.workspace.sqlite;
    const koc = sqlite
      .prepare<[], { koc: number; n: number }>(`SELECT total(is_koc) AS koc, count(*) AS n FROM member_score WHERE circle IN ('core', 'active')`)
      .get();
    expect(value('koc_share')).toBe(koc && koc.n > 0 ? koc.koc / koc.n : null);
    expect(previous('koc_share')).toBeNull();

    // Series.
    expect(dashboard.series.growth.slice(-2)).toEqual([
      { month: '2026-09', members: 2, new: 0, churned: 0 },
      { month: '2026-10', members: 5, new: 3, churned: 1 },
    ]);
    expect(dashboard.series.activity).toHaveLength(30);
    expect(dashboard.series.activity[0]).toEqual({ day: '2026-10-01', dau: 1, mau: 2, stickiness: 0.5 });
    expect(dashboard.series.nps.at(-1)).toEqual({ month: '2026-10', nps: 0, responses: 4 });
    expect(dashboard.series.contentMix[0]).toEqual({ kind: 'message', events: 3 });
    expect(dashboard.series.kFactor.at(-1)).toEqual({ month: '2026-10', k: 1 / 4 });
    // Scale per source: one source here; October's activity events a 2, b 4, d 2, e 1.
    expect(dashboard.series.bySource).toEqual([{ source: 'table', members: 5, new: 3 }]);
    expect(dashboard.series.byChannel).toEqual([{ source: 'table', channel: '', events: 9 }]);

    // Scorecard: members = 0.4·50 (80% is 10 points outside the band) + 0.35·100 + 0.25·100.
    expect(dashboard.scorecard.dimensions[0]).toMatchObject({ id: 'members', score: 80 });
    expect(dashboard.scorecard.dimensions[1]).toMatchObject({ id: 'business', score: 76.2 });
    expect(dashboard.overall).toBe('yellow');
    expect(dashboard.computedMs).toBeGreaterThanOrEqual(0);
  });

  it('uses local days for period boundaries and explains a period without surveys', async () => {
    await community();
    // e's 23:30 UTC message on 30 September is on 1 October in Shanghai: not a September member.
    const september = byId(await call(services, 'kpi/dashboard', { from: '2026-09-01', to: '2026-09-30', language: 'zh-CN' }));
    expect(september.get('members_total')?.value).toBe(2);
    // The workspace has survey answers, just none in September.
    expect(september.get('nps')).toMatchObject({ value: null, missing: 'no_surveys_in_period', status: null });
    expect(september.get('aov')).toMatchObject({ value: 100, missing: null });
    expect(september.get('nps')?.definition).toMatch(/净推荐值/);
    const first = byId(await call(services, 'kpi/dashboard', { from: '2026-10-01', to: '2026-10-01' }));
    expect(first.get('members_new')?.value).toBe(1);
    expect(first.get('dau')?.value).toBe(1);
  });

  it('defaults to the 30 days ending today and refreshes after another import', async () => {
    await call(services, 'workspace/create', { name: 'Empty', timeZone: 'Asia/Shanghai' });
    const empty = await call(services, 'kpi/dashboard', {});
    expect(empty.empty).toBe(true);
    expect(empty.goals).toEqual([]);
    expect(empty.period).toEqual({ from: '2026-10-26', to: '2026-11-24' });
    const m = byId(empty);
    expect(m.get('members_total')).toMatchObject({ value: null, missing: 'no_members' });
    expect(m.get('dau')).toMatchObject({ value: null, missing: 'no_activity' });
    expect(m.get('aov')).toMatchObject({ value: null, missing: 'no_orders' });
    expect(m.get('k_factor')).toMatchObject({ value: null, missing: 'no_referrals' });
    expect(m.get('retention_d1')).toMatchObject({ value: null, missing: 'no_cohort' });
    expect(empty.scorecard.score).toBeNull();

    const file = write('later.csv', ['user_id,name,date,kind,text', 'z,Zoe,2026-11-20 10:00,message,hi']);
    await call(services, 'import/run', { path: file, format: 'csv', map: { member: 'user_id', name: 'name', date: 'date', kind: 'kind', text: 'text' } });
    const afterBoard = await call(services, 'kpi/dashboard', {});
    expect(afterBoard.empty).toBe(false);
    const after = byId(afterBoard);
    expect(after.get('members_total')?.value).toBe(1);
    expect(after.get('mau')?.value).toBe(1);
    // Activity now exists, orders and surveys still do not.
    expect(after.get('aov')).toMatchObject({ value: null, missing: 'no_orders' });
    expect(after.get('nps')).toMatchObject({ value: null, missing: 'no_surveys' });
    const quiet = byId(await call(services, 'kpi/dashboard', { from: '2026-01-01', to: '2026-01-30' }));
    expect(quiet.get('members_total')).toMatchObject({ value: null, missing: 'no_members' });
    expect(quiet.get('posts_per_active')).toMatchObject({ value: null, missing: 'no_activity_in_period' });
  });

  it('refuses a period that runs backwards', async () => {
    await call(services, 'workspace/create', { name: 'Empty', timeZone: 'Asia/Shanghai' });
    await expect(call(services, 'kpi/dashboard', { from: '2026-10-30', to: '2026-10-01' })).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

describe('kpi/goals', () => {
  it('saves, lists with a forecast, updates and deletes goals', async () => {
    await community();
    // Set on 2026-11-24 with 5 members: due six months on, the trend from June to now is read there.
    const goal = await call(services, 'kpi/goals/save', { metric: 'members_total', target: 9, horizon: 'short' });
    expect(goal).toMatchObject({ metric: 'members_total', target: 9, horizon: 'short', dueDay: '2027-05-24', baseline: 5, baselineDay: '2026-11-24' });

    const board = await call(services, 'kpi/dashboard', {});
    const [shown] = board.goals;
    // Members at the end of June … October, and on 24 November (the period end).
    const history = [
      ['2026-06-30', 1],
      ['2026-07-31', 2],
      ['2026-08-31', 2],
      ['2026-09-30', 2],
      ['2026-10-31', 5],
      ['2026-11-24', 5],
    ].map(([day, value]) => ({ day: isoToDay(String(day)), value: Number(value) }));
    const line = fitLine(history);
    const expected = (line?.intercept ?? 0) + (line?.slope ?? 0) * isoToDay('2027-05-24');
    expect(expected).toBeCloseTo(9.84, 2); // by hand: slope ≈ 0.0278 a day, 252 days past the points' mean day
    expect(shown).toMatchObject({ id: goal.id, current: 5, progress: 0, status: 'on_track' });
    expect(shown?.forecast).toBeCloseTo(expected, 9);

    // A higher target is out of the trend's reach; the baseline stays where it was.
    await call(services, 'kpi/goals/save', { id: goal.id, metric: 'members_total', target: 12, horizon: 'short' });
    expect((await call(services, 'kpi/dashboard', {})).goals[0]).toMatchObject({ target: 12, status: 'behind', baseline: 5 });

    // Lower is better: churned members, achieved at 0 in the last 30 days.
    const churn = await call(services, 'kpi/goals/save', { metric: 'members_churned', target: 0, horizon: 'mid', dueDay: '2027-03-01' });
    expect(churn).toMatchObject({ dueDay: '2027-03-01', baseline: 0 });
    const both = await call(services, 'kpi/dashboard', {});
    expect(both.goals.map((g) => [g.metric, g.status])).toEqual([
      ['members_churned', 'achieved'],
      ['members_total', 'behind'],
    ]);

    await call(services, 'kpi/goals/delete', { id: goal.id });
    expect((await call(services, 'kpi/dashboard', {})).goals.map((g) => g.id)).toEqual([churn.id]);
    await expect(call(services, 'kpi/goals/delete', { id: goal.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(services, 'kpi/goals/save', { id: 999, metric: 'mau', target: 1, horizon: 'short' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(services, 'kpi/goals/save', { metric: 'mau', target: 1, horizon: 'short', dueDay: '2026-11-24' })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(call(services, 'kpi/goals/save', { metric: 'mau', target: 1, horizon: 'short', dueDay: '2027-02-30' })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });
});

describe('kpi/settings', () => {
  it('starts at the seeds, and an edited rule changes a colour and the scorecard', async () => {
    await community();
    expect(await call(services, 'kpi/settings/get', {})).toEqual(defaultKpiSettings);
    const october = { from: '2026-10-01', to: '2026-10-30' };
    const before = await call(services, 'kpi/dashboard', october);
    expect(byId(before).get('active_ratio')).toMatchObject({ value: 0.8, status: 'yellow' });
    expect(byId(before).get('k_factor')?.status).toBe('yellow');

    const settings = {
      health: { ...defaultKpiSettings.health, activeBand: { low: 0.7, high: 0.9 }, kFactorMin: 0.25 },
      weights: { ...defaultKpiSettings.weights, members: { active_ratio: 0.5, retention_d30: 0.25, growth_rate: 0.25 } },
    };
    expect(await call(services, 'kpi/settings/set', settings)).toEqual(settings);
    const after = await call(services, 'kpi/dashboard', october);
    expect(byId(after).get('active_ratio')).toMatchObject({ value: 0.8, status: 'green', statusReason: null });
    expect(byId(after).get('k_factor')?.status).toBe('green');
    // 80% is inside the new band: 0.5·100 + 0.25·100 + 0.25·100.
    expect(after.scorecard.dimensions[0]).toMatchObject({ id: 'members', score: 100 });
    expect(after.scorecard.dimensions[0]?.indicators[0]).toMatchObject({ metric: 'active_ratio', weight: 0.5 });
    expect(await call(services, 'kpi/settings/get', {})).toEqual(settings);

    await expect(
      call(services, 'kpi/settings/set', { ...settings, weights: { ...settings.weights, brand: { nps: 0.5, ugc_share: 0.5, koc_share: 0.5 } } }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

describe('members by join month', () => {
  it('counts a cohort as the dashboard does, in local days', async () => {
    await community();
    const board = await call(services, 'kpi/dashboard', { from: '2026-10-01', to: '2026-10-31' });
    const october = board.series.cohorts.find((c) => c.cohort === '2026-10');
    expect(october?.size).toBe(3);
    // b, d and e: e's 23:30 UTC on 30 September is 1 October in Shanghai.
    const filter = { joinedFrom: '2026-10-01', joinedTo: '2026-11-01' };
    expect((await call(services, 'members/count', { filter })).count).toBe(3);
    const rows = (await call(services, 'members/grid', { filter, sort: [{ colId: 'name', sort: 'asc' }], start: 0, limit: 10 })).rows;
    expect(rows.map((r) => r.name)).toEqual(['Bo', 'Dan', 'Eve']);
    expect((await call(services, 'members/count', { filter: { joinedFrom: '2026-09-01', joinedTo: '2026-10-01' } })).count).toBe(0);
    expect((await call(services, 'members/count', { filter: { joinedTo: '2026-07-01' } })).count).toBe(1);
    await expect(call(services, 'members/count', { filter: { joinedFrom: '2026-13-01' } })).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

describe('tier moves per month', () => {
  it('counts a promotion from a points grant against the members who had a tier at the month start', async () => {
    // A clock that moves: the import (and its first tiers) on 30 October, the grant on 24 November.
    await services.dispose();
    let clock = Date.UTC(2026, 9, 30, 8);
    const dir = services.dir;
    services = Object.assign(
      createServices({ homeDir: path.join(dir, 'home-moves'), workspacesDir: path.join(dir, 'workspaces-moves'), now: () => clock }),
      { dir },
    );
    await community();
    clock = Date.UTC(2026, 10, 24, 8);
    const rows = (await call(services, 'members/grid', { start: 0, limit: 10, sort: [{ colId: 'name', sort: 'asc' }] })).rows;
    const ann = rows.find((r) => r.name === 'Ann')!;
    expect(ann.tier).toBe('newcomer');
    const result = await call(services, 'members/points/adjust', { target: { ids: [ann.id] }, kind: 'grant', points: 100, reason: 'volunteer' });
    expect(result).toMatchObject({ members: 1, promoted: 1 });

    const board = await call(services, 'kpi/dashboard', { from: '2026-11-01', to: '2026-11-24' });
    expect(board.series.tierMoves).toHaveLength(12);
    // October: all five got their first tier on 10-30, so nobody had one on 1 October.
    expect(board.series.tierMoves.at(-2)).toEqual({ month: '2026-10', promoted: 0, demoted: 0, promotedRate: null, demotedRate: null });
    // November: Ann's promotion ÷ the five members tiered before 1 November.
    expect(board.series.tierMoves.at(-1)).toEqual({ month: '2026-11', promoted: 1, demoted: 0, promotedRate: 1 / 5, demotedRate: 0 });
  });
});

describe('scale per source and channel', () => {
  it('counts members by their first identity’s source and events by channel', async () => {
    await community();
    const wecom = write('wecom.csv', [
      'user_id,name,date,kind,channel',
      'f,Fay,2026-10-03 10:00,message,咖啡群',
      'f,Fay,2026-10-04 10:00,message,咖啡群',
      'g,Gus,2026-10-05 10:00,message,新品群',
    ]);
    const map = { member: 'user_id', name: 'name', date: 'date', kind: 'kind', channel: 'channel' };
    expect((await call(services, 'import/run', { path: wecom, format: 'csv', map, source: 'wecom' })).activities.added).toBe(3);
    const october = { from: '2026-10-01', to: '2026-10-30' };
    const board = await call(services, 'kpi/dashboard', october);
    expect(board.series.bySource).toEqual([
      { source: 'table', members: 5, new: 3 },
      { source: 'wecom', members: 2, new: 2 },
    ]);
    expect(board.series.byChannel).toEqual([
      { source: 'table', channel: '', events: 9 },
      { source: 'wecom', channel: '咖啡群', events: 2 },
      { source: 'wecom', channel: '新品群', events: 1 },
    ]);
    // Fay merged into Ann: Ann's first identity is the table one, so WeCom keeps only Gus.
    const rows = (await call(services, 'members/grid', { start: 0, limit: 10, sort: [{ colId: 'name', sort: 'asc' }] })).rows;
    const id = (name: string): number => rows.find((r) => r.name === name)!.id;
    await call(services, 'members/merge', { intoId: id('Ann'), fromId: id('Fay') });
    const merged = await call(services, 'kpi/dashboard', october);
    expect(merged.series.bySource).toEqual([
      { source: 'table', members: 5, new: 3 },
      { source: 'wecom', members: 1, new: 1 },
    ]);
  });
});
