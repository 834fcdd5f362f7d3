import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../electron/services/demo-workspace';
import { launchApp, type App } from './support/app';
import { DashboardPage } from './pages/dashboard';
import { MembersPage } from './pages/members';
import { Shell } from './pages/shell';

const DAY = 86_400_000;

let app: App;
let failed = false;
beforeEach(async () => {
  failed = true;
  app = await launchApp({ locale: 'zh-CN' });
});
afterEach(async (context) => {
  await app.close(failed || context.task.result?.state === 'fail', context.task.name);
});

describe('Dashboard, in Chromium against the browser host', () => {
  it('explains an empty workspace instead of showing numbers', async () => {
    const shell = new Shell(app.page);
    const page = new DashboardPage(app.page);
    await shell.byTestId('page-welcome').waitFor();
    await shell.createWorkspace({ name: '空工作区' });
    await shell.go('dashboard');
    await page.id('dashboard-empty').waitFor();
    expect(await page.id('metric-tile').count()).toBe(0);
    expect(await page.id('scorecard').count()).toBe(0);
    await app.screenshot('dashboard-empty-zh');
    failed = false;
  });

  it('shows KPIs of a demo community, follows the period, draws charts and opens a tier’s members', async () => {
    const shell = new Shell(app.page);
    const page = new DashboardPage(app.page);
    await shell.byTestId('page-welcome').waitFor();
    const demoPath = path.join(app.dir, 'demo.hearth');
    await createDemoWorkspace(demoPath, { members: 400, seed: 7, now: Math.floor(Date.now() / DAY) * DAY });
    await shell.openByPath(demoPath);
    await shell.byTestId('current-workspace-name').filter({ hasText: '咖啡' }).waitFor();
    await shell.go('dashboard');

    // Tiles with values; a metric without one says why, never 0.
    const month = await page.period();
    const tiles = await page.tiles();
    expect(tiles.find((t) => t.metric === 'members_total')?.value).toBeGreaterThan(0);
    expect(tiles.filter((t) => t.value !== null).length).toBeGreaterThan(10);
    const missing = tiles.filter((t) => t.value === null);
    expect(await page.id('metric-missing').count()).toBe(missing.length);
    for (const text of await page.id('metric-missing').allTextContents()) expect(text.trim()).not.toMatch(/^[0\s—-]*$/);
    expect(['green', 'yellow', 'orange', 'red', 'none']).toContain(
      await page.id('overall-health').getAttribute('data-status'),
    );
    const score = await page.id('scorecard').getAttribute('data-score');
    if (score !== '') expect(Number(score)).toBeGreaterThanOrEqual(0);
    for (const chart of [
      'chart-growth',
      'chart-active-ratio',
      'chart-stickiness',
      'chart-cohorts',
      'chart-nps',
      'chart-kfactor',
      'chart-tiers',
      'chart-tier-moves',
      'chart-sources',
      'chart-channels',
      'chart-content-mix',
    ]) {
      await page.id(chart).waitFor();
    }
    await page.id('chart-growth').locator('svg').waitFor();
    // Scale per source adds up to the members total; the channels chart draws the period's activity.
    const sources = await page.sources();
    expect(sources.reduce((sum, s) => sum + s.members, 0)).toBe(tiles.find((t) => t.metric === 'members_total')?.value);
    await page.id('chart-sources').locator('svg').waitFor();
    await page.id('chart-channels').locator('svg').waitFor();
    // One point per month of the series (the demo's tiers were all given on its one scoring day).
    const movesBefore = await page.tierMoves();
    expect(movesBefore.length).toBeGreaterThan(0);
    await app.screenshot('dashboard-month-zh');

    // The ⓘ shows the metric's written definition; the health dot's tooltip is the rule behind it.
    const ratio = page.tile('active_ratio');
    await ratio.getByTestId('metric-definition-button').hover();
    const definition = ratio.getByTestId('metric-definition');
    await definition.waitFor({ state: 'visible' });
    expect((await definition.innerText()).length).toBeGreaterThan(10);
    await app.screenshot('dashboard-definition-zh');
    if ((await ratio.getAttribute('data-status')) !== 'none') {
      expect(await ratio.getByTestId('metric-health').getAttribute('title')).toBeTruthy();
    }

    // Month → quarter: new data, and the flow counts (new members) over 90 days differ from 30.
    await page.choosePeriod('quarter');
    const quarter = await page.waitForPeriodChange(month);
    const [from, to] = quarter.split('/');
    expect(Math.round((Date.parse(to ?? '') - Date.parse(from ?? '')) / DAY) + 1).toBe(90);
    const quarterTiles = await page.tiles();
    const changed = quarterTiles.filter((q) => tiles.find((m) => m.metric === q.metric)?.value !== q.value);
    expect(changed.length).toBeGreaterThan(0);

    // Compare with last year: the same period, the comparison moves a year back.
    await page.chooseCompare('last_year');
    await expect.poll(() => page.id('period-shown').innerText()).toContain(String(Number(from?.slice(0, 4)) - 1));
    await page.chooseCompare('previous');

    // A custom period.
    await page.choosePeriod('custom');
    await page.chooseDays(from ?? '', from ?? '');
    const single = await page.waitForPeriodChange(quarter);
    expect(single).toBe(`${from}/${from}`);
    for (const text of await page.id('metric-missing').allTextContents()) expect(text.trim()).not.toMatch(/^[0\s—-]*$/);
    await app.screenshot('dashboard-one-day-zh');
    await page.choosePeriod('month');
    await page.waitForPeriodChange(single);

    // Hovering the growth chart shows ECharts' tooltip, in Chinese.
    const tooltip = await page.hoverChart('chart-growth');
    await expect.poll(() => tooltip.innerText()).toContain('成员数');
    await app.screenshot('dashboard-tooltip-zh');

    // A goal set in the UI: members at today's count is already achieved.
    const membersNow = tiles.find((t) => t.metric === 'members_total')?.value ?? 0;
    await page.addGoal({ metric: 'members_total', target: String(membersNow), horizon: 'mid' });
    await page.goal('members_total').waitFor();
    expect(await page.goal('members_total').getAttribute('data-status')).toBe('achieved');
    expect(await page.goal('members_total').getByTestId('goal-status').innerText()).toBe('已达成');
    // A share is typed in percent; whatever the trend says, the goal gets a status.
    await page.addGoal({ metric: 'active_ratio', target: '95', horizon: 'short' });
    await page.goal('active_ratio').waitFor();
    expect(['on_track', 'behind', 'achieved']).toContain(await page.goal('active_ratio').getAttribute('data-status'));
    await page.id('goals').scrollIntoViewIfNeeded();
    await app.screenshot('dashboard-goals-zh');

    // Targets & rules: a bad value is refused next to its field; a wider band turns the active ratio green.
    await page.id('rules-open').click();
    await page.id('rules-panel').waitFor();
    await page.ruleField('health.ugcShareMin').locator('input').fill('120');
    await page.ruleField('weights.brand.nps').locator('input').fill('50');
    await page.id('rules-save').click();
    await page.ruleField('health.ugcShareMin').getByTestId('rule-error').waitFor();
    await page.ruleField('weights.brand.koc_share').getByTestId('rule-error').waitFor();
    await app.screenshot('dashboard-rules-errors-zh');
    await page.ruleField('health.ugcShareMin').locator('input').fill('30');
    await page.ruleField('weights.brand.nps').locator('input').fill('40');
    await page.ruleField('health.activeBand.low').locator('input').fill('0');
    await page.ruleField('health.activeBand.high').locator('input').fill('100');
    await page.id('rules-save').click();
    await page.id('rules-saved').waitFor();
    expect(await page.id('rule-error').count()).toBe(0);
    await page.tile('active_ratio').and(app.page.locator('[data-status="green"]')).waitFor();
    await page.id('rules-defaults').click();
    await page.id('rules-save').click();
    await page.id('rules-saved').waitFor();
    await page.id('rules-close').click();

    // A tier bar opens the Members page filtered to that tier.
    const bars = await page.tierBars();
    const bar = bars.find((b) => b.tier === 'active' && b.count > 0) ?? bars.find((b) => b.count > 0);
    if (!bar) throw new Error('the demo has no tiered members');
    await page.clickTierBar(bar.tier);
    await shell.byTestId('page-members').waitFor();
    const members = new MembersPage(app.page);
    await app.page.locator(`[data-testid="tier-tile"][data-tier="${bar.tier}"][aria-pressed="true"]`).waitFor();
    await expect.poll(() => members.count()).toBe(bar.count);
    await members.waitForRows();
    await expect.poll(async () => [...new Set(await members.loadedTiers())]).toEqual([bar.tier]);
    await app.screenshot('dashboard-tier-members-zh');

    // Points that lift a member a tier show up as this month's promotion on the dashboard.
    const promotedBefore = movesBefore.at(-1)?.promoted ?? 0;
    await members.open(0);
    const next = await members.nextTier();
    await members.grant(next.needed, 'e2e：活动志愿者');
    await expect.poll(() => members.drawerTier()).toBe(next.tier);
    await shell.go('dashboard');
    await page.waitForLoaded();
    await expect.poll(async () => (await page.tierMoves()).at(-1)?.promoted).toBe(promotedBefore + 1);
    await page.id('chart-tier-moves').locator('svg').waitFor();
    await page.id('chart-tier-moves').scrollIntoViewIfNeeded();
    await app.screenshot('dashboard-tier-moves-zh');

    // A cohort heatmap cell opens the Members page filtered to that join month, sized as the cohort.
    await shell.go('dashboard');
    await page.waitForLoaded();
    const cohorts = (await page.cohorts()).filter((c) => c.size > 0);
    // Last month's cohort: whole, and old enough to have a D1 cell.
    const cohort = cohorts.at(-2) ?? cohorts.at(-1);
    if (!cohort) throw new Error('the demo has no join cohorts');
    await page.clickCohortCell(cohort.cohort);
    await shell.byTestId('page-members').waitFor();
    const chip = app.page.locator(`[data-testid="member-filter-joined"][data-month="${cohort.cohort}"]`);
    await chip.waitFor();
    expect(await chip.innerText()).toContain(`加入于 ${cohort.cohort}`);
    await expect.poll(() => members.count()).toBe(cohort.size);
    await members.waitForRows();
    await app.screenshot('dashboard-cohort-members-zh');
    await chip.getByTestId('member-filter-joined-remove').click();
    await chip.waitFor({ state: 'detached' });
    await expect.poll(() => members.count()).toBe(tiles.find((t) => t.metric === 'members_total')?.value);

    // The same dashboard in English.
    await shell.setLanguage('en');
    await shell.go('dashboard');
    await page.waitForLoaded();
    await page.tile('members_total').filter({ hasText: 'Members' }).waitFor();
    const english = await page.hoverChart('chart-growth');
    await expect.poll(() => english.innerText()).toContain('Members');
    await app.page.mouse.move(0, 0);
    await english.waitFor({ state: 'hidden' });
    await app.screenshot('dashboard-month-en');
    await page.goal('members_total').getByTestId('goal-status').filter({ hasText: 'Achieved' }).waitFor();
    await page.id('rules-open').click();
    await page.ruleField('health.npsMin').locator('input').fill('x');
    await page.id('rules-save').click();
    await page.ruleField('health.npsMin').getByTestId('rule-error').filter({ hasText: 'Enter a number' }).waitFor();
    await app.screenshot('dashboard-rules-en');
    await page.id('rules-close').click();
    await page.id('goals').scrollIntoViewIfNeeded();
    await app.screenshot('dashboard-goals-en');
    await page.clickCohortCell(cohort.cohort);
    await app.page.locator(`[data-testid="member-filter-joined"][data-month="${cohort.cohort}"]`).filter({ hasText: `Joined ${cohort.cohort}` }).waitFor();
    await expect.poll(() => members.count()).toBe(cohort.size);
    await app.screenshot('members-joined-en');
    failed = false;
  });
});
