/** Page model of the Reports page: options, the sandboxed preview, sections, saving and branding. */
import type { FrameLocator, Locator, Page } from 'playwright-core';

export interface SavedReport {
  pdfPath: string;
  htmlPath: string;
  pages: number | null;
}

export class ReportsPage {
  constructor(private readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** The report document inside the preview iframe. */
  preview(): FrameLocator {
    return this.page.frameLocator('[data-testid="report-preview-frame"]');
  }

  /**
   * Waits until the preview answers the given choices and its document is loaded. The iframe's
   * attributes say which request the shown HTML answers; the document's `lang` says it was swapped in.
   */
  async waitForPreview(expected: { locale?: 'zh-CN' | 'en'; mask?: boolean; range?: string } = {}): Promise<void> {
    let selector = '[data-testid="report-preview-frame"]';
    if (expected.locale) selector += `[data-locale="${expected.locale}"]`;
    if (expected.mask !== undefined) selector += `[data-mask="${expected.mask}"]`;
    if (expected.range) selector += `[data-range="${expected.range}"]`;
    await this.page.locator(selector).waitFor();
    await this.page.locator('[data-testid="page-reports"][data-loading="false"]').waitFor();
    const lang = expected.locale ?? (await this.page.locator(selector).getAttribute('data-locale')) ?? '';
    await this.preview().locator(`html[lang="${lang}"] body`).waitFor();
  }

  /** The preview's text as a reader sees it. */
  async previewText(): Promise<string> {
    return this.preview().locator('body').innerText();
  }

  async setLocale(locale: 'zh-CN' | 'en'): Promise<void> {
    await this.id('report-locale').selectOption(locale);
  }

  async setMask(mask: boolean): Promise<void> {
    await this.id('report-mask').setChecked(mask);
  }

  async setCustom(from: string, to: string): Promise<void> {
    await this.id('report-period').selectOption('custom');
    await this.id('report-from').fill(from);
    await this.id('report-to').fill(to);
  }

  /** The checklist beside the preview: section id → has data. */
  async sections(): Promise<Record<string, boolean>> {
    const rows = this.page.locator('[data-testid="report-section"]');
    const out: Record<string, boolean> = {};
    for (const row of await rows.all()) {
      out[(await row.getAttribute('data-id')) ?? ''] = (await row.getAttribute('data-has-data')) === 'true';
    }
    return out;
  }

  /** Clicks one of the save buttons and waits for the written files. */
  async save(which: 'both' | 'pdf' | 'html' = 'both'): Promise<SavedReport> {
    await this.id(`report-save-${which}`).click();
    const result = this.id('report-save-result');
    await result.waitFor();
    const pages = await result.getAttribute('data-pages');
    return {
      pdfPath: (await result.getAttribute('data-pdf-path')) ?? '',
      htmlPath: (await result.getAttribute('data-html-path')) ?? '',
      pages: pages ? Number(pages) : null,
    };
  }

  /** Opens the branding panel, fills what is given and saves. */
  async setBranding(branding: { title?: string; colour?: string; logoFile?: string }): Promise<void> {
    if (!(await this.id('report-branding').isVisible())) await this.id('report-branding-open').click();
    await this.id('report-brand-title').waitFor();
    if (branding.title !== undefined) await this.id('report-brand-title').fill(branding.title);
    if (branding.colour !== undefined) await this.id('report-brand-colour').fill(branding.colour);
    if (branding.logoFile !== undefined) {
      const chooser = this.page.waitForEvent('filechooser');
      await this.id('report-brand-logo-pick').click();
      await (await chooser).setFiles(branding.logoFile);
      // The remove button shows once the upload has given the field a path.
      await this.id('report-brand-logo-clear').waitFor();
    }
    await this.id('report-brand-save').click();
    await this.id('report-brand-saved').waitFor();
  }
}
