/** Page model of the Dashboard: period picker, health, scorecard, metric tiles and ECharts charts. */
import type { Locator, Page } from 'playwright-core';

export interface Tile {
  metric: string;
  /** null when the metric has no value (the tile says why). */
  value: number | null;
  status: string;
}

export class DashboardPage {
  constructor(private readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  tile(metric: string): Locator {
    return this.page.locator(`[data-testid="metric-tile"][data-metric="${metric}"]`);
  }

  /** The period of the numbers on screen ('from/to'), once loaded. */
  async period(): Promise<string> {
    await this.page.locator('[data-testid="page-dashboard"]:not([data-period=""])').waitFor();
    return (await this.id('page-dashboard').getAttribute('data-period')) ?? '';
  }

  /** Waits until the numbers on screen are for a period other than `previous`, and no fetch is running. */
  async waitForPeriodChange(previous: string): Promise<string> {
    await this.page
      .locator(
        `[data-testid="page-dashboard"][data-loading="false"]:not([data-period="${previous}"]):not([data-period=""])`,
      )
      .waitFor();
    return this.period();
  }

  async waitForLoaded(): Promise<void> {
    await this.page.locator('[data-testid="page-dashboard"][data-loading="false"]:not([data-period=""])').waitFor();
  }

  async tiles(): Promise<Tile[]> {
    await this.id('metric-tile').first().waitFor();
    return this.id('metric-tile').evaluateAll((els) =>
      els.map((e) => {
        const value = e.getAttribute('data-value') ?? '';
        return {
          metric: e.getAttribute('data-metric') ?? '',
          value: value === '' ? null : Number(value),
          status: e.getAttribute('data-status') ?? '',
        };
      }),
    );
  }

  async choosePeriod(preset: 'week' | 'month' | 'quarter' | 'custom'): Promise<void> {
    await this.id('period-select').selectOption(preset);
  }

  async chooseCompare(compare: 'previous' | 'last_year'): Promise<void> {
    await this.id('compare-select').selectOption(compare);
  }

  async chooseDays(from: string, to: string): Promise<void> {
    await this.id('period-from').fill(from);
    await this.id('period-to').fill(to);
  }

  /** Moves the mouse over the middle of a chart's plot and waits for ECharts' tooltip to show. */
  async hoverChart(testId: string): Promise<Locator> {
    const chart = this.id(testId).locator('.echart');
    await chart.locator('svg').waitFor();
    const box = await chart.boundingBox();
    if (!box) throw new Error(`${testId} is not on screen`);
    await chart.scrollIntoViewIfNeeded();
    const again = (await chart.boundingBox()) ?? box;
    // Two moves: ECharts shows an axis tooltip on mousemove inside the plot.
    await this.page.mouse.move(again.x + again.width * 0.5, again.y + again.height * 0.55);
    await this.page.mouse.move(again.x + again.width * 0.55, again.y + again.height * 0.6);
    const tooltip = this.id(testId).locator('.chart-tooltip');
    await tooltip.waitFor({ state: 'visible' });
    return tooltip;
  }

  /** The tier chart's bars as the page states them: tier id and member count, lowest tier first. */
  async tierBars(): Promise<{ tier: string; count: number }[]> {
    const series = (await this.id('chart-tiers').getAttribute('data-series')) ?? '';
    return series
      .split(' ')
      .filter(Boolean)
      .map((pair) => {
        const [tier = '', count = '0'] = pair.split('=');
        return { tier, count: Number(count) };
      });
  }

  /** The tier-moves chart's months as the page states them: promotions and demotions, oldest first. */
  async tierMoves(): Promise<{ month: string; promoted: number; demoted: number }[]> {
    const series = (await this.id('chart-tier-moves').getAttribute('data-series')) ?? '';
    return series
      .split(' ')
      .filter(Boolean)
      .map((pair) => {
        const [month = '', counts = '0/0'] = pair.split('=');
        const [promoted = '0', demoted = '0'] = counts.split('/');
        return { month, promoted: Number(promoted), demoted: Number(demoted) };
      });
  }

  /** The scale-per-source chart's sources as the page states them: members at the end, new in the period. */
  async sources(): Promise<{ source: string; members: number; new: number }[]> {
    const series = (await this.id('chart-sources').getAttribute('data-series')) ?? '';
    return series
      .split(' ')
      .filter(Boolean)
      .map((pair) => {
        const [source = '', counts = '0/0'] = pair.split('=');
        const [members = '0', added = '0'] = counts.split('/');
        return { source, members: Number(members), new: Number(added) };
      });
  }

  /** Clicks the bar of `tier` in the tier chart (bars with members, left to right, in tier order). */
  async clickTierBar(tier: string): Promise<void> {
    const withMembers = (await this.tierBars()).filter((b) => b.count > 0).map((b) => b.tier);
    const index = withMembers.indexOf(tier);
    if (index < 0) throw new Error(`no bar for tier ${tier}`);
    const svg = this.id('chart-tiers').locator('.echart svg');
    await svg.scrollIntoViewIfNeeded();
    // Bars are the filled paths of the SVG (axes and grid lines are strokes only).
    const bars = await svg.evaluate((root) =>
      [...root.querySelectorAll('path')]
        .filter((p) => {
          const fill = p.getAttribute('fill');
          return fill !== null && fill !== 'none' && fill !== 'transparent';
        })
        .map((p) => p.getBoundingClientRect())
        .filter((r) => r.width > 4 && r.height > 1)
        .sort((a, b) => a.x - b.x)
        .map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height - Math.min(4, r.height / 2) })),
    );
    const bar = bars[index];
    if (!bar) throw new Error(`the tier chart drew ${bars.length} bars, not ${withMembers.length}`);
    await this.page.mouse.click(bar.x, bar.y);
  }

  /** The cohort heatmap's rows as the page states them: join month and size, oldest first. */
  async cohorts(): Promise<{ cohort: string; size: number }[]> {
    const series = (await this.id('chart-cohorts').getAttribute('data-series')) ?? '';
    return series
      .split(' ')
      .filter(Boolean)
      .map((pair) => {
        const [cohort = '', size = '0'] = pair.split('=');
        return { cohort, size: Number(size) };
      });
  }

  /** Clicks the first cell of a cohort's row: the row is found by its y-axis label (the month). */
  async clickCohortCell(cohort: string): Promise<void> {
    const svg = this.id('chart-cohorts').locator('.echart svg');
    await svg.scrollIntoViewIfNeeded();
    const point = await svg.evaluate((root, month) => {
      const label = [...root.querySelectorAll('text')].find((t) => (t.textContent ?? '').includes(month));
      if (!label) return null;
      const box = label.getBoundingClientRect();
      const y = box.y + box.height / 2;
      // Cells are the filled paths whose band holds the label's middle, right of the label.
      const cells = [...root.querySelectorAll('path')]
        .filter((p) => {
          const fill = p.getAttribute('fill');
          return fill !== null && fill !== 'none' && fill !== 'transparent';
        })
        .map((p) => p.getBoundingClientRect())
        .filter((r) => r.width > 4 && r.height > 4 && r.y <= y && r.y + r.height >= y && r.x > box.x + box.width)
        .sort((a, b) => a.x - b.x);
      const cell = cells[0];
      return cell ? { x: cell.x + cell.width / 2, y: cell.y + cell.height / 2 } : null;
    }, cohort);
    if (!point) throw new Error(`no heatmap cell in the row of ${cohort}`);
    await this.page.mouse.click(point.x, point.y);
  }

  /** Adds a goal through the form; the target is typed as the form shows it (ratios in %). */
  async addGoal(goal: { metric: string; target: string; horizon?: 'short' | 'mid' | 'long' }): Promise<void> {
    const form = this.id('goal-form');
    await form.getByTestId('goal-metric').selectOption(goal.metric);
    await form.getByTestId('goal-target').fill(goal.target);
    if (goal.horizon) await form.getByTestId('goal-horizon').selectOption(goal.horizon);
    await form.getByTestId('goal-add').click();
  }

  goal(metric: string): Locator {
    return this.page.locator(`[data-testid="goal"][data-metric="${metric}"]`);
  }

  /** The "Targets & rules" field at a settings path, e.g. 'health.ugcShareMin'. */
  ruleField(path: string): Locator {
    return this.page.locator(`[data-testid="rule-field"][data-field="${path}"]`);
  }
}
