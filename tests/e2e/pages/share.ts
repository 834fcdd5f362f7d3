/** Page model of the team share and the portfolio: the share folder setting, publishing, restoring, client rows. */
import type { Locator, Page } from 'playwright-core';

export interface PublishedBundle {
  bundle: string;
  files: Record<string, number>;
}

export interface PortfolioRowView {
  path: string;
  name: string;
  problem: string;
  members: number | null;
  health: string;
}

export class SharePage {
  constructor(private readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Types the folder on the Settings page and saves it; resolves once it is saved or refused. */
  async setShareFolder(folder: string): Promise<'saved' | 'refused'> {
    await this.id('share-folder').fill(folder);
    await this.id('share-folder-save').click();
    await this.page.locator('[data-testid="share-folder-saved"], [data-testid="share-folder-error"]').first().waitFor();
    return (await this.id('share-folder-error').count()) > 0 ? 'refused' : 'saved';
  }

  /** Clicks "Publish to team share" on the Reports page and waits for the written bundle. */
  async publish(): Promise<PublishedBundle> {
    await this.id('share-publish').click();
    const result = this.id('share-publish-result');
    await result.waitFor({ timeout: 120_000 });
    const files: Record<string, number> = {};
    for (const row of await this.id('share-publish-file').all()) {
      files[(await row.getAttribute('data-name')) ?? ''] = Number(await row.getAttribute('data-size'));
    }
    return { bundle: (await result.getAttribute('data-bundle')) ?? '', files };
  }

  /** Opens the portfolio from the top bar's menu (it works with or without an open workspace). */
  async openPortfolio(): Promise<void> {
    await this.id('workspace-switcher').click();
    await this.id('switcher-portfolio').click();
    await this.id('page-portfolio').waitFor();
  }

  /** Loads the workspaces of a folder and waits until the table answers it. */
  async loadPortfolio(folder: string): Promise<void> {
    await this.id('portfolio-folder').fill(folder);
    await this.id('portfolio-load').click();
    await this.page
      .locator(`[data-testid="page-portfolio"][data-loading="false"][data-folder="${folder.replace(/"/g, '\\"')}"]`)
      .waitFor();
  }

  async portfolioRows(): Promise<PortfolioRowView[]> {
    const out: PortfolioRowView[] = [];
    for (const row of await this.id('portfolio-row').all()) {
      const problem = (await row.getAttribute('data-problem')) ?? '';
      const members = problem ? null : await row.getByTestId('portfolio-members').getAttribute('data-value');
      out.push({
        path: (await row.getAttribute('data-path')) ?? '',
        name: (await row.getByTestId('portfolio-name').evaluate((td) => td.firstChild?.textContent ?? '')).trim(),
        problem,
        members: members ? Number(members) : null,
        health: (await row.getAttribute('data-health')) ?? '',
      });
    }
    return out;
  }

  /** "Open from team share" through the workspace menu. */
  async openFromShare(): Promise<void> {
    await this.id('workspace-switcher').click();
    await this.id('switcher-share').click();
    await this.id('share-open').waitFor();
  }

  bundle(path: string): Locator {
    return this.page.locator(`[data-testid="share-bundle"][data-path="${path.replace(/"/g, '\\"')}"]`);
  }

  async restore(path: string): Promise<void> {
    await this.bundle(path).getByTestId('share-bundle-restore').click();
  }
}
