import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../electron/services/demo-workspace';
import { launchApp, type App } from './support/app';
import { SharePage } from './pages/share';
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

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('Team share and portfolio, in Chromium against the browser host', () => {
  it('publishes from Reports, shows both clients read-only in the portfolio, restores a bundle and refuses a tampered one', async () => {
    const shell = new Shell(app.page);
    const share = new SharePage(app.page);
    await shell.byTestId('page-welcome').waitFor();

    // Two small client workspaces side by side; the second renamed through the services and closed again.
    const clients = path.join(app.dir, 'clients');
    const coffee = path.join(clients, '山岚咖啡.hearth');
    const tea = path.join(clients, '北辰茶社.hearth');
    await createDemoWorkspace(coffee, { members: 150, seed: 7, now: Date.now() });
    await createDemoWorkspace(tea, { members: 150, seed: 11, now: Date.now() });
    await app.services.router.invoke('workspace/open', { path: tea });
    await app.services.router.invoke('workspace/rename', { name: '北辰茶社' });
    await app.services.router.invoke('workspace/close', {});

    await shell.openByPath(coffee);
    await shell.byTestId('page-dashboard').waitFor();
    const coffeeName = ((await app.services.router.invoke('workspace/current', {})) as { name: string }).name;
    await shell.byTestId('current-workspace-name').filter({ hasText: coffeeName }).waitFor();

    // (a) The share folder in Settings: a missing folder is refused inline, an existing one saved.
    await shell.go('settings');
    expect(await share.setShareFolder(path.join(app.dir, 'no-such-share'))).toBe('refused');
    expect(await share.id('share-folder-error').getAttribute('data-code')).toBe('not_found');
    const shareDir = path.join(app.dir, 'share');
    fs.mkdirSync(shareDir);
    expect(await share.setShareFolder(shareDir)).toBe('saved');
    expect(await app.services.router.invoke('share/settings/get', {})).toEqual({ folder: shareDir });
    await app.screenshot('share-settings');

    await shell.go('reports');
    await shell.byTestId('share-publish').waitFor();
    const published = await share.publish();
    expect(path.dirname(path.dirname(published.bundle))).toBe(shareDir);
    expect(fs.existsSync(path.join(published.bundle, 'manifest.json'))).toBe(true);
    expect(await share.id('share-publish-bundle').innerText()).toContain(path.basename(published.bundle));
    for (const name of [
      'report.pdf',
      'report.html',
      'members.csv',
      'calendar.ics',
      'incidents.csv',
      'snapshot.hearth',
    ]) {
      expect(published.files[name]).toBe(fs.statSync(path.join(published.bundle, name)).size);
    }
    await app.screenshot('share-published');

    // (b) The portfolio of the clients folder: two rows, read without changing either file.
    const before = { coffee: sha256(coffee), tea: sha256(tea) };
    const teaNeighbours = () =>
      fs
        .readdirSync(clients)
        .filter((f) => f.startsWith('北辰茶社.hearth'))
        .sort();
    expect(teaNeighbours()).toEqual(['北辰茶社.hearth']);
    await share.openPortfolio();
    await share.loadPortfolio(clients);
    const rows = await share.portfolioRows();
    expect(rows.map((r) => r.name).sort()).toEqual([coffeeName, '北辰茶社'].sort());
    for (const row of rows) {
      expect(row.problem).toBe('');
      expect(row.members).toBeGreaterThan(100);
      expect(row.members).toBeLessThanOrEqual(150);
      expect(['green', 'yellow', 'orange', 'red']).toContain(row.health);
    }
    const coffeeRow = share.id('portfolio-row').filter({ hasText: coffeeName });
    expect(await coffeeRow.getByTestId('portfolio-published').innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await app.screenshot('share-portfolio');
    expect({ coffee: sha256(coffee), tea: sha256(tea) }).toEqual(before);
    expect(teaNeighbours()).toEqual(['北辰茶社.hearth']);

    // "Open" on the closed client's row switches to it.
    await share.id('portfolio-row').filter({ hasText: '北辰茶社' }).getByTestId('portfolio-open').click();
    await shell.byTestId('page-dashboard').waitFor();
    await shell.byTestId('current-workspace-name').filter({ hasText: '北辰茶社' }).waitFor();

    // (c) Restore the published bundle as a new workspace through "Open from team share".
    await share.openFromShare();
    await share.bundle(published.bundle).waitFor();
    await app.screenshot('share-open-list');
    await share.restore(published.bundle);
    await shell.byTestId('page-dashboard').waitFor();
    await shell.byTestId('current-workspace-name').filter({ hasText: coffeeName }).waitFor();
    const restored = (await app.services.router.invoke('workspace/current', {})) as { path: string; name: string };
    expect(restored.name).toBe(coffeeName);
    expect(restored.path).not.toBe(coffee);
    expect(path.basename(restored.path)).toContain(path.basename(published.bundle));
    expect(await shell.byTestId('workspace-switcher').getAttribute('title')).toBe(restored.path);
    await app.screenshot('share-restored');

    // A bundle changed after publishing is refused, naming the file that fails.
    fs.appendFileSync(path.join(published.bundle, 'members.csv'), 'x');
    await share.openFromShare();
    await share.restore(published.bundle);
    const banner = shell.byTestId('error-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-code')).toBe('bundle_invalid');
    expect(await banner.innerText()).toContain('members.csv');
    const refusal = share.bundle(published.bundle).getByTestId('share-bundle-error');
    expect(await refusal.getAttribute('data-file')).toBe('members.csv');
    expect(await refusal.innerText()).toContain('members.csv');
    expect(((await app.services.router.invoke('workspace/current', {})) as { path: string }).path).toBe(restored.path);
    await app.screenshot('share-refused');

    // With no workspace open, the portfolio is one click from the welcome page: the recent list.
    await shell.openSwitcher();
    await shell.byTestId('switcher-close').click();
    await shell.byTestId('welcome-portfolio').click();
    await share.id('page-portfolio').waitFor();
    await app.page.locator('[data-testid="page-portfolio"][data-loading="false"]').waitFor();
    const recent = await share.portfolioRows();
    expect(recent.map((r) => r.path).sort()).toEqual([coffee, tea, restored.path].sort());
    await app.screenshot('share-portfolio-recent');
    expect(app.console.filter((line) => /Content Security Policy|pageerror/i.test(line))).toEqual([]);
    failed = false;
  }, 240_000);
});
