import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../electron/services/demo-workspace';
import type { CrisisBoard, Incident } from '../../shared/crisis';
import { launchApp, type App } from './support/app';
import { CrisisPage } from './pages/crisis';
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

async function fromServices<T>(method: string, input: unknown): Promise<T> {
  const envelope = await app.services.router.call(method, input);
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.data as T;
}

/** Opens a fresh demo workspace (its last two days carry a complaint wave) on the Crisis page. */
async function openDemoCrisis(): Promise<CrisisPage> {
  const shell = new Shell(app.page);
  await shell.byTestId('page-welcome').waitFor();
  const demoPath = path.join(app.dir, '演示.hearth');
  await createDemoWorkspace(demoPath, { members: 1000, seed: 7, now: Date.now() });
  await shell.openByPath(demoPath);
  await shell.go('crisis');
  const page = new CrisisPage(app.page);
  await page.waitForLoaded();
  await page.setActor('小林');
  return page;
}

describe('Crisis, in Chromium against the browser host', () => {
  it('raises an alert on the demo, runs its playbook, raises the level and closes with a post-mortem', async () => {
    const page = await openDemoCrisis();
    const scanned = await page.scan();
    expect(scanned.messages).toBeGreaterThan(0);
    expect(scanned.alerts).toBeGreaterThan(0);

    // The alert to follow: one with a suggested playbook (the complaint wave) if the scan raised
    // one; otherwise the first alert, started with the product-defect playbook picked by hand.
    const board = await fromServices<CrisisBoard>('crisis/board', {});
    const open = board.alerts.filter((a) => a.status === 'open');
    const alert =
      open.find((a) => a.rule === 'negative_share' && a.suggestedPlaybookId !== null) ??
      open.find((a) => a.suggestedPlaybookId !== null) ??
      open[0];
    if (!alert) throw new Error('the scan raised no open alert');
    const playbookId =
      alert.suggestedPlaybookId ?? board.playbooks.find((p) => p.builtinKey === 'product-defect-surge')?.id ?? null;
    if (playbookId === null) throw new Error('no product-defect playbook');
    const row = page.alert(alert.id);
    await row.waitFor();
    expect(await row.getByTestId('alert-name').textContent()).toBe(alert.name);
    expect(await page.id('crisis-board').getAttribute('data-overall')).not.toBe('green');

    // Evidence: messages with member, time and channel; the words found are marked.
    if (alert.evidence.length > 0) {
      await row.getByTestId('alert-evidence-toggle').click();
      await row.getByTestId('alert-evidence').waitFor();
      expect(await row.getByTestId('evidence-item').count()).toBe(alert.evidence.length);
      if (alert.evidence.some((e) => e.words.length > 0)) {
        expect(await row.getByTestId('evidence-word').count()).toBeGreaterThan(0);
      }
    }
    await app.screenshot('crisis-alert-zh');
    await page
      .id('crisis-board')
      .screenshot({ path: path.join(path.dirname(await app.screenshot('crisis-alert-zh')), 'crisis-board-zh.png') });

    // Start the suggested playbook from the alert: the dialog is prefilled with the alert's name.
    await row.getByTestId('alert-start').click();
    expect(await page.id('start-title').inputValue()).toBe(alert.name);
    if (alert.suggestedPlaybookId !== null) {
      expect(await page.id('start-playbook').inputValue()).toBe(String(alert.suggestedPlaybookId));
    } else {
      await page.id('start-playbook').selectOption(String(playbookId));
    }
    await page.submitStart({ title: '产品质量投诉集中' });
    const panel = await page.waitForPanel();
    const id = await page.panelId();
    const started = await fromServices<Incident>('crisis/incidents/get', { id });
    expect(started.alertId).toBe(alert.id);
    expect(started.isDrill).toBe(false);
    expect(await page.actions().count()).toBe(started.actions.length);
    expect(started.actions.length).toBeGreaterThanOrEqual(2);

    // Tick two actions.
    await page.tickAction(0);
    await page.tickAction(1);
    await panel.locator('[data-testid="incident-done"][data-done="2"]').waitFor();
    await page.openIncidentRow('产品质量投诉集中').and(app.page.locator('[data-done="2"]')).waitFor();

    // Assign the incident lead and record the holding statement: both land in the timeline.
    await panel.locator('[data-testid="role-assignee"][data-role="incident_lead"]').fill('王经理');
    await panel.locator('[data-testid="role-assignee"][data-role="incident_lead"]').press('Enter');
    await page.timelineEvents('assigned').first().waitFor();
    await panel.getByTestId('note-text').fill('已在群内发布初步回应：正在核查批次');
    await panel.getByTestId('note-kind').selectOption('statement');
    await panel.getByTestId('note-save').click();
    await page.timelineEvents('statement').filter({ hasText: '正在核查批次' }).waitFor();

    // Raise the level to 4 (red): the badge changes, the timeline records the reason.
    const before = await panel.getByTestId('incident-level').getAttribute('data-level');
    expect(Number(before)).toBeLessThan(4);
    await page.changeLevel(4, '媒体开始跟进报道');
    await panel.locator('[data-testid="incident-level"][data-level="4"][data-colour="red"]').waitFor();
    const levelEvent = page.timelineEvents('level_changed');
    await levelEvent.first().waitFor();
    expect(await levelEvent.first().textContent()).toContain('媒体开始跟进报道');
    await page.openIncidentRow('产品质量投诉集中').and(app.page.locator('[data-colour="red"]')).waitFor();
    await app.screenshot('crisis-incident-zh');

    // Close with a post-mortem: the incident moves to the past, the post-mortem shows summary and timeline.
    await page.closeWithPostmortem({
      summary: '批次质量问题引发集中投诉，48 小时内完成致歉与补发。',
      wentWell: '一小时内发出首次回应',
      toChange: '质检抽检比例提高',
      followUp: { title: '复盘会后更新 FAQ', owner: '小林', due: '2026-12-31' },
    });
    const postmortem = panel.getByTestId('postmortem');
    await postmortem.waitFor();
    expect(await postmortem.getByTestId('postmortem-summary').textContent()).toContain('批次质量问题');
    expect(await page.timelineEvents(undefined, postmortem.getByTestId('postmortem-timeline')).count()).toBeGreaterThan(
      3,
    );
    expect(await page.timelineEvents('level_changed', postmortem.getByTestId('postmortem-timeline')).count()).toBe(1);
    await page.pastIncidentRow('产品质量投诉集中').waitFor();
    expect(await page.openIncidentRow('产品质量投诉集中').count()).toBe(0);
    await app.screenshot('crisis-postmortem-zh');

    const closed = await fromServices<Incident>('crisis/incidents/get', { id });
    expect(closed.status).toBe('closed');
    expect(closed.actions.filter((a) => a.doneAt !== null)).toHaveLength(2);
    expect(closed.level).toBe(4);
    expect(closed.postmortem?.followUps).toEqual([{ title: '复盘会后更新 FAQ', owner: '小林', due: '2026-12-31' }]);

    // With the panel closed, another alert is acknowledged from the list.
    await page.id('incident-close-panel').click();
    const other = app.page.locator('[data-testid="crisis-alert"][data-status="open"]').first();
    const otherId = await other.getAttribute('data-id');
    await other.getByTestId('alert-ack').click();
    await app.page.locator(`[data-testid="crisis-alert"][data-id="${otherId}"][data-status="acknowledged"]`).waitFor();

    // Reopened from the past list, the post-mortem is there.
    await page.pastIncidentRow('产品质量投诉集中').getByTestId('past-postmortem').click();
    await (await page.waitForPanel(id)).getByTestId('postmortem-summary').waitFor();
    failed = false;
  });

  it('marks a drill as DRILL in the open incidents list and the incident panel', async () => {
    const page = await openDemoCrisis();
    const card = page.id('playbook-card').first();
    await card.getByTestId('playbook-start').click();
    await page.submitStart({ title: '季度演练：客服系统故障', drill: true });
    const panel = await page.waitForPanel();
    await panel.and(app.page.locator('[data-drill="true"]')).waitFor();
    await panel.getByTestId('incident-drill').waitFor();
    await panel.getByTestId('incident-drill-banner').waitFor();
    const row = page.openIncidentRow('季度演练：客服系统故障');
    await row.and(app.page.locator('[data-drill="true"]')).waitFor();
    expect(await row.getByTestId('drill-badge').textContent()).toContain('DRILL');
    expect(await row.getByTestId('drill-badge').textContent()).toContain('演练');
    const incident = await fromServices<Incident>('crisis/incidents/get', { id: await page.panelId() });
    expect(incident.isDrill).toBe(true);
    await app.screenshot('crisis-drill-zh');

    // In English the drill is still marked; times stay in the workspace's zone.
    await new Shell(app.page).setLanguage('en');
    await row.getByTestId('drill-badge').filter({ hasText: 'DRILL' }).waitFor();
    await panel.getByTestId('incident-drill-banner').filter({ hasText: 'exercise' }).waitFor();
    await app.screenshot('crisis-drill-en');
    failed = false;
  });

  it('edits a rule, writes a playbook with reordered steps, and exports the word list', async () => {
    const page = await openDemoCrisis();

    // Rules: the negative-share rule shows its share (in percent) and minimum messages only.
    await page.id('crisis-settings-open').click();
    const settings = page.id('crisis-settings');
    const rule = settings.locator('[data-testid="rule-form"][data-kind="negative_share"]');
    await rule.waitFor();
    const params = await rule
      .getByTestId('rule-param')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-param')));
    expect(params).toEqual(['negativeShare', 'minMessages']);
    const share = rule.locator('[data-param="negativeShare"]');
    expect(await share.inputValue()).toBe('30');
    await share.fill('25');
    await rule.getByTestId('rule-save').click();
    await settings
      .locator('[data-testid="rule-form"][data-kind="negative_share"] [data-param="negativeShare"]')
      .and(app.page.locator('[value="25"]'))
      .waitFor();
    const rules = await fromServices<{ kind: string; params: { negativeShare: number } }[]>('crisis/rules/list', {});
    expect(rules.find((r) => r.kind === 'negative_share')?.params.negativeShare).toBeCloseTo(0.25);

    // Lexicon: export writes a file and offers a download link.
    await settings.getByTestId('crisis-settings-tab-lexicon').click();
    await settings.getByTestId('lexicon-words').waitFor();
    await settings.getByTestId('lexicon-export').click();
    const exported = settings.getByTestId('lexicon-export-result');
    await exported.waitFor();
    const href = (await settings.getByTestId('lexicon-export-download').getAttribute('href')) ?? '';
    const download = await app.page.evaluate(async (url) => (await fetch(url)).status, href);
    expect(download).toBe(200);
    await app.screenshot('crisis-settings-zh');
    await settings.getByTestId('crisis-settings-close').click();

    // A new playbook: two steps, the second moved up; it appears in the library.
    await page.id('playbook-new').click();
    const editor = page.id('playbook-editor');
    await editor.getByTestId('pb-name').fill('直播事故预案');
    await editor.getByTestId('pb-scenario').fill('直播中出现严重失误');
    await editor.getByTestId('pb-step-title').first().fill('暂停直播');
    await editor.getByTestId('pb-step-add').click();
    await editor.getByTestId('pb-step-title').nth(1).fill('发布致歉');
    await editor.getByTestId('pb-step-role').nth(1).selectOption('spokesperson');
    await editor.getByTestId('pb-step-due').nth(1).fill('0.5');
    await editor.getByTestId('pb-step-up').nth(1).click();
    await app.screenshot('crisis-playbook-editor-zh');
    await editor.getByTestId('pb-save').click();
    await editor.waitFor({ state: 'detached' });
    const card = page.id('playbook-card').filter({ hasText: '直播事故预案' });
    await card.getByTestId('playbook-view').click();
    const steps = await card.getByTestId('playbook-step').allTextContents();
    expect(steps[0]).toContain('+30min');
    expect(steps[0]).toContain('发布致歉');
    expect(steps[1]).toContain('暂停直播');

    // Copy it, then delete the copy.
    const before = await page.id('playbook-card').count();
    await card.getByTestId('playbook-copy').click();
    await page.id('playbook-card').nth(before).waitFor();
    const copy = page.id('playbook-card').nth(before);
    await copy.getByTestId('playbook-delete').click();
    await copy.getByTestId('playbook-delete-confirm').click();
    await page.id('playbook-card').nth(before).waitFor({ state: 'detached' });
    failed = false;
  });
});
