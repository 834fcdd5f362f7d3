import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../electron/services/demo-workspace';
import { sortKey } from '../../shared/sort-key';
import { launchApp, type App } from './support/app';
import { MembersPage } from './pages/members';
import { Shell } from './pages/shell';

const DAY = 86_400_000;
const HAN = /\p{Script=Han}/u;

let app: App;
let failed = false;
beforeEach(async () => {
  failed = true;
  app = await launchApp({ locale: 'zh-CN' });
});
afterEach(async (context) => {
  await app.close(failed || context.task.result?.state === 'fail', context.task.name);
});

describe('Members page, in Chromium against the browser host', () => {
  it('says scores are not computed in a new workspace, and Recompute computes them', async () => {
    const shell = new Shell(app.page);
    const page = new MembersPage(app.page);
    await shell.byTestId('page-welcome').waitFor();
    await shell.createWorkspace({ name: '空工作区' });
    await shell.go('members');

    await page.id('member-not-computed').waitFor();
    expect(await page.id('tier-tile').count()).toBe(0);
    expect(await page.id('member-grid').count()).toBe(0);
    await app.screenshot('members-not-computed');

    await page.id('member-recompute').click();
    const tiles = await page.tiles();
    expect(tiles.map((t) => t.tier)).toEqual(['newcomer', 'active', 'core', 'ambassador']);
    expect(tiles.every((t) => t.count === 0)).toBe(true);
    expect(await page.count()).toBe(0);
    failed = false;
  });

  it('sorts, filters and searches the grid, promotes a member by granting points, and exports CSV', async () => {
    const shell = new Shell(app.page);
    const page = new MembersPage(app.page);
    await shell.byTestId('page-welcome').waitFor();
    const demoPath = path.join(app.dir, 'demo.hearth');
    // Data up to today: the scores are computed as of today.
    const demo = await createDemoWorkspace(demoPath, {
      members: 400,
      seed: 7,
      now: Math.floor(Date.now() / DAY) * DAY,
    });
    await shell.openByPath(demoPath);
    await shell.byTestId('current-workspace-name').filter({ hasText: '咖啡' }).waitFor();
    await shell.go('members');

    // Tier tiles: one per tier of the default ladder, adding up to every member.
    const tiles = await page.tiles();
    expect(tiles.map((t) => t.tier)).toEqual(['newcomer', 'active', 'core', 'ambassador']);
    const total = tiles.reduce((sum, t) => sum + t.count, 0);
    expect(total).toBe(demo.member);
    expect(await page.count()).toBe(total);
    await page.waitForRows();

    // Sort by points: SQLite sorts, the grid shows the biggest first.
    await page.sortBy('points', 'descending');
    await expect.poll(async () => isDescending(await page.numbers('points', 10))).toBe(true);
    const top = await page.numbers('points', 10);
    expect(top[0]).toBeGreaterThan(top[9] ?? 0);
    await app.screenshot('members-grid-zh');

    // Sort by name: Chinese names by their pinyin, among the Latin ones (as SQLite compares the keys).
    await page.sortBy('name', 'ascending');
    await expect.poll(async () => isSortedByKey(await page.names(15))).toBe(true);
    const names = await page.names(15);
    expect(names.some((n) => HAN.test(n))).toBe(true);
    expect(names.some((n) => /^[A-Za-z]/.test(n))).toBe(true);

    // A tier tile filters the grid to that tier; a second click clears it.
    const tier =
      tiles.find((t) => t.tier === 'active' && t.count > 0) ?? tiles.find((t) => t.count > 0 && t.count < total);
    if (!tier) throw new Error('the demo has members in only one tier');
    await page.tile(tier.tier).click();
    await expect.poll(() => page.count()).toBe(tier.count);
    await expect.poll(async () => [...new Set(await page.loadedTiers())]).toEqual([tier.tier]);
    await page.tile(tier.tier).click();
    await expect.poll(() => page.count()).toBe(total);

    // Quick search with a fragment of a Chinese name seen in the grid.
    await page.waitForRows();
    const chinese = (await page.loadedNames()).find((name) => HAN.test(name) && [...name].length >= 2);
    if (!chinese) throw new Error('no Chinese name among the loaded rows');
    const fragment = [...chinese].slice(0, 2).join('');
    await page.search(fragment);
    await expect.poll(() => page.count()).toBeLessThan(total);
    expect(await page.count()).toBeGreaterThan(0);
    await expect.poll(() => page.loadedNames()).toContain(chinese);
    await app.screenshot('members-search');
    await page.search('');
    await expect.poll(() => page.count()).toBe(total);

    // Open a newcomer, grant the points the next tier needs, and see the drawer's tier change.
    await page.tile('newcomer').click();
    await expect.poll(() => page.count()).toBe(tiles[0]?.count);
    await page.waitForRows();
    const memberId = await page.open(0);
    expect(await page.drawerTier()).toBe('newcomer');
    const next = await page.nextTier();
    expect(next.tier).toBe('active');
    expect(await page.id('member-explanation').count()).toBeGreaterThan(0);
    for (const text of await page.id('member-explanation').allTextContents()) expect(text).not.toMatch(/[{}]/);
    await page.grant(next.needed, 'e2e：社群活动奖励');
    await expect.poll(() => page.drawerTier()).toBe('active');
    await app.page.locator('[data-testid="member-ledger-entry"][data-kind="grant"]').first().waitFor();
    const detail = (await app.services.router.invoke('members/detail', { id: memberId })) as {
      score: { tier: string };
    };
    expect(detail.score.tier).toBe('active');
    // The tile counts follow: one member moved up.
    await expect
      .poll(async () => (await page.tiles()).find((t) => t.tier === 'active')?.count)
      .toBe((tiles[1]?.count ?? 0) + 1);
    await app.screenshot('members-drawer-zh');
    // Tier history: the first tier (from the demo's first recompute) and the promotion, each
    // explained in words and numbers read back from its row.
    const changes = app.page.getByTestId('member-tier-change');
    await changes.filter({ has: app.page.locator('xpath=self::*[@data-change="promoted"][@data-to="active"]') }).first().waitFor();
    expect(await app.page.locator('[data-testid="member-tier-change"][data-change="initial"]').count()).toBe(1);
    const notes = await app.page.locator('[data-testid="member-tier-change"] .ledger-note').allTextContents();
    expect(notes).toHaveLength(2);
    for (const text of notes) expect(text).toMatch(/^(?=.*\d)(?!.*[{}]).*积分/);
    await changes.first().scrollIntoViewIfNeeded();
    await app.screenshot('members-tier-history-zh');

    // Bulk: tag three chosen rows (the first ticked, the third shift-clicked), then filter by the tag.
    await page.id('member-drawer-close').click();
    await page.tick(0);
    await page.tick(2, true);
    await expect.poll(() => page.id('bulk-target').getAttribute('data-selected')).toBe('3');
    await page.id('bulk-tag').click();
    await page.id('bulk-tag-input').fill('春季活动');
    await page.id('bulk-tag-submit').click();
    await page.id('bulk-status').waitFor();
    await page.id('member-filter-tag').selectOption('春季活动');
    await expect.poll(() => page.count()).toBe(3);
    await page.id('member-filter-tag').selectOption('');

    // Hidden columns stay hidden after a reload (remembered for this workspace).
    await page.showColumn('clv', false);
    await page.header('clv').waitFor({ state: 'detached' });
    await app.page.reload();
    await page.waitForRows();
    expect(await page.header('clv').count()).toBe(0);
    expect(await page.header('points').count()).toBe(1);

    // Export what the grid shows: UTF-8 with a BOM, headers in the UI language, visible columns only.
    const file = await page.exportCsv();
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const header = csv.slice(1).split(/\r?\n/)[0]?.split(',') ?? [];
    expect(header[0]).toBe('姓名');
    expect(header).toContain('等级');
    expect(header).toContain('积分');
    expect(header).not.toContain('近30天活跃天数'); // hidden by default, so not exported
    expect(header).not.toContain('客户终身价值'); // hidden above
    const rows = csv.trim().split(/\r?\n/).length - 1;
    expect(rows).toBe(await page.count());
    // The browser host offers the same file for download.
    const href = (await page.id('bulk-export-download').getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/download\?path=.+&token=/);
    const downloaded = await app.page.evaluate(async (link) => {
      const response = await fetch(link);
      return { status: response.status, text: await response.text() };
    }, href);
    expect(downloaded.status).toBe(200);
    expect(downloaded.text.replace(/^\uFEFF/, '')).toBe(csv.slice(1));

    // The same page in English.
    await shell.setLanguage('en');
    await page.header('points').filter({ hasText: 'Points' }).waitFor();
    await page.waitForRows();
    await page.open(0);
    await app.screenshot('members-drawer-en');
    failed = false;
  });

  it('edits the member rules: a wrong threshold is named, a lower one promotes members, names and points follow', async () => {
    const shell = new Shell(app.page);
    const page = new MembersPage(app.page);
    await shell.byTestId('page-welcome').waitFor();
    const demoPath = path.join(app.dir, 'rules.hearth');
    await createDemoWorkspace(demoPath, { members: 300, seed: 11, now: Math.floor(Date.now() / DAY) * DAY });
    await shell.openByPath(demoPath);
    await shell.go('members');
    const before = await page.tiles();
    const atCoreOrAbove = (tiles: { tier: string; count: number }[]) =>
      tiles.filter((t) => t.tier === 'core' || t.tier === 'ambassador').reduce((sum, t) => sum + t.count, 0);

    type Ladder = { id: string; threshold: number; name: Record<string, string> }[];
    const ladderOf = async () => ((await app.services.router.invoke('members/rules/get', {})) as { tiers: { ladder: Ladder } }).tiers.ladder;
    const threshold = (ladder: Ladder, id: string) => ladder.find((t) => t.id === id)?.threshold ?? Number.NaN;
    const start = await ladderOf();
    // Between the active tier's threshold and core's: some members earn that much, and reach core.
    const lower = threshold(start, 'active') + 1;
    expect(lower).toBeLessThan(threshold(start, 'core'));

    await page.id('member-rules-open').click();
    const dialog = page.id('member-rules');
    await dialog.waitFor();
    // Points: what a reply earns, from the stored rules.
    expect(await page.id('member-rule-reply-points').inputValue()).toBe('2');
    await app.screenshot('member-rules-points-zh');

    // Tiers: a core threshold below the active one is refused, on that field, and nothing is saved.
    await page.id('member-rules-tab-tiers').click();
    const core = dialog.locator('[data-testid="member-rules-tier"][data-tier="core"]');
    await core.getByTestId('member-rules-tier-threshold').fill(String(threshold(start, 'active') - 1));
    await page.id('member-rules-save').click();
    await core.getByTestId('member-rule-error').filter({ hasText: '上一行' }).waitFor();
    expect(await ladderOf()).toEqual(start);
    await app.screenshot('member-rules-error-zh');

    // A lower threshold and a new name: saved, everyone recomputed, more members reach core.
    await core.getByTestId('member-rules-tier-threshold').fill(String(lower));
    await core.getByTestId('member-rules-tier-zh').fill('铁粉');
    await page.id('member-rules-save').click();
    await dialog.waitFor({ state: 'detached' });
    await page.tile('core').filter({ hasText: '铁粉' }).waitFor();
    await expect.poll(async () => atCoreOrAbove(await page.tiles())).toBeGreaterThan(atCoreOrAbove(before));
    const after = await page.tiles();
    expect(after.reduce((sum, t) => sum + t.count, 0)).toBe(before.reduce((sum, t) => sum + t.count, 0));
    expect(await page.tile('core').innerText()).toContain(`${lower} 积分起`);
    expect((await ladderOf()).find((t) => t.id === 'core')).toMatchObject({ threshold: lower, name: { 'zh-CN': '铁粉', en: 'Core' } });
    await app.screenshot('member-rules-saved-zh');

    // Opened again, the dialog shows what was saved.
    await page.id('member-rules-open').click();
    await page.id('member-rules-tab-tiers').click();
    expect(await core.getByTestId('member-rules-tier-threshold').inputValue()).toBe(String(lower));
    await app.screenshot('member-rules-tiers-zh');
    await page.id('member-rules-tab-scores').click();
    await app.screenshot('member-rules-scores-zh');
    await page.id('member-rules-close').click();
    await dialog.waitFor({ state: 'detached' });
    failed = false;
  });
});

function isSortedByKey(names: string[]): boolean {
  const keys = names.map((n) => Buffer.from(sortKey(n), 'utf8'));
  return keys.every((k, i) => i === 0 || Buffer.compare(keys[i - 1] ?? k, k) <= 0);
}

function isDescending(values: number[]): boolean {
  return values.every((v, i) => i === 0 || v <= (values[i - 1] ?? Infinity));
}
