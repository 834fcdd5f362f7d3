/**
 * The built UI in Debian's Chromium (playwright-core) against the browser host, on the run's demo
 * workspace, measured inside the page with the Performance API.
 *
 * - `renderer.members.tti_ms`: time to interactive of the Members page, opened by address
 *   (`#/members`) with the workspace already open in the host, in a fresh browser context (empty
 *   HTTP cache). From navigation start (performance.now() = 0) to the later of the animation
 *   frame that first paints grid row 0 with data and the end of the last long task, once 500 ms
 *   pass with no long task. Median of three loads.
 *   Baseline: the floor any UI on this host pays for the same first rows. The same Chromium, in a
 *   fresh context, loads a trivial document from the same host (its plain-text 404), fetches the
 *   grid's first block (`members/grid`, 100 rows) through the same HTTP API and draws it as a
 *   plain table; navigation start → the frame that paints it. The ratio is what the bundle, React
 *   and AG Grid cost on top of the data.
 * - `renderer.members.scroll.*`: from interactive, the grid's body viewport is scrolled 500 px per
 *   animation frame, waiting after each step until no row in the DOM is still loading, until row
 *   index 9,999 (the 10,000th row) shows its data, or the last row in a smaller community. Long
 *   tasks (over 50 ms) starting during the scroll are counted, target none; the longest one and
 *   the scroll's wall time (first step → the row shown) are reported beside it. 500 px a frame
 *   (~30,000 px/s, 13 rows a frame) is a hard fling.
 * - `renderer.members.scroll_wheel.*`: the same in a freshly loaded page at 100 px a frame
 *   (~6,000 px/s, about one mouse-wheel notch every frame), the pace of steady wheel scrolling.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openWorkspaceFile } from '../../../db/open';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { createServices } from '../../../electron/services';
import { recomputeMembers } from '../../../electron/services/members/recompute';
import { dayResolver } from '../../../shared/time';
import { DEMO_NOW, DEMO_TZ, demoWorkspaceFile } from '../demo-workspace';
import {
  chromiumPath,
  interactiveExpression,
  parseInteractive,
  parsePlainTable,
  parseScroll,
  plainTableExpression,
  probeScript,
  scrollExpression,
  type Interactive,
  type Scroll,
} from '../renderer-page';
import { type BenchCase, result } from '../types';

const root = path.resolve(import.meta.dirname, '../../..');
const staticDir = path.join(root, 'out', 'renderer');
const LOADS = 3;
const QUIET_MS = 500;
const SCROLL_ROWS = 10_000;
const STEP_PX = 500;
const WHEEL_PX = 100;
const BLOCK = 100;

/** out/renderer as built; built first when missing. */
function ensureRenderer(log: (message: string) => void): void {
  const index = path.join(staticDir, 'index.html');
  if (!fs.existsSync(index)) {
    log('renderer: out/renderer is missing, building it (npm run build)…');
    // The build's output goes to stderr with the rest of the progress; stdout stays the table.
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (build.status !== 0 || !fs.existsSync(index)) {
      throw new Error('renderer: building out/renderer failed: run `npm run build` and fix what it reports');
    }
  }
  log(
    `renderer: out/renderer built ${fs.statSync(index).mtime.toISOString()} (rebuild with npm run build after UI changes)`,
  );
}

/** The Members page says "not computed" in a workspace nobody scored yet: score it as the other cases do. */
async function ensureScores(file: string, log: (message: string) => void): Promise<void> {
  const ws = openWorkspaceFile(file);
  try {
    if ((ws.sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM member_score').get()?.n ?? 0) > 0) return;
    log('renderer: scoring members first (the grid shows scored members)…');
    recomputeMembers(ws.sqlite, { asOfDay: dayResolver(DEMO_TZ)(DEMO_NOW), timeZone: DEMO_TZ, now: DEMO_NOW });
  } finally {
    await ws.close();
  }
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** A fresh context (empty cache) and page, as the e2e harness sets it up. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`[bench] renderer: page error: ${error.message}\n`));
  return page;
}

async function loadMembersPage(browser: Browser, host: RunningHost): Promise<{ page: Page; interactive: Interactive }> {
  const page = await freshPage(browser);
  await page.addInitScript({ content: probeScript });
  await page.goto(`${host.url}#/members`);
  const interactive = parseInteractive(await page.evaluate(interactiveExpression(QUIET_MS, 60_000)));
  return { page, interactive };
}

async function plainTableMs(browser: Browser, host: RunningHost): Promise<number> {
  const page = await freshPage(browser);
  try {
    await page.goto(new URL('/bench-plain', host.url).toString());
    const plain = parsePlainTable(await page.evaluate(plainTableExpression(host.token, BLOCK)));
    if (plain.rows === 0) throw new Error('renderer: members/grid returned no rows for the baseline');
    return plain.ms;
  } finally {
    await page.context().close();
  }
}

