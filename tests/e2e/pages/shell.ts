/** Page model of Hearth's shell: welcome screen, navigation, workspace switcher, language. */
import type { Page } from 'playwright-core';

export const pages = ['dashboard', 'members', 'calendar', 'crisis', 'import', 'reports', 'settings'] as const;
export type PageName = (typeof pages)[number];

export class Shell {
  constructor(private readonly page: Page) {}

  byTestId(id: string) {
    return this.page.getByTestId(id);
  }

  async createWorkspace(options: { name: string; timeZone?: string; currency?: string; locale?: 'zh-CN' | 'en' }): Promise<void> {
    await this.byTestId('create-name').fill(options.name);
    if (options.timeZone) {
      // A common zone is in the list; any other is typed after choosing "other".
      const select = this.byTestId('create-timezone');
      const listed = await select.locator(`option[value="${options.timeZone}"]`).count();
      if (listed > 0) await select.selectOption(options.timeZone);
      else {
        await select.selectOption({ index: (await select.locator('option').count()) - 1 });
        await this.byTestId('create-timezone-custom').fill(options.timeZone);
      }
    }
    if (options.currency) await this.byTestId('create-currency').fill(options.currency);
    if (options.locale) await this.byTestId('create-locale').selectOption(options.locale);
    await this.byTestId('create-submit').click();
    await this.byTestId('current-workspace-name').filter({ hasText: options.name }).waitFor();
  }

  async go(name: PageName): Promise<void> {
    await this.byTestId(`nav-${name}`).click();
    await this.byTestId(`page-${name}`).waitFor();
  }

  async setLanguage(language: 'zh-CN' | 'en'): Promise<void> {
    await this.byTestId('language-select').first().selectOption(language);
    await this.page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
  }

  async openSwitcher(): Promise<void> {
    await this.byTestId('workspace-switcher').click();
  }

  async switchTo(path: string): Promise<void> {
    await this.openSwitcher();
    await this.page.locator(`[data-testid="recent-item"][data-path="${path.replace(/"/g, '\\"')}"]`).first().click();
  }

  async openByPath(path: string): Promise<void> {
    await this.openSwitcher();
    await this.byTestId('switcher-open').click();
    await this.byTestId('open-path').fill(path);
    await this.byTestId('open-submit').click();
  }
}
