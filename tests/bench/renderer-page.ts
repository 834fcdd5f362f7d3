/**
 * What the renderer case runs inside Chromium: a probe installed before the page's own scripts
 * (long tasks, the first grid row), the wait for time to interactive, the scroll through the member
 * grid and the plain-table baseline. Kept as JavaScript source: the Node tsconfig has no DOM types,
 * and tsx's name-keeping helpers would not exist inside the page if functions were passed instead.
 * Each answer is checked with zod on the way back.
 */
import fs from 'node:fs';
import { z } from 'zod';

/** Where the page probe keeps what it saw: `window.__hearthBench`. */
const STATE = 'window.__hearthBench';
const GRID = '[data-testid="member-grid"]';
/** A first row with data (a loading row has no name cell). */
const FIRST_ROW = `${GRID} .ag-row[row-index="0"] [data-testid="member-name-cell"]`;

/** Debian's Chromium (or HEARTH_CHROMIUM), as the e2e harness finds it. */
export function chromiumPath(): string {
  const candidates = [
    process.env.HEARTH_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((c): c is string => !!c && fs.existsSync(c));
  if (!found) throw new Error('renderer: no Chromium found: install one (npm test does) or set HEARTH_CHROMIUM');
  return found;
}

/**
 * Installed with addInitScript, so it runs before any of the page's scripts: every long task
 * (over 50 ms, the Long Tasks API's definition) with its start and duration, and the time of the
 * animation frame that first paints the grid's row 0 with data.
 */
export const probeScript = `(() => {
  const state = { longTasks: [], firstRow: null };
  ${STATE} = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const rows = new MutationObserver(() => {
    if (!document.querySelector(${JSON.stringify(FIRST_ROW)})) return;
    rows.disconnect();
    requestAnimationFrame(() => { state.firstRow = performance.now(); });
  });
  rows.observe(document, { childList: true, subtree: true });
})()`;

const longTaskStats = z.object({ count: z.number(), longestMs: z.number() });

const interactiveSchema = z.object({
  firstRowMs: z.number(),
  interactiveMs: z.number(),
  load: longTaskStats,
});
export type Interactive = z.infer<typeof interactiveSchema>;

/**
 * Waits in the page for time to interactive and returns it, in ms from navigation start
 * (performance.now() is 0 there): the later of the first painted row and the end of the last long
 * task, once `quietMs` have passed after it without another long task.
 */
export function interactiveExpression(quietMs: number, timeoutMs: number): string {
  return `new Promise((resolve, reject) => {
    const state = ${STATE};
    const check = () => {
      const now = performance.now();
      if (state.firstRow !== null) {
        const lastEnd = Math.max(state.firstRow, ...state.longTasks.map((t) => t.start + t.duration));
        if (now - lastEnd >= ${quietMs}) {
          resolve({
            firstRowMs: state.firstRow,
            interactiveMs: lastEnd,
            load: {
              count: state.longTasks.length,
              longestMs: Math.max(0, ...state.longTasks.map((t) => t.duration)),
            },
          });
          return;
        }
      }
      if (now > ${timeoutMs}) reject(new Error('no grid row within ${timeoutMs} ms of navigation start'));
      else setTimeout(check, 25);
    };
    check();
  })`;
}

export function parseInteractive(value: unknown): Interactive {
  return interactiveSchema.parse(value);
}

const scrollSchema = z.object({
  lastRow: z.number(),
  stopped: z.string(),
  steps: z.number(),
  scrollMs: z.number(),
  longTasks: longTaskStats,
});
export type Scroll = z.infer<typeof scrollSchema>;

/**
 * Scrolls the grid's body viewport (the element that scrolls vertically) down `stepPx` at a time, one animation frame per step, and
 * after each step waits (frame by frame) until no loading row is left in the DOM, i.e. every row
 * in view shows its data; stops once a row with index ≥ `targetRow` shows its data, or when the
 * grid stops growing (no more rows). Long tasks that start during the scroll are counted.
 */
export function scrollExpression(options: { targetRow: number; stepPx: number; timeoutMs: number }): string {
  return `(async () => {
    const state = ${STATE};
    const grid = document.querySelector(${JSON.stringify(GRID)});
    // The body's scrolling element: .ag-grid-viewport since AG Grid 35, .ag-body-viewport before.
    const viewport = grid && grid.querySelector('.ag-grid-viewport, .ag-body-viewport');
    if (!viewport) throw new Error('no .ag-grid-viewport (or .ag-body-viewport) in the member grid');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const lastShown = () => {
      let last = -1;
      for (const row of grid.querySelectorAll('.ag-row[row-index]:not(.ag-row-loading)')) {
        last = Math.max(last, Number(row.getAttribute('row-index')));
      }
      return last;
    };
    const started = performance.now();
    const deadline = started + ${options.timeoutMs};
    const overdue = () => {
      if (performance.now() > deadline) throw new Error('scrolling took over ${options.timeoutMs} ms, at row ' + lastShown());
    };
    let steps = 0;
    let still = 0;
    while (lastShown() < ${options.targetRow}) {
      const before = viewport.scrollTop;
      viewport.scrollTop = before + ${options.stepPx};
      steps += 1;
      await frame();
      while (grid.querySelector('.ag-row-loading')) {
        overdue();
        await frame();
      }
      overdue();
      // At the bottom of a grid that knows its last row, scrollTop stops moving.
      still = viewport.scrollTop === before ? still + 1 : 0;
      if (still >= 10) {
        state.stopped = { scrollTop: viewport.scrollTop, scrollHeight: viewport.scrollHeight, clientHeight: viewport.clientHeight, rows: grid.querySelectorAll('.ag-row[row-index]').length, loading: grid.querySelectorAll('.ag-row-loading').length };
        break;
      }
    }
    const ended = performance.now();
    // A long task's entry is delivered after it ends: give the observer two frames to report.
    await frame();
    await frame();
    const tasks = state.longTasks.filter((t) => t.start >= started && t.start < ended);
    return {
      lastRow: lastShown(),
      stopped: JSON.stringify(state.stopped || null),
      steps,
      scrollMs: ended - started,
      longTasks: { count: tasks.length, longestMs: Math.max(0, ...tasks.map((t) => t.duration)) },
    };
  })()`;
}

export function parseScroll(value: unknown): Scroll {
  return scrollSchema.parse(value);
}

/**
 * The baseline, on any document from the host (its plain-text 404 does): the same first block the
 * grid asks for, fetched from the host's API with the token and drawn as a plain table; resolves
 * at the animation frame that paints it, in ms from navigation start.
 */
export function plainTableExpression(token: string, limit: number): string {
  return `(async () => {
    const response = await fetch('/api/members/grid', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + ${JSON.stringify(token)} },
      body: JSON.stringify({ filter: {}, sort: [], start: 0, limit: ${limit} }),
    });
    const body = await response.json();
    if (!body.ok) throw new Error('members/grid: ' + JSON.stringify(body.error));
    const table = document.createElement('table');
    for (const row of body.data.rows) {
      const tr = table.insertRow();
      for (const value of Object.values(row)) tr.insertCell().textContent = String(value);
    }
    document.body.replaceChildren(table);
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    return { ms: performance.now(), rows: body.data.rows.length };
  })()`;
}

export function parsePlainTable(value: unknown): { ms: number; rows: number } {
  return z.object({ ms: z.number(), rows: z.number() }).parse(value);
}