export const renderer: BenchCase = {
  name: 'renderer',
  description:
    'Members page in Chromium: time to interactive; the grid scrolled through 10,000 rows without long tasks',
  async run({ members, sharedDir, tmpDir, log }) {
    ensureRenderer(log);
    const file = await demoWorkspaceFile(sharedDir, members, log, 'renderer');
    await ensureScores(file, log);

    const services = createServices({
      homeDir: path.join(tmpDir, 'home'),
      workspacesDir: path.join(tmpDir, 'workspaces'),
    });
    let host: RunningHost | null = null;
    let browser: Browser | null = null;
    try {
      const opened = await services.router.call('workspace/open', { path: file });
      if (!opened.ok) throw new Error(`renderer: could not open the demo workspace: ${opened.error.message}`);
      host = await startHost({ services, staticDir });
      browser = await chromium.launch({
        executablePath: chromiumPath(),
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });

      const plain: number[] = [];
      for (let i = 0; i < LOADS; i += 1) plain.push(await plainTableMs(browser, host));

      const loads: Interactive[] = [];
      let last: Page | null = null;
      for (let i = 0; i < LOADS; i += 1) {
        if (last) await last.context().close();
        const loaded = await loadMembersPage(browser, host);
        loads.push(loaded.interactive);
        last = loaded.page;
      }
      log(
        `renderer: first row ${loads.map((l) => l.firstRowMs.toFixed(0)).join(' / ')} ms, interactive ${loads
          .map((l) => l.interactiveMs.toFixed(0))
          .join(' / ')} ms (long tasks while loading: ${loads
          .map((l) => `${l.load.count}, longest ${l.load.longestMs.toFixed(0)} ms`)
          .join(' / ')}); plain table ${plain.map((ms) => ms.toFixed(0)).join(' / ')} ms`,
      );
      if (!last) throw new Error('renderer: no load of the Members page');

      // Scroll in the last loaded page, which is interactive now.
      const count = last.locator('[data-testid="member-count"]:not([data-value=""])');
      const rowCount = Number(await count.getAttribute('data-value'));
      const targetRow = Math.min(SCROLL_ROWS, rowCount) - 1;
      if (rowCount < SCROLL_ROWS) {
        log(
          `renderer: only ${rowCount.toLocaleString('en-US')} members in the grid (run with --members ≥ ${SCROLL_ROWS}): scrolling to the last row`,
        );
      }
      const scrollAt = async (page: Page, stepPx: number): Promise<Scroll> => {
        const scroll = parseScroll(await page.evaluate(scrollExpression({ targetRow, stepPx, timeoutMs: 600_000 })));
        if (scroll.lastRow < targetRow)
          throw new Error(`renderer: the grid stopped at row ${scroll.lastRow}, short of ${targetRow} ${scroll.stopped}`);
        log(
          `renderer: ${stepPx} px a frame: scrolled to row index ${scroll.lastRow} in ${scroll.steps} steps, ${(scroll.scrollMs / 1000).toFixed(1)} s; ${scroll.longTasks.count} long task(s), longest ${scroll.longTasks.longestMs.toFixed(0)} ms`,
        );
        await page.context().close();
        return scroll;
      };
      const scroll = await scrollAt(last, STEP_PX);
      // A fresh page for the wheel pace: the first scroll left every block cached.
      const wheel = await scrollAt((await loadMembersPage(browser, host)).page, WHEEL_PX);

      return [
        result('renderer.members.first_row_ms', median(loads.map((l) => l.firstRowMs)), 'ms', median(plain)),
        result('renderer.members.tti_ms', median(loads.map((l) => l.interactiveMs)), 'ms', median(plain)),
        result('renderer.members.scroll.rows', scroll.lastRow + 1, 'rows'),
        result('renderer.members.scroll.long_tasks', scroll.longTasks.count, 'tasks', null, { max: 0 }),
        result('renderer.members.scroll.longest_task_ms', scroll.longTasks.longestMs, 'ms'),
        result('renderer.members.scroll.total_s', scroll.scrollMs / 1000, 's'),
        result('renderer.members.scroll_wheel.long_tasks', wheel.longTasks.count, 'tasks', null, { max: 0 }),
        result('renderer.members.scroll_wheel.longest_task_ms', wheel.longTasks.longestMs, 'ms'),
        result('renderer.members.scroll_wheel.total_s', wheel.scrollMs / 1000, 's'),
      ];
    } finally {
      await browser?.close();
      await host?.close();
      await services.dispose();
    }
  },
};
