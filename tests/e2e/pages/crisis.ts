/** Page model of the Crisis page: status board, alerts, incidents, the incident panel, playbooks. */
import type { Locator, Page } from 'playwright-core';

export class CrisisPage {
  constructor(private readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async waitForLoaded(): Promise<void> {
    await this.page.locator('[data-testid="page-crisis"][data-loading="false"]').waitFor();
  }

  async setActor(name: string): Promise<void> {
    await this.id('crisis-actor').fill(name);
  }

  /** Runs a scan through the button and waits for its result line. */
  async scan(): Promise<{ messages: number; alerts: number }> {
    await this.id('crisis-scan').click();
    const result = this.id('crisis-scan-result');
    await result.waitFor();
    return {
      messages: Number(await result.getAttribute('data-messages')),
      alerts: Number(await result.getAttribute('data-alerts')),
    };
  }

  alert(id: number): Locator {
    return this.page.locator(`[data-testid="crisis-alert"][data-id="${id}"]`);
  }

  openIncidentRow(title?: string): Locator {
    const all = this.page.locator('[data-testid="crisis-incident"]');
    return title ? all.filter({ hasText: title }) : all;
  }

  pastIncidentRow(title: string): Locator {
    return this.page.locator('[data-testid="crisis-past-incident"]').filter({ hasText: title });
  }

  panel(): Locator {
    return this.id('incident-panel');
  }

  /** The incident panel once incident `id` (or any) is loaded in it. */
  async waitForPanel(id?: number): Promise<Locator> {
    const selector = id === undefined ? ':not([data-id=""])' : `[data-id="${id}"]`;
    const panel = this.page.locator(`[data-testid="incident-panel"]${selector}`);
    await panel.waitFor();
    return panel;
  }

  async panelId(): Promise<number> {
    return Number(await (await this.waitForPanel()).getAttribute('data-id'));
  }

  /** Fills and submits the start dialog (already open and prefilled). */
  async submitStart(options: { title?: string; drill?: boolean } = {}): Promise<void> {
    const dialog = this.id('start-dialog');
    await dialog.waitFor();
    if (options.title !== undefined) await dialog.getByTestId('start-title').fill(options.title);
    if (options.drill) await dialog.getByTestId('start-drill').check();
    await dialog.getByTestId('start-submit').click();
    await dialog.waitFor({ state: 'detached' });
  }

  actions(): Locator {
    return this.panel().locator('[data-testid="incident-action"]');
  }

  async tickAction(n: number): Promise<void> {
    const action = this.actions().nth(n);
    await action.getByTestId('action-done').check();
    await action.and(this.page.locator('[data-done="true"]')).waitFor();
  }

  async changeLevel(level: number, reason: string, colour?: string): Promise<void> {
    await this.panel().getByTestId('incident-level-change').click();
    const form = this.id('incident-level-form');
    await form.getByTestId('level-level').selectOption(String(level));
    if (colour) await form.getByTestId('level-colour').selectOption(colour);
    await form.getByTestId('level-reason').fill(reason);
    await form.getByTestId('level-save').click();
    await form.waitFor({ state: 'detached' });
  }

  timelineEvents(kind?: string, within: Locator = this.panel().getByTestId('incident-timeline')): Locator {
    const all = within.locator('[data-testid="timeline-event"]');
    return kind ? all.and(this.page.locator(`[data-kind="${kind}"]`)) : all;
  }

  async closeWithPostmortem(pm: {
    summary: string;
    wentWell?: string;
    toChange?: string;
    followUp?: { title: string; owner: string; due: string };
  }): Promise<void> {
    await this.panel().getByTestId('incident-close-start').click();
    const form = this.id('postmortem-form');
    await form.getByTestId('pm-summary').fill(pm.summary);
    if (pm.wentWell) await form.getByTestId('pm-wentWell').fill(pm.wentWell);
    if (pm.toChange) await form.getByTestId('pm-toChange').fill(pm.toChange);
    if (pm.followUp) {
      await form.getByTestId('fu-add').click();
      const row = form.getByTestId('pm-followup').last();
      await row.getByTestId('fu-title').fill(pm.followUp.title);
      await row.getByTestId('fu-owner').fill(pm.followUp.owner);
      await row.getByTestId('fu-due').fill(pm.followUp.due);
    }
    await form.getByTestId('pm-save').click();
    await this.page.locator('[data-testid="incident-panel"][data-status="closed"]').waitFor();
  }
}
