import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../electron/services/demo-workspace';
import { launchApp, type App } from './support/app';
import { pages, Shell } from './pages/shell';

let app: App;
let failed = false;
beforeEach(async () => {
  failed = true;
  app = await launchApp();
});
afterEach(async (context) => {
  await app.close(failed || context.task.result?.state === 'fail', context.task.name);
});

describe('Hearth foundation, in Chromium against the browser host', () => {
  it('creates a workspace, switches language, visits every page and edits settings', async () => {
    const { page } = app;
    const shell = new Shell(page);
    await shell.byTestId('page-welcome').waitFor();

    await shell.createWorkspace({ name: '山岚咖啡社群' });
    const created = await app.services.router.invoke('workspace/current', {});
    expect(created).toMatchObject({ name: '山岚咖啡社群', timeZone: 'Asia/Shanghai', currency: 'CNY' });
    expect(fs.existsSync((created as { path: string }).path)).toBe(true);

    // The page starts in Chinese (browser locale zh-CN); switch to English and back, remembered.
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => shell.byTestId('nav-members').innerText()).toContain('成员');
    await shell.setLanguage('en');
    await expect.poll(() => shell.byTestId('nav-members').innerText()).toContain('Members');
    await page.reload();
    await shell.byTestId('nav-members').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await app.services.router.invoke('app/preferences/get', {})).toEqual({ language: 'en' });

    for (const name of pages) {
      await shell.go(name);
      await app.screenshot(`en-${name}`);
    }

    await shell.go('settings');
    expect(await shell.byTestId('settings-path').innerText()).toContain('山岚咖啡社群.hearth');
    await shell.byTestId('settings-name').fill('山岚咖啡 · 华东社群');
    await shell.byTestId('settings-timezone').selectOption('Europe/Berlin');
    await shell.byTestId('settings-currency').fill('EUR');
    await shell.byTestId('settings-save').click();
    await shell.byTestId('current-workspace-name').filter({ hasText: '山岚咖啡 · 华东社群' }).waitFor();
    await expect.poll(async () => app.services.router.invoke('workspace/current', {})).toMatchObject({
      name: '山岚咖啡 · 华东社群',
      timeZone: 'Europe/Berlin',
      currency: 'EUR',
    });

    await shell.setLanguage('zh-CN');
    await expect.poll(() => shell.byTestId('nav-members').innerText()).toContain('成员');
    await app.screenshot('zh-settings');
    failed = false;
  });

  it('opens the demo workspace by path, shows its real counts, and switches between workspaces', async () => {
    const { page } = app;
    const shell = new Shell(page);
    const demoPath = path.join(app.dir, 'demo.hearth');
    const demo = await createDemoWorkspace(demoPath, { members: 150, seed: 7, now: Date.UTC(2026, 10, 1) });

    await shell.byTestId('page-welcome').waitFor();
    await shell.createWorkspace({ name: 'Client B', locale: 'en' });
    await shell.openByPath(demoPath);
    await shell.byTestId('current-workspace-name').filter({ hasText: '咖啡' }).waitFor();

    await shell.go('settings');
    await expect.poll(async () => (await shell.byTestId('count-member').innerText()).replace(/[^\d]/g, '')).toBe(String(demo.member));
    await expect.poll(async () => (await shell.byTestId('count-activity').innerText()).replace(/[^\d]/g, '')).toBe(String(demo.activity));
    await app.screenshot('demo-settings');

    const clientB = (await app.services.router.invoke('workspace/recent', {})) as Array<{ path: string; name: string }>;
    const b = clientB.find((r) => r.name === 'Client B');
    expect(b).toBeDefined();
    await shell.switchTo(b!.path);
    await shell.byTestId('current-workspace-name').filter({ hasText: 'Client B' }).waitFor();
    expect(await app.services.router.invoke('workspace/current', {})).toMatchObject({ name: 'Client B' });
    failed = false;
  });
});
