import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services';
import type { ContentFields } from '../../shared/calendar';
import { HearthError } from '../../shared/errors';
import { call, testServices } from '../support/services';

let services: Services & { dir: string };

const fields = (title: string, extra: Partial<ContentFields> = {}): ContentFields => ({
  title,
  body: '',
  channel: '公众号',
  owner: '王芳',
  campaign: null,
  pillar: 'basic',
  format: 'text',
  source: 'pgc',
  highValue: false,
  attachments: [],
  ...extra,
});

async function expectError(promise: Promise<unknown>, code: string): Promise<HearthError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HearthError);
    expect((error as HearthError).code).toBe(code);
    return error as HearthError;
  }
  throw new Error(`expected ${code}`);
}

beforeEach(async () => {
  // 2026-11-24 08:00 UTC = 16:00 in Shanghai.
  services = testServices();
  await call(services, 'workspace/create', { name: '咖啡社群', timeZone: 'Asia/Shanghai' });
});
afterEach(async () => {
  await services.dispose();
});

const range = (from: string, to: string) => call(services, 'calendar/range', { from, to, filter: {} });

describe('content calendar services', () => {
  it('expands a weekly series, stores a moved occurrence, and keeps the others where the rule puts them', async () => {
    const series = await call(services, 'calendar/series/create', {
      fields: fields('周二主题日'),
      timing: { start: '2026-11-03T20:00', durationMin: 60, allDay: false },
      rule: { freq: 'weekly', byWeekday: ['TU'], end: { kind: 'never' } },
    });
    expect(series.rrule).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=TU');
    let view = await range('2026-11-01', '2026-11-30');
    expect(view.items.map((i) => i.start)).toEqual([
      '2026-11-03T20:00',
      '2026-11-10T20:00',
      '2026-11-17T20:00',
      '2026-11-24T20:00',
    ]);
    expect(view.items.every((i) => i.id === null && i.seriesId === series.id)).toBe(true);

    const moved = await call(services, 'calendar/item/update', {
      ref: { seriesId: series.id, occurrence: '2026-11-17T20:00' },
      timing: { start: '2026-11-19T10:00', durationMin: 90, allDay: false },
    });
    expect(moved.id).not.toBeNull();
    expect(moved.occurrence).toBe('2026-11-17T20:00');
    view = await range('2026-11-01', '2026-11-30');
    expect(view.items.map((i) => [i.start, i.id === null])).toEqual([
      ['2026-11-03T20:00', true],
      ['2026-11-10T20:00', true],
      ['2026-11-19T10:00', false],
      ['2026-11-24T20:00', true],
    ]);
    // Moved within its week, the weekly theme day still keeps the series' promise: no gap.
    expect(view.gaps).toEqual([]);
    // Stored at the right instant: 10:00 in Shanghai is 02:00 UTC.
    const ws = services.ctx.session.workspace.sqlite;
    expect(ws.prepare('SELECT scheduled_at FROM content_item WHERE id = ?').get(moved.id)).toEqual({
      scheduled_at: Date.UTC(2026, 10, 19, 2),
    });

    // A whole-series edit reaches the occurrence's unchanged fields but not its own time.
    await call(services, 'calendar/series/update', {
      id: series.id,
      fields: { owner: 'Mia', title: '周二主题日 · 新' },
    });
    view = await range('2026-11-01', '2026-11-30');
    expect(view.items.map((i) => [i.title, i.owner, i.start])).toEqual([
      ['周二主题日 · 新', 'Mia', '2026-11-03T20:00'],
      ['周二主题日 · 新', 'Mia', '2026-11-10T20:00'],
      ['周二主题日 · 新', 'Mia', '2026-11-19T10:00'],
      ['周二主题日 · 新', 'Mia', '2026-11-24T20:00'],
    ]);

    // Deleting one occurrence skips it; deleting the series removes the plan.
    await call(services, 'calendar/item/delete', { ref: { seriesId: series.id, occurrence: '2026-11-24T20:00' } });
    view = await range('2026-11-01', '2026-11-30');
    expect(view.items.find((i) => i.occurrence === '2026-11-24T20:00')?.status).toBe('cancelled');
    // A skipped occurrence leaves the day without what the series promised.
    expect(view.gaps).toEqual([
      { seriesId: series.id, title: '周二主题日 · 新', channel: '公众号', date: '2026-11-24' },
    ]);
    await call(services, 'calendar/series/delete', { id: series.id });
    expect((await range('2026-11-01', '2026-11-30')).items).toEqual([]);
  });

  it('moves a rule change onto the new weekday and detaches occurrences the new rule has no day for', async () => {
    const series = await call(services, 'calendar/series/create', {
      fields: fields('周报'),
      timing: { start: '2026-11-02T09:00', durationMin: 30, allDay: false },
      rule: { freq: 'weekly', byWeekday: ['MO', 'TH'], end: { kind: 'count', count: 6 } },
    });
    await call(services, 'calendar/performance/set', {
      ref: { seriesId: series.id, occurrence: '2026-11-05T09:00' },
      performance: { reach: 10 },
    });
    await call(services, 'calendar/performance/set', {
      ref: { seriesId: series.id, occurrence: '2026-11-09T09:00' },
      performance: { reach: 20 },
    });
    await call(services, 'calendar/series/update', {
      id: series.id,
      timing: { start: '2026-11-02T10:00', durationMin: 30, allDay: false },
      rule: { freq: 'weekly', byWeekday: ['MO'], end: { kind: 'count', count: 3 } },
    });
    const view = await range('2026-11-01', '2026-11-30');
    expect(
      view.items.map((i) => [i.start, i.seriesId === null ? 'standalone' : 'series', i.performance.reach]),
    ).toEqual([
      ['2026-11-02T10:00', 'series', null],
      ['2026-11-05T09:00', 'standalone', 10],
      ['2026-11-09T10:00', 'series', 20],
      ['2026-11-16T10:00', 'series', null],
    ]);
  });

  it('sends an item through a three-step review; sensitive words must be acknowledged and are recorded', async () => {
    await call(services, 'lexicon/set', {
      words: [
        { word: '内幕', category: 'rumour' },
        { word: 'Scam', category: 'fraud' },
      ],
    });
    const item = await call(services, 'calendar/item/create', {
      fields: fields('新品内幕揭秘', { body: 'Not a scam, promise.' }),
      timing: { start: '2026-11-26T09:00', durationMin: 60, allDay: false },
    });
    const ref = { id: item.id as number };
    let detail = await call(services, 'calendar/detail', { ref });
    expect(detail.hits.map((h) => [h.field, h.word, h.start, h.end])).toEqual([
      ['title', '内幕', 2, 4],
      ['body', 'Scam', 6, 10],
    ]);
    expect(detail.actions).toEqual(['submit', 'cancel']);
    await expectError(
      call(services, 'calendar/review', { ref, action: 'approve', reviewer: '李雷' }),
      'review_not_allowed',
    );

    await call(services, 'calendar/review', { ref, action: 'submit', reviewer: '王芳', comment: '请审核' });
    const refused = await expectError(
      call(services, 'calendar/review', { ref, action: 'approve', reviewer: '李雷' }),
      'sensitive_unacknowledged',
    );
    expect(refused.details?.['words']).toEqual(['内幕', 'Scam']);
    detail = await call(services, 'calendar/review', {
      ref,
      action: 'approve',
      reviewer: '李雷',
      acknowledgeHits: true,
    });
    expect([detail.item.status, detail.item.reviewStep]).toEqual(['in_review', 2]);
    detail = await call(services, 'calendar/review', {
      ref,
      action: 'request_changes',
      reviewer: '韩梅梅',
      comment: '标题太夸张',
    });
    expect([detail.item.status, detail.item.reviewStep]).toEqual(['draft', 0]);

    const patched = await call(services, 'calendar/item/update', {
      ref,
      fields: { title: '新品揭秘', body: 'Launch notes.' },
    });
    // Fields the patch leaves out stay as they were.
    expect([patched.channel, patched.owner, patched.pillar]).toEqual(['公众号', '王芳', 'basic']);
    await call(services, 'calendar/review', { ref, action: 'submit', reviewer: '王芳' });
    for (const reviewer of ['李雷', '韩梅梅', '法务张'])
      await call(services, 'calendar/review', { ref, action: 'approve', reviewer });
    detail = await call(services, 'calendar/review', { ref, action: 'schedule', reviewer: '王芳' });
    expect(detail.item.status).toBe('scheduled');
    expect(detail.hits).toEqual([]);
    expect(detail.reviews.map((r) => [r.action, r.step, r.stepName, r.reviewer, r.acknowledged])).toEqual([
      ['submit', 0, null, '王芳', []],
      ['approve', 1, '社群管理员 Community admin', '李雷', ['内幕', 'Scam']],
      ['request_changes', 2, '内容委员会 Content committee', '韩梅梅', []],
      ['submit', 0, null, '王芳', []],
      ['approve', 1, '社群管理员 Community admin', '李雷', []],
      ['approve', 2, '内容委员会 Content committee', '韩梅梅', []],
      ['approve', 3, '法务 Legal', '法务张', []],
      ['schedule', 0, null, '王芳', []],
    ]);
    expect(detail.reviews.every((r) => r.at === services.ctx.now())).toBe(true);

    // Editing approved text sends it back to draft.
    const edited = await call(services, 'calendar/item/update', { ref, fields: { body: 'Launch notes, v2.' } });
    expect(edited.status).toBe('draft');
  });

  it('reports conflicts, owner overloads, the mix against targets and high-value events', async () => {
    const at = (start: string, title: string, extra: Partial<ContentFields> = {}) =>
      call(services, 'calendar/item/create', {
        fields: fields(title, extra),
        timing: { start, durationMin: 60, allDay: false },
      });
    const a = await at('2026-11-25T10:00', 'A');
    const b = await at('2026-11-25T10:30', 'B', { pillar: 'advanced' });
    await at('2026-11-25T10:30', 'C', { channel: 'Weibo', pillar: 'cocreation', format: 'video' });
    await at('2026-11-26T10:00', 'D', { highValue: true, format: 'activity', source: 'ugc' });
    await call(services, 'calendar/settings/set', {
      ...(await call(services, 'calendar/settings/get', {})),
      ownerWeeklyLoad: { default: 10, owners: { 王芳: 2 } },
    });
    const view = await range('2026-11-23', '2026-11-29');
    expect(view.conflicts).toEqual([{ channel: '公众号', keys: [a.key, b.key], start: '2026-11-25T10:00' }]);
    expect(view.overloads).toEqual([{ owner: '王芳', week: '2026-11-23', count: 4, limit: 2 }]);
    const pillar = view.mix.find((g) => g.group === 'pillar');
    expect(pillar?.parts.map((p) => [p.key, p.count, p.share, p.status])).toEqual([
      ['basic', 2, 50, 'ok'],
      ['advanced', 1, 25, 'ok'],
      ['cocreation', 1, 25, 'ok'],
    ]);
    expect(view.mix.find((g) => g.group === 'source')?.status).toBe('amber');
    expect(view.highValue).toEqual([{ quarter: '2026-Q4', target: 3, planned: 1, met: 0, minParticipants: 1000 }]);
    expect(view.options.channels).toEqual(['Weibo', '公众号']);

    const filtered = await call(services, 'calendar/range', {
      from: '2026-11-23',
      to: '2026-11-29',
      filter: { channels: ['Weibo'] },
    });
    expect(filtered.items.map((i) => i.title)).toEqual(['C']);
    expect(filtered.conflicts).toEqual([]);
  });

  it('keeps ideas in a backlog until they get a date', async () => {
    const idea = await call(services, 'calendar/item/create', { fields: fields('用户共创征集'), status: 'idea' });
    expect(idea.start).toBeNull();
    expect((await range('2026-11-01', '2026-11-30')).backlog.map((i) => i.title)).toEqual(['用户共创征集']);
    await call(services, 'calendar/item/update', {
      ref: { id: idea.id as number },
      timing: { start: '2026-11-27T09:00', durationMin: 60, allDay: false },
    });
    const view = await range('2026-11-01', '2026-11-30');
    expect(view.backlog).toEqual([]);
    expect(view.items.map((i) => [i.title, i.start])).toEqual([['用户共创征集', '2026-11-27T09:00']]);
  });

  it('exports an iCalendar file an independent parser reads back at the planned local times', async () => {
    const series = await call(services, 'calendar/series/create', {
      fields: fields('每日早报', { body: '要点；逗号, 分号; 换行\n第二行' }),
      timing: { start: '2026-11-01T08:30', durationMin: 15, allDay: false },
      rule: { freq: 'daily', end: { kind: 'until', date: '2026-11-30' } },
    });
    await call(services, 'calendar/item/delete', { ref: { seriesId: series.id, occurrence: '2026-11-10T08:30' } });
    await call(services, 'calendar/item/update', {
      ref: { seriesId: series.id, occurrence: '2026-11-11T08:30' },
      timing: { start: '2026-11-11T12:00', durationMin: 15, allDay: false },
    });
    await call(services, 'calendar/item/create', {
      fields: fields('月度共创会', { pillar: 'cocreation' }),
      timing: { start: '2026-11-28T19:00', durationMin: 120, allDay: false },
    });

    const file = path.join(services.dir, 'plan.ics');
    const written = await call(services, 'calendar/export', {
      format: 'ics',
      from: '2026-11-01',
      to: '2026-11-30',
      path: file,
    });
    expect(written).toEqual({ path: file, items: 3 });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai');
    expect(text).toMatch(/^DTSTAMP:20261124T080000Z\r$/m);

    const component = new ICAL.Component(ICAL.parse(text));
    const zone = component.getFirstSubcomponent('vtimezone');
    expect(zone).not.toBeNull();
    ICAL.TimezoneService.register(new ICAL.Timezone(zone as ICAL.Component));
    const events = component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const master = events.find((e) => e.summary === '每日早报' && !e.isRecurrenceException());
    expect(master?.description).toContain('要点；逗号, 分号; 换行\n第二行');
    expect(master?.startDate.toString()).toBe('2026-11-01T08:30:00');
    expect(master?.startDate.zone?.tzid).toBe('Asia/Shanghai');
    // 08:30 in Shanghai is 00:30 UTC.
    expect(master?.startDate.toJSDate().getTime()).toBe(Date.UTC(2026, 10, 1, 0, 30));
    if (!master) throw new Error('no master');
    for (const e of events.filter((x) => x.isRecurrenceException())) master.relateException(e);
    const starts: string[] = [];
    const it = master.iterator();
    for (let next = it.next(); next; next = it.next())
      starts.push(master.getOccurrenceDetails(next).startDate.toString());
    expect(starts).toHaveLength(29); // 30 days, the 10th skipped
    expect(starts).not.toContain('2026-11-10T08:30:00');
    expect(starts).toContain('2026-11-11T12:00:00');
    expect(starts[starts.length - 1]).toBe('2026-11-30T08:30:00');
    const single = events.find((e) => e.summary === '月度共创会');
    expect(single?.startDate.toString()).toBe('2026-11-28T19:00:00');
    expect(single?.endDate.toString()).toBe('2026-11-28T21:00:00');
  });

  it('exports CSV with a BOM and imports it back adding nothing; bad rows name the file, line and field', async () => {
    await call(services, 'calendar/series/create', {
      fields: fields('=cmd|calc'),
      timing: { start: '2026-11-02T09:00', durationMin: 60, allDay: false },
      rule: { freq: 'weekly', end: { kind: 'count', count: 2 } },
    });
    await call(services, 'calendar/item/create', {
      fields: fields('短视频', { format: 'video', channel: '小红书' }),
      timing: { start: '2026-11-05T18:00', durationMin: 30, allDay: false },
    });
    const file = path.join(services.dir, 'plan.csv');
    await call(services, 'calendar/export', {
      format: 'csv',
      from: '2026-11-01',
      to: '2026-11-30',
      language: 'zh-CN',
      path: file,
    });
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF编号,系列编号,系列场次,标题,日期,时间')).toBe(true);
    expect(text).toContain("'=cmd|calc");
    expect(text).toContain('视频');

    const before = await range('2026-11-01', '2026-11-30');
    const again = await call(services, 'calendar/import', { path: file, kind: 'items' });
    expect(again).toEqual({ file: 'plan.csv', added: 0, updated: 0, unchanged: 3 });
    // The formula-escaped title reads back as the exported text, so it is an edit of that occurrence.
    expect((await range('2026-11-01', '2026-11-30')).items.map((i) => i.title)).toEqual(
      before.items.map((i) => i.title),
    );

    const fresh = path.join(services.dir, 'new.csv');
    fs.writeFileSync(
      fresh,
      'title,date,time,channel,pillar,format,source,status\n周末直播,2026-11-07,20:00,Douyin,进阶,直播,UGC,draft\n想法：会员故事,,,,,,,idea\n',
    );
    expect(await call(services, 'calendar/import', { path: fresh, kind: 'items' })).toEqual({
      file: 'new.csv',
      added: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(await call(services, 'calendar/import', { path: fresh, kind: 'items' })).toEqual({
      file: 'new.csv',
      added: 0,
      updated: 0,
      unchanged: 2,
    });
    const view = await range('2026-11-01', '2026-11-30');
    expect(view.items.find((i) => i.title === '周末直播')).toMatchObject({
      start: '2026-11-07T20:00',
      pillar: 'advanced',
      format: 'activity',
      source: 'ugc',
    });
    expect(view.backlog.map((i) => i.title)).toEqual(['想法：会员故事']);

    const bad = path.join(services.dir, 'bad.csv');
    fs.writeFileSync(
      bad,
      'title,date,pillar\nOK,2026-11-08,basic\n"multi\nline",2026-11-09,basic\nBad,2026-11-31,basic\n',
    );
    const error = await expectError(call(services, 'calendar/import', { path: bad, kind: 'items' }), 'import_invalid');
    expect(error.details).toEqual({ file: 'bad.csv', line: 5, field: 'date' });
    expect((await range('2026-11-01', '2026-11-30')).items.some((i) => i.title === 'OK')).toBe(false);

    const perf = path.join(services.dir, 'perf.csv');
    fs.writeFileSync(perf, '标题,日期,曝光,点赞,参与人数\n短视频,2026-11-05,"12,400",310,\n');
    expect(await call(services, 'calendar/import', { path: perf, kind: 'performance' })).toEqual({
      file: 'perf.csv',
      added: 0,
      updated: 1,
      unchanged: 0,
    });
    const video = (await range('2026-11-05', '2026-11-05')).items.find((i) => i.title === '短视频');
    expect(video?.performance).toEqual({
      reach: 12400,
      likes: 310,
      comments: null,
      shares: null,
      conversions: null,
      participants: null,
    });
  });
});
