/** Page model of the Members page: tier tiles, filters, the AG Grid member grid, bulk actions, drawer. */
import type { Locator, Page } from 'playwright-core';

const GRID = '[data-testid="member-grid"]';

export class MembersPage {
  constructor(private readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  tile(tier: string): Locator {
    return this.page.locator(`[data-testid="tier-tile"][data-tier="${tier}"]`);
  }

  /** The tiers on the tiles, lowest first, with their counts. */
  async tiles(): Promise<{ tier: string; count: number }[]> {
    const tiles = this.id('tier-tile');
    await tiles.first().waitFor();
    const result: { tier: string; count: number }[] = [];
    for (const tile of await tiles.all()) {
      result.push({
        tier: (await tile.getAttribute('data-tier')) ?? '',
        count: Number(await tile.getAttribute('data-count')),
      });
    }
    return result;
  }

  /** The total above the grid, once counted. */
  async count(): Promise<number> {
    const count = this.id('member-count');
    await this.page.locator('[data-testid="member-count"]:not([data-value=""])').waitFor();
    return Number(await count.getAttribute('data-value'));
  }

  /** A cell of a loaded row (row index as shown, from 0). */
  cell(row: number, column: string): Locator {
    return this.page.locator(`${GRID} .ag-row[row-index="${row}"] .ag-cell[col-id="${column}"]`);
  }

  /** Waits for the grid's first row to have data. */
  async waitForRows(): Promise<void> {
    await this.cell(0, 'name').locator('[data-testid="member-name-cell"]').waitFor();
  }

  /** The raw numbers of a numeric column in the first `n` rows. */
  async numbers(column: string, n: number): Promise<number[]> {
    const values: number[] = [];
    for (let row = 0; row < n; row++) {
      const value = await this.cell(row, column).locator('[data-value]').getAttribute('data-value');
      values.push(Number(value));
    }
    return values;
  }

  /** The names in the first `n` rows, in row order. */
  async names(n: number): Promise<string[]> {
    const names: string[] = [];
    for (let row = 0; row < n; row++) names.push(await this.cell(row, 'name').innerText());
    return names;
  }

  /** The tier ids of the rows loaded so far. */
  async loadedTiers(): Promise<string[]> {
    return this.page
      .locator(`${GRID} .ag-cell[col-id="tier"] [data-tier]`)
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-tier') ?? ''));
  }

  /** The names of the rows loaded so far. */
  async loadedNames(): Promise<string[]> {
    return this.page.locator(`${GRID} [data-testid="member-name-cell"]`).allTextContents();
  }

  header(column: string): Locator {
    return this.page.locator(`${GRID} .ag-header-cell[col-id="${column}"]`);
  }

  /** Clicks a column header until the grid sorts by it in `direction`. */
  async sortBy(column: string, direction: 'descending' | 'ascending'): Promise<void> {
    const header = this.header(column);
    for (let i = 0; i < 3 && (await header.getAttribute('aria-sort')) !== direction; i++) {
      await header.locator('.ag-header-cell-label').click();
    }
    await this.page.locator(`${GRID} .ag-header-cell[col-id="${column}"][aria-sort="${direction}"]`).waitFor();
  }

  /** Ticks a row's checkbox, choosing it for bulk actions; with `shift`, every row since the last one ticked. */
  async tick(row: number, shift = false): Promise<void> {
    const box = this.page.locator(`${GRID} .ag-row[row-index="${row}"] .ag-selection-checkbox input`);
    if (shift) await box.click({ modifiers: ['Shift'] });
    else await box.check();
  }

  /** Shows or hides a column through the Columns menu. */
  async showColumn(column: string, shown: boolean): Promise<void> {
    await this.id('member-columns-button').click();
    await this.page.locator(`[data-testid="member-column-toggle"][data-column="${column}"]`).setChecked(shown);
    await this.page.keyboard.press('Escape');
  }

  async search(text: string): Promise<void> {
    await this.id('member-quick-search').fill(text);
  }

  /** Opens the member in a row and waits for the drawer to show them. */
  async open(row: number): Promise<number> {
    const name = this.cell(row, 'name').locator('[data-testid="member-name-cell"]');
    const id = Number(await name.getAttribute('data-member-id'));
    await name.click();
    await this.page
      .locator(`[data-testid="member-drawer"][data-member-id="${id}"] [data-testid="member-scores"]`)
      .waitFor();
    return id;
  }

  async drawerTier(): Promise<string> {
    return (await this.id('member-drawer-tier').getAttribute('data-tier')) ?? '';
  }

  /** The tier above the open member's and the points still needed for it. */
  async nextTier(): Promise<{ tier: string; needed: number }> {
    const next = this.id('member-next-tier');
    return {
      tier: (await next.getAttribute('data-tier')) ?? '',
      needed: Number(await next.getAttribute('data-needed')),
    };
  }

  async grant(points: number, reason: string): Promise<void> {
    await this.id('member-points-kind').selectOption('grant');
    await this.id('member-points-input').fill(String(points));
    await this.id('member-points-reason').fill(reason);
    await this.id('member-points-submit').click();
    await this.id('member-points-done').waitFor();
  }

  /** Exports the grid as CSV; resolves to the file's path. */
  async exportCsv(): Promise<string> {
    await this.id('bulk-export').click();
    const result = this.id('bulk-export-result');
    await result.waitFor();
    return (await result.getAttribute('data-path')) ?? '';
  }
}
