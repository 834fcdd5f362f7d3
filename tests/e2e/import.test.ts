import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from '../support/import-harness';
import { launchApp, type App } from './support/app';
import { ImportPage } from './pages/import';
import { Shell } from './pages/shell';

let app: App;
let failed = false;
beforeEach(async () => {
  failed = true;
  app = await launchApp({ locale: 'en-US' });
});
afterEach(async (context) => {
  await app.close(failed || context.task.result?.state === 'fail', context.task.name);
});

describe('Import page, in Chromium against the browser host', () => {
  it('imports a Discord export, adds nothing the second time, undoes it, and merges two identities', async () => {
    const shell = new Shell(app.page);
    const page = new ImportPage(app.page);
    await shell.byTestId('page-welcome').waitFor();
    await shell.createWorkspace({ name: 'Import e2e' });
    await shell.go('import');

    await page.pick(fixture('discord', 'guild-general.json'));
    expect(await page.id('import-format').inputValue()).toBe('discord-json');
    expect(await page.id('preview-row').count()).toBeGreaterThan(3);
    await app.screenshot('import-preview');
    await page.start();
    const added = await page.number('result-activities-added');
    expect(added).toBeGreaterThan(5);
    const counts = (await app.services.router.invoke('workspace/info', {})) as { counts: { activity: number } };
    expect(counts.counts.activity).toBe(added);
    await app.screenshot('import-result');

    await page.anotherFile();
    await page.pick(fixture('discord', 'guild-general.json'));
    await page.start();
    await page.id('result-nothing-new').waitFor();
    expect(await page.number('result-activities-duplicates')).toBe(added);

    // A shop export with the same person's e-mail, then merge the suggestion.
    await page.anotherFile();
    await page.pick(fixture('tables', 'orders-bom.csv'));
    // The file has rows with problems; the default is to stop, so choose to skip them.
    expect(await page.id('import-problem').count()).toBeGreaterThan(0);
    await page.id('import-on-problem-skip').check();
    await page.start();
    expect(await page.number('result-problems-skipped')).toBeGreaterThan(0);
    expect(await page.number('result-orders-added')).toBeGreaterThan(0);

    // A community table where Alice appears with the same e-mail: one person, two identities.
    const community = path.join(app.dir, 'community.csv');
    fs.writeFileSync(community, 'user_id,name,email,date,text\nu-77,爱丽丝,alice@example.com,2024-03-05 20:00,第一次来群里打招呼\n');
    await page.anotherFile();
    await page.pick(community);
    await page.start();
    expect(await page.number('result-activities-added')).toBe(1);

    await page.id('import-tab-merge').click();
    const suggestion = app.page.locator('[data-testid="merge-suggestion"][data-reason="email"]');
    await suggestion.first().waitFor();
    await app.screenshot('import-merge');
    await suggestion.first().getByTestId('merge-accept').click();
    await expect.poll(async () => ((await app.services.router.invoke('members/merges', {})) as unknown[]).length).toBe(1);

    await page.id('import-tab-history').click();
    await page.id('batch-row').first().waitFor();
    expect(await page.id('batch-row').count()).toBe(3);
    const discordRow = app.page.locator('[data-testid="batch-row"]').filter({ hasText: 'guild-general.json' });
    await discordRow.getByTestId('batch-undo').click();
    await discordRow.getByTestId('batch-undo-confirm').click();
    await app.page.locator('[data-testid="batch-row"][data-status="undone"]').waitFor();
    await expect
      .poll(async () => ((await app.services.router.invoke('workspace/info', {})) as { counts: { activity: number } }).counts.activity)
      .toBe(1); // only the community table's row is left
    await app.screenshot('import-history');
    failed = false;
  });
});
