import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../electron/services/demo-workspace';
import type { CalendarView } from '../../shared/calendar';
import { launchApp, type App } from './support/app';
import { addDays, CalendarPage } from './pages/calendar';
import { Shell } from './pages/shell';

let app: App;
let failed = false;
beforeEach(async () => {
  failed = true;
  app = await launchApp({ locale: 'zh-CN' });
});
afterEach(async (context) => {
  await app.close(failed || context.task.result?.state === 'fail', context.task.name);
});

/** The services' view of some days, straight from the router (not through the UI). */
async function rangeFromServices(from: string, to: string): Promise<CalendarView> {
  const envelope = await app.services.router.call('calendar/range', { from, to });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.data as CalendarView;
}

async function openCalendar(name: string): Promise<CalendarPage> {
  const shell = new Shell(app.page);
  await shell.byTestId('page-welcome').waitFor();
  await shell.createWorkspace({ name });
  await shell.go('calendar');
  const page = new CalendarPage(app.page);
  await page.waitForLoaded();
  return page;
}

describe('Calendar, in Chromium against the browser host', () => {
  it('creates a weekly series and drags one occurrence to another day', async () => {
    const page = await openCalendar('日历工作区');
    const { from, to } = await page.range();
    // The month grid starts on a Monday: a weekly series from there falls on every Monday shown.
    await page.createItem({ title: '周一直播', date: from, time: '10:00', weekly: true, channel: '公众号' });
    await page.events('周一直播').nth(3).waitFor();
    const before = await page.shownEvents('周一直播');
    expect(before.length).toBeGreaterThanOrEqual(4);
    for (const e of before) expect(new Date(`${e.date}T00:00:00Z`).getUTCDay()).toBe(1);
    await app.screenshot('calendar-series-zh');

    const moved = addDays(from, 7);
    const target = addDays(from, 9);
    const second = page.events('周一直播').and(app.page.locator(`[data-date="${moved}"]`));
    await page.dragEventToDay(second, target);
    await page
      .events('周一直播')
      .and(app.page.locator(`[data-date="${target}"]`))
      .waitFor();
    await page.waitForLoaded();
    const after = await page.shownEvents('周一直播');
    expect(after.filter((e) => e.date === target)).toHaveLength(1);
    expect(after.filter((e) => e.date === moved)).toHaveLength(0);
    const othersBefore = before.filter((e) => e.date !== moved).map((e) => e.date);
    expect(after.filter((e) => e.date !== target).map((e) => e.date)).toEqual(othersBefore);

    // The services agree: the moved occurrence keeps its 10:00, the rest of the series stays put.
    const view = await rangeFromServices(from, to);
    const series = view.items.filter((i) => i.title === '周一直播');
    expect(series.find((i) => i.start?.startsWith(target))?.start).toBe(`${target}T10:00`);
    expect(series.filter((i) => i.start?.startsWith(moved))).toHaveLength(0);
    expect(
      series
        .map((i) => i.start?.slice(0, 10))
        .filter((d) => d !== target)
        .sort(),
    ).toEqual(othersBefore.sort());
    await app.screenshot('calendar-dragged-zh');

    // The week and list views show the same items (the week of the moved occurrence).
    await app.page.locator('.fc-timeGridWeek-button').click();
    await page.waitForLoaded();
    await page.events('周一直播').first().waitFor();
    await app.screenshot('calendar-week-zh');
    await app.page.locator('.fc-listMonth-button').click();
    await page.waitForLoaded();
    expect(await page.events('周一直播').count()).toBeGreaterThanOrEqual(4);
    await app.screenshot('calendar-list-zh');
    failed = false;
  });

  it('highlights sensitive words and approves only after they are acknowledged', async () => {
    const page = await openCalendar('审核工作区');
    const { from } = await page.range();
    await page.setSensitiveWords('最低价,广告法');
    const day = addDays(from, 10);
    await page.createItem({ title: '新品发布', body: '本周全网最低价，欢迎抢购', date: day, pillar: 'basic' });
    await page.openEvent('新品发布');
    const drawer = page.drawer();
    await drawer.getByTestId('review-reviewer').fill('小王');
    await page.review('submit').click();
    await app.page.locator('[data-testid="item-drawer"][data-status="in_review"]').waitFor();
    await drawer.locator('[data-testid="sensitive-hit"][data-word="最低价"]').first().waitFor();
    expect(await drawer.getByTestId('sensitive-word').getAttribute('data-category')).toBe('广告法');
    expect(await page.review('approve').isDisabled()).toBe(true);
    await app.screenshot('calendar-review-hits-zh');

    await drawer.getByTestId('review-acknowledge').check();
    expect(await page.review('approve').isDisabled()).toBe(false);
    const steps = await drawer.getByTestId('review-step').count();
    expect(steps).toBeGreaterThanOrEqual(1);
    for (let step = 1; step <= steps; step += 1) {
      await app.page.locator(`[data-testid="review-panel"][data-step="${step}"]`).waitFor();
      await page.review('approve').click();
      if (step < steps) await app.page.locator(`[data-testid="review-panel"][data-step="${step + 1}"]`).waitFor();
    }
    await app.page.locator('[data-testid="item-drawer"][data-status="approved"]').waitFor();
    expect(await drawer.getByTestId('item-status-badge').getAttribute('data-status')).toBe('approved');
    expect(await drawer.locator('[data-testid="review-event"][data-action="approve"]').count()).toBe(steps);
    await app.screenshot('calendar-approved-zh');
    failed = false;
  });

  it('moves the content-mix bars when an item of another pillar is planned', async () => {
    const page = await openCalendar('配比工作区');
    const { from } = await page.range();
    await page.createItem({ title: '入门指南', date: addDays(from, 8), pillar: 'basic' });
    await page.mixPart('pillar', 'basic').and(app.page.locator('[data-share="100.0"]')).waitFor();
    expect(await page.mixShare('pillar', 'basic')).toEqual({ share: '100.0', status: 'amber' });

    await page.createItem({ title: '进阶玩法', date: addDays(from, 9), pillar: 'advanced' });
    await page.mixPart('pillar', 'basic').and(app.page.locator('[data-share="50.0"]')).waitFor();
    expect(await page.mixShare('pillar', 'basic')).toEqual({ share: '50.0', status: 'ok' });
    expect(await page.mixShare('pillar', 'advanced')).toEqual({ share: '50.0', status: 'amber' });
    await app.screenshot('calendar-mix-zh');
    failed = false;
  });

  it('shows the demo plan, exports iCalendar through the UI and imports a CSV once', async () => {
    const shell = new Shell(app.page);
    await shell.byTestId('page-welcome').waitFor();
    const demoPath = path.join(app.dir, 'demo.hearth');
    await createDemoWorkspace(demoPath, { members: 200, seed: 7, now: Date.now() });
    await shell.openByPath(demoPath);
    await shell.go('calendar');
    const page = new CalendarPage(app.page);
    const { from, to } = await page.range();
    // The daily post, the weekly theme day and the monthly meetup of the demo plan are on the grid.
    const view = await rangeFromServices(from, to);
    expect(view.items.filter((i) => i.title === '早安咖啡 · 每日一图').length).toBeGreaterThanOrEqual(28);
    await page.events('周三手冲课堂').first().waitFor();
    expect(await page.events('周三手冲课堂').count()).toBe(view.items.filter((i) => i.title === '周三手冲课堂').length);
    expect(await page.mixShare('pillar', 'basic')).toMatchObject({ status: expect.stringMatching(/^(ok|amber)$/) });
    await app.screenshot('calendar-demo-zh');

    await page.id('calendar-export-ics').click();
    const result = page.id('calendar-export-result');
    await result.waitFor();
    const icsPath = (await result.getAttribute('data-path')) ?? '';
    expect(fs.readFileSync(icsPath, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*RRULE:FREQ=DAILY/);
    const href = (await page.id('calendar-export-download').getAttribute('href')) ?? '';
    const download = await app.page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(download).toContain('SUMMARY:周三手冲课堂');

    const csv = path.join(app.dir, '下周计划.csv');
    fs.writeFileSync(
      csv,
      `标题,日期,时间,渠道,内容支柱\n会员故事征集,${addDays(from, 9)},19:00,小红书,共创\n新品预告,${addDays(from, 10)},12:00,Weibo,基础\n`,
    );
    for (const expected of [
      { added: '2', unchanged: '0' },
      { added: '0', unchanged: '2' },
    ]) {
      const chooser = app.page.waitForEvent('filechooser');
      await page.id('calendar-import-items').click();
      await (await chooser).setFiles(csv);
      const imported = page.id('calendar-import-result');
      await app.page.locator(`[data-testid="calendar-import-result"][data-added="${expected.added}"]`).waitFor();
      expect(await imported.getAttribute('data-unchanged')).toBe(expected.unchanged);
    }
    await page.events('会员故事征集').waitFor();
    expect(await page.events('新品预告').count()).toBe(1);
    failed = false;
  });

  it('drags an idea from the backlog onto a day and records performance after publishing', async () => {
    const page = await openCalendar('创意工作区');
    const { from } = await page.range();
    await page.id('backlog-new-title').fill('会员故事征集');
    await page.id('backlog-add').click();
    const idea = page.id('backlog-item').filter({ hasText: '会员故事征集' });
    await idea.waitFor();

    // FullCalendar's external dragging needs real pointer movement.
    const target = addDays(from, 10);
    const box = await idea.boundingBox();
    const cell = await page.day(target).boundingBox();
    if (!box || !cell) throw new Error('no idea or no day cell');
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await app.page.mouse.down();
    await app.page.mouse.move(box.x + box.width / 2 - 10, box.y + box.height / 2 + 10, { steps: 3 });
    await app.page.mouse.move(cell.x + cell.width / 2, cell.y + cell.height / 2, { steps: 15 });
    await app.page.mouse.up();
    await app.page
      .locator(`[data-testid="calendar-event"][data-date="${target}"]`)
      .filter({ hasText: '会员故事征集' })
      .waitFor();
    await page.id('backlog-item').filter({ hasText: '会员故事征集' }).waitFor({ state: 'detached' });
    const view = await rangeFromServices(from, addDays(from, 41));
    expect(view.backlog).toEqual([]);
    expect(view.items.find((i) => i.title === '会员故事征集')?.start?.slice(0, 10)).toBe(target);

    await page.openEvent('会员故事征集');
    const drawer = page.drawer();
    await drawer.locator('[data-testid="performance-input"][data-metric="reach"]').fill('5200');
    await drawer.locator('[data-testid="performance-input"][data-metric="likes"]').fill('310');
    await drawer.getByTestId('performance-save').click();
    // The drawer refreshes after saving (its "saved" mark can be replaced by the fresh form), so
    // wait on the stored values, then on the form showing them.
    await expect
      .poll(
        async () =>
          (await rangeFromServices(from, addDays(from, 41))).items.find((i) => i.title === '会员故事征集')?.performance,
        {
          timeout: 15_000,
        },
      )
      .toMatchObject({ reach: 5200, likes: 310, comments: null });
    await expect
      .poll(() => drawer.locator('[data-testid="performance-input"][data-metric="reach"]').inputValue())
      .toBe('5200');
    failed = false;
  });
});
