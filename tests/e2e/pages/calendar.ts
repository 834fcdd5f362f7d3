/** Page model of the Calendar: the FullCalendar grid, the item form, drawer, review panel, settings and mix bars. */
import type { Locator, Page } from 'playwright-core';

export interface ShownEvent {
  key: string;
  date: string;
  title: string;
  status: string;
}

/** 'YYYY-MM-DD' plus `n` days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export class CalendarPage {
  constructor(private readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** The visible days, once the range's data is on screen. */
  async range(): Promise<{ from: string; to: string }> {
    await this.waitForLoaded();
    const [from = '', to = ''] = ((await this.id('page-calendar').getAttribute('data-range')) ?? '').split('/');
    return { from, to };
  }

  async waitForLoaded(): Promise<void> {
    await this.page.locator('[data-testid="page-calendar"][data-loading="false"]:not([data-range=""])').waitFor();
  }

  events(title?: string): Locator {
    const all = this.page.locator('[data-testid="calendar-event"]');
    return title ? all.filter({ hasText: title }) : all;
  }

  async shownEvents(title?: string): Promise<ShownEvent[]> {
    return this.events(title).evaluateAll((els) =>
      els.map((e) => ({
        key: e.getAttribute('data-key') ?? '',
        date: e.getAttribute('data-date') ?? '',
        title: e.textContent ?? '',
        status: e.getAttribute('data-status') ?? '',
      })),
    );
  }

  /** A day's cell in the month grid. */
  day(date: string): Locator {
    return this.page.locator(`td.fc-daygrid-day[data-date="${date}"]`);
  }

  /** Creates an item (or a weekly series on the start's weekday) through the form. */
  async createItem(item: {
    title: string;
    body?: string;
    date: string;
    time?: string;
    pillar?: string;
    channel?: string;
    weekly?: boolean;
  }): Promise<void> {
    await this.id('calendar-new').click();
    const form = this.id('item-form');
    await form.waitFor();
    await form.getByTestId('item-title').fill(item.title);
    if (item.body) await form.getByTestId('item-body').fill(item.body);
    if (item.channel) await form.getByTestId('item-channel').fill(item.channel);
    if (item.pillar) await form.getByTestId('item-pillar').selectOption(item.pillar);
    await form.getByTestId('item-date').fill(item.date);
    await form.getByTestId('item-time').fill(item.time ?? '10:00');
    if (item.weekly) await form.getByTestId('repeat-kind').selectOption('weekly');
    await form.getByTestId('item-form-save').click();
    await form.waitFor({ state: 'detached' });
  }

  /**
   * Drags an event to another day of the month grid with real pointer movement (FullCalendar
   * starts a drag only after the pointer has moved a few pixels with the button down).
   */
  async dragEventToDay(event: Locator, date: string): Promise<void> {
    await event.scrollIntoViewIfNeeded();
    const from = await event.boundingBox();
    const cell = await this.day(date).boundingBox();
    if (!from || !cell) throw new Error(`no event or no cell for ${date}`);
    const x0 = from.x + from.width / 2;
    const y0 = from.y + from.height / 2;
    const x1 = cell.x + cell.width / 2;
    const y1 = cell.y + cell.height / 2;
    await this.page.mouse.move(x0, y0);
    await this.page.mouse.down();
    await this.page.mouse.move(x0 + 6, y0 + 6, { steps: 3 });
    await this.page.mouse.move(x1, y1, { steps: 12 });
    await this.page.mouse.move(x1 + 2, y1 + 2, { steps: 2 });
    await this.page.mouse.up();
  }

  async openEvent(title: string): Promise<void> {
    await this.events(title).first().click();
    await this.page.locator('[data-testid="item-drawer"]:not([data-key=""])').waitFor();
  }

  drawer(): Locator {
    return this.id('item-drawer');
  }

  review(action: string): Locator {
    return this.drawer().getByTestId(`review-${action}`);
  }

  async setSensitiveWords(lines: string): Promise<void> {
    await this.id('calendar-settings-open').click();
    const dialog = this.id('calendar-settings');
    await dialog.waitFor();
    await dialog.getByTestId('settings-words').fill(lines);
    await dialog.getByTestId('settings-save').click();
    await dialog.waitFor({ state: 'detached' });
  }

  mixPart(group: string, key: string): Locator {
    return this.page.locator(`[data-testid="mix-part"][data-group="${group}"][data-key="${key}"]`);
  }

  async mixShare(group: string, key: string): Promise<{ share: string; status: string }> {
    const part = this.mixPart(group, key);
    await part.waitFor();
    return {
      share: (await part.getAttribute('data-share')) ?? '',
      status: (await part.getAttribute('data-status')) ?? '',
    };
  }
}
