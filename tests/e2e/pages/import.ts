/** Page model of the Import page: file, preview, run, result, history, merge. */
import type { Page } from 'playwright-core';

export class ImportPage {
  constructor(private readonly page: Page) {}

  id(testId: string) {
    return this.page.getByTestId(testId);
  }

  async pick(file: string): Promise<void> {
    await this.id('import-file').setInputFiles(file);
    await this.id('import-preview-table').waitFor();
  }

  async start(): Promise<void> {
    await this.id('import-start').click();
    await this.id('import-result').waitFor();
  }

  async number(testId: string): Promise<number> {
    return Number(await this.id(testId).getAttribute('data-value'));
  }

  async anotherFile(): Promise<void> {
    await this.id('import-another').click();
  }
}
